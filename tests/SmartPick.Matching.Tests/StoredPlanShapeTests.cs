using System.Text.Json;
using Shouldly;
using SmartPick.Matching.Model;

namespace SmartPick.Matching.Tests;

/// <summary>Lists stored before the plan's money fields were named cost_usd and budget_usd still read whole.</summary>
public class StoredPlanShapeTests
{
    private const string FirstStored = """
        {"Cost": {"Eras": 930, "Nrmp": 70, "Token": 165, "Total": 1245, "Transcript": 80, "ExpectedRanks": 1},
         "IsSplit": false, "Regions": [], "Signals": [], "CurveCosts": [],
         "BySpecialty": [{"Eras": 930, "Specialty": "internal_medicine", "Applications": 50}],
         "FeeSchedule": 2026, "BudgetDollars": 2000, "ApplicationsAffordable": 75}
        """;

    [Fact]
    public void a_plan_stored_under_the_first_names_reads_its_cost_and_budget()
    {
        var plan = JsonSerializer.Deserialize<StrategyPlan>(FirstStored)!;

        plan.Cost.ShouldNotBeNull();
        plan.Cost.Total.ShouldBe(1245);
        plan.BudgetDollars.ShouldBe(2000);
        plan.ApplicationsAffordable.ShouldBe(75);
    }

    [Fact]
    public void a_plan_is_written_and_read_back_under_the_current_names_only()
    {
        var plan = JsonSerializer.Deserialize<StrategyPlan>(FirstStored)!;

        var json = JsonSerializer.Serialize(plan);
        json.ShouldContain("\"cost_usd\"");
        json.ShouldContain("\"budget_usd\"");
        json.ShouldNotContain("\"Cost\"");
        json.ShouldNotContain("\"BudgetDollars\"");
        JsonSerializer.Deserialize<StrategyPlan>(json)!.Cost.Total.ShouldBe(1245);
    }
}
