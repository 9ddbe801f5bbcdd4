using System.Text.Json;
using SmartPick.Matching.Json;
using SmartPick.Matching.Model;
using SmartPick.Matching.Stages;
using SmartPick.Matching.Strategy;
using SmartPick.Matching.Tests.Support;

namespace SmartPick.Matching.Tests;

using Catalog = SmartPick.Matching.Model.Catalog;

/// <summary>Signals, geographic preferences, money and what unlocks a program.</summary>
public class StrategyTests
{
    private static readonly FeeSchedule Fees2026 = SeasonFactsTable.For(2026).Fees;
    private static readonly FeeSchedule Fees2024 = SeasonFactsTable.For(2024).Fees;

    // --- Fees ------------------------------------------------------------------------------------

    [Fact]
    public void eras_2026_costs_11_dollars_up_to_30_programs_then_30_and_restarts_for_each_specialty()
    {
        Fees2026.ErasFor(0).ShouldBe(0m);
        Fees2026.ErasFor(1).ShouldBe(11m);
        Fees2026.ErasFor(30).ShouldBe(330m);
        Fees2026.ErasFor(31).ShouldBe(360m);
        // AAMC's own example: 43 internal medicine and 7 radiology programs cost $797.
        (Fees2026.ErasFor(43) + Fees2026.ErasFor(7)).ShouldBe(797m);
        Fees2026.ErasOfNth(30).ShouldBe(11m);
        Fees2026.ErasOfNth(31).ShouldBe(30m);
    }

    [Fact]
    public void eras_2024_charged_99_dollars_for_up_to_10_programs_then_19_23_and_27()
    {
        Fees2024.ErasFor(1).ShouldBe(99m);
        Fees2024.ErasFor(10).ShouldBe(99m);
        Fees2024.ErasFor(11).ShouldBe(118m);
        Fees2024.ErasFor(20).ShouldBe(99m + 190m);
        Fees2024.ErasFor(30).ShouldBe(99m + 190m + 230m);
        Fees2024.ErasFor(31).ShouldBe(99m + 190m + 230m + 27m);
        Fees2024.ErasOfNth(1).ShouldBe(99m);
        Fees2024.ErasOfNth(2).ShouldBe(0m);
    }

    [Fact]
    public void nrmp_includes_20_ranks_in_70_dollars_then_30_a_rank_and_a_list_length_fee_above_100()
    {
        Fees2026.NrmpFor(0).ShouldBe(0m);
        Fees2026.NrmpFor(7).ShouldBe(70m);
        Fees2026.NrmpFor(20).ShouldBe(70m);
        Fees2026.NrmpFor(21).ShouldBe(100m);
        Fees2026.NrmpFor(101).ShouldBe(70m + 81 * 30m + 50m);
    }

    [Fact]
    public void a_season_without_its_own_facts_uses_the_latest_recorded_season_before_it()
    {
        SeasonFactsTable.For(2024).Season.ShouldBe(2024);
        SeasonFactsTable.For(2025).Season.ShouldBe(2024);
        SeasonFactsTable.For(2026).Season.ShouldBe(2026);
        SeasonFactsTable.For(2030).Season.ShouldBe(2026);
        SeasonFactsTable.For(2010).Season.ShouldBe(2024, "before every record, the earliest");
        SeasonFactsTable.For(null).Season.ShouldBe(2026);
        SeasonFactsTable.For(2026).SignalsFor("internal_medicine").ShouldBe(new SignalAllowance(3, 12));
        SeasonFactsTable.For(2026).SignalsFor("pathology").Total.ShouldBe(0);
    }

    // --- Signals ---------------------------------------------------------------------------------

    private static CatalogProgram Rated(string code, decimal rate, string state = "NY") =>
        TestPrograms.Im(code, state) with { NonUsImgInterviewRate = rate, EvidenceSource = "test", EvidenceObservedOn = "2025-01" };

    /// <summary>20 programs that interview some applicants like the candidate, 5 that interview nearly all, 5 that interview none.</summary>
    private static Catalog SignalCatalog() => new([
        .. Enumerable.Range(10, 20).Select(i => Rated($"10{i}140C0", 0.05m + i % 5 * 0.01m)),
        .. Enumerable.Range(10, 5).Select(i => Rated($"20{i}140C0", 0.95m)),
        .. Enumerable.Range(10, 5).Select(i => Rated($"30{i}140C0", 0.00m)),
    ]);

    private static CandidateProfile Average() => new()
    {
        ImgType = ImgType.NonUsImg, VisaNeed = VisaNeed.J1, YearOfGraduation = 2023, Season = 2026,
        Exams = [new ExamResult(ExamKind.Step2Ck, 245, true)],
        Usce = [new UsceItem(UsceKind.HandsOn, "internal_medicine", 3, null)],
        TargetSpecialties = ["internal_medicine"],
        Budget = new Budget(30),
    };

    [Fact]
    public void signals_go_where_they_move_p_the_most_not_to_programs_already_likely_nor_to_programs_that_interview_no_one_like_the_candidate()
    {
        var strong = Average() with
        {
            Exams = [new ExamResult(ExamKind.Step2Ck, 268, true)],
            Usce = [new UsceItem(UsceKind.HandsOn, "internal_medicine", 8, null)],
            Letters = [new LetterItem(true, "internal_medicine", "attending", LetterStrength.Strong), new LetterItem(true, "internal_medicine", "attending", LetterStrength.Strong)],
            VisaNeed = VisaNeed.None,
        };
        var result = MatchingEngine.Rank(strong, SignalCatalog());
        var plan = result.Plan!;
        result.Programs.Where(p => p.ProgramCode.StartsWith("20") && p.Signal == null).ShouldAllBe(p => p.P > 0.9, "the likely programs are likely");
        plan.Signals.Count.ShouldBe(15, "internal medicine allows 3 gold and 12 silver signals");
        plan.Signals.Count(s => s.Kind == SignalKind.Gold).ShouldBe(3);
        plan.Signals.ShouldAllBe(s => s.ProgramCode.StartsWith("10"), "neither the likely programs (20…) nor the closed ones (30…) get a signal");
        plan.Signals.ShouldAllBe(s => s.PWith > s.PWithout && s.PMatchGain > 0);
        // The list marks them and puts them first; their p is the one with the signal.
        result.Programs.Take(15).ShouldAllBe(p => p.Signal != null);
        foreach (var s in plan.Signals) result.Programs.Single(p => p.ProgramCode == s.ProgramCode).P.ShouldBe(s.PWith, 1e-12);
        result.Programs.Single(p => p.ProgramCode == plan.Signals[0].ProgramCode).Reasons[1].Code.ShouldStartWith("signal_");

        // A weaker candidate, for whom the likely programs are not sure: the signals follow the gain, wherever it is.
        var average = MatchingEngine.Rank(Average(), SignalCatalog()).Plan!;
        average.Signals.ShouldNotContain(s => s.ProgramCode.StartsWith("30"));
        average.Signals.Where(s => s.Kind == SignalKind.Gold).Min(s => s.PMatchGain)
            .ShouldBeGreaterThanOrEqualTo(average.Signals.Where(s => s.Kind == SignalKind.Silver).Max(s => s.PMatchGain) - 0.01);
    }

    [Fact]
    public void a_signal_multiplies_the_interview_odds_by_the_programs_own_evidence_or_else_the_prior()
    {
        var withEvidence = Rated("1010140C0", 0.06m) with { SignalInterviewRate = 0.50m, NoSignalInterviewRate = 0.10m };
        var catalog = new Catalog([withEvidence, .. Enumerable.Range(11, 20).Select(i => Rated($"10{i}140C0", 0.06m))]);
        var plan = MatchingEngine.Rank(Average(), catalog).Plan!;
        var observed = plan.Signals.Single(s => s.ProgramCode == "1010140C0");
        observed.ObservedEffect.ShouldBeTrue();
        // Odds ratio 0.5/0.5 ÷ 0.1/0.9 = 9 as silver, 9^1.5 = 27 as gold — capped at e^3 ≈ 20.
        var expected = observed.Kind == SignalKind.Gold ? Math.Min(Math.Exp(3), Math.Pow(9, 1.5)) : 9;
        OddsRatioAcrossTheRandomEffect(observed).ShouldBe(expected, expected * 0.25);
        var prior = plan.Signals.First(s => !s.ObservedEffect && s.Kind == SignalKind.Silver);
        OddsRatioAcrossTheRandomEffect(prior).ShouldBe(4.0, 1.0, "the documented prior odds ratio, 4");
    }

    /// <summary>The odds ratio of the marginal p's: close to the logit shift for small p.</summary>
    private static double OddsRatioAcrossTheRandomEffect(SignalPlacement s) =>
        s.PWith / (1 - s.PWith) / (s.PWithout / (1 - s.PWithout));

    [Fact]
    public void a_pinned_signal_is_placed_even_where_the_engine_would_not_and_a_forbidden_one_never()
    {
        var free = MatchingEngine.Rank(Average(), SignalCatalog()).Plan!;
        var best = free.Signals.OrderByDescending(s => s.PMatchGain).First().ProgramCode;
        var pinned = Average() with
        {
            Strategy = new StrategyChoices
            {
                PinnedSignals = [new PinnedSignal("3010140C0", SignalKind.Gold)],
                ForbiddenSignals = [best],
            },
        };
        var plan = MatchingEngine.Rank(pinned, SignalCatalog()).Plan!;
        plan.Signals.Count.ShouldBe(15);
        var placed = plan.Signals.Single(s => s.ProgramCode == "3010140C0");
        placed.Kind.ShouldBe(SignalKind.Gold);
        placed.Pinned.ShouldBeTrue();
        plan.Signals.ShouldNotContain(s => s.ProgramCode == best);
        plan.Signals.Count(s => s.Kind == SignalKind.Gold).ShouldBe(3);
    }

    [Fact]
    public void a_specialty_without_signals_gets_none_and_its_rates_are_left_as_calibrated()
    {
        var pathology = new CatalogProgram
        {
            ProgramCode = "1000300C0", ProgramName = "Pathology", State = "NY", SpecialtyCode = "300", Specialty = "Pathology",
        };
        var profile = Average() with { TargetSpecialties = ["pathology"] };
        var withStrategy = MatchingEngine.Rank(profile, new Catalog([pathology]));
        withStrategy.Plan!.Signals.ShouldBeEmpty();
        // One program in a named division: its odds rise by the preference, less what the average applicant already had.
        var modelOnly = MatchingEngine.Rank(profile, new Catalog([pathology]), Seasons.ModelOnly());
        withStrategy.Programs[0].InNamedRegion.ShouldBeTrue();
        withStrategy.Programs[0].P.ShouldBeGreaterThan(modelOnly.Programs[0].P);
    }

    // --- Regions ---------------------------------------------------------------------------------

    [Fact]
    public void up_to_three_divisions_are_named_where_the_listed_programs_are_and_the_advisor_can_pin_or_forbid_them()
    {
        // 12 programs in NY (Middle Atlantic), 8 in MI (East North Central), 5 in TX, 3 in CA, 2 in GA.
        var states = Enumerable.Repeat("NY", 12).Concat(Enumerable.Repeat("MI", 8)).Concat(Enumerable.Repeat("TX", 5))
            .Concat(Enumerable.Repeat("CA", 3)).Concat(Enumerable.Repeat("GA", 2)).ToList();
        var catalog = new Catalog([.. states.Select((s, i) => Rated($"1{i:000}140C0", 0.06m, s))]);
        var plan = MatchingEngine.Rank(Average(), catalog).Plan!;
        plan.Regions.Select(r => r.Key).ShouldBe(["middle_atlantic", "east_north_central", "west_south_central"]);
        plan.Regions.ShouldAllBe(r => r.PMatchGain > 0 && !r.Pinned);

        var chosen = Average() with { Strategy = new StrategyChoices { PinnedRegions = ["pacific"], ForbiddenRegions = ["middle_atlantic"] } };
        var pinned = MatchingEngine.Rank(chosen, catalog).Plan!;
        pinned.Regions.Select(r => r.Key).ShouldBe(["pacific", "east_north_central", "west_south_central"]);
        pinned.Regions[0].Pinned.ShouldBeTrue();
        pinned.Regions[0].Programs.ShouldBe(3);

        var none = Average() with { Strategy = new StrategyChoices { ForbiddenRegions = [.. CensusDivisions.All.Select(d => d.Key)] } };
        MatchingEngine.Rank(none, catalog).Plan!.Regions.ShouldBeEmpty();
    }

    // --- Money -----------------------------------------------------------------------------------

    private static Catalog ManyPrograms(string specialtyCode = "140", string specialty = "Internal Medicine", decimal rate = 0.04m, int count = 200, int from = 1000) =>
        new([.. Enumerable.Range(from, count).Select(i => new CatalogProgram
        {
            ProgramCode = $"{i}{specialtyCode}C0", ProgramName = $"{specialty} {i}", State = i % 2 == 0 ? "NY" : "OH",
            SpecialtyCode = specialtyCode, Specialty = specialty, ProgramType = ProgramType.Community,
            NonUsImgInterviewRate = rate + i % 7 * 0.005m, EvidenceSource = "test", EvidenceObservedOn = "2025-01",
        })]);

    [Fact]
    public void a_dollar_budget_buys_the_applications_it_pays_for_and_the_chance_the_curve_gives_there()
    {
        var profile = Profiles.WorkedExample();
        var catalog = ManyPrograms();
        var free = MatchingEngine.Rank(profile, catalog, new RankOptions(Budget: 150));
        var tight = MatchingEngine.Rank(profile, catalog, new RankOptions(Budget: 150, BudgetDollars: 1500m));
        // $1,500 − $165 token − $80 transcript − $70 NRMP = $1,185: 30 × $11 + 28 × $30 = $1,170, the 59th would pass it.
        tight.Plan!.ApplicationsAffordable.ShouldBe(58);
        tight.RecommendedApplications.ShouldBeLessThanOrEqualTo(58);
        tight.Plan.Cost.Total.ShouldBeLessThanOrEqualTo(1500m + 30m * tight.Plan.Cost.ExpectedRanks);
        tight.PMatchAtRecommended.ShouldBeLessThan(free.PMatchAtRecommended);
        // The curve read against money: costs rise with N and P(match) matches the unconstrained curve where both are drawn.
        free.Plan!.CurveCosts.Select(c => c.CostUsd).ShouldBeInOrder(SortDirection.Ascending);
        free.Plan.CurveCosts.First().CostUsd.ShouldBe(165m + 80m + 70m + 110m);
        var json = JsonDocument.Parse(RankResultJson.Write(free)).RootElement;
        json.GetProperty("curve")[1].GetProperty("cost_usd").GetDecimal().ShouldBe(free.Plan.CurveCosts[1].CostUsd);
        json.GetProperty("curve")[1].TryGetProperty("gain_per_100_usd", out _).ShouldBeTrue();
        // With only dollars, as many applications as they pay for.
        var dollarsOnly = MatchingEngine.Rank(profile with { Budget = new Budget(null, 1500m) }, catalog);
        dollarsOnly.Plan!.ApplicationsAffordable.ShouldBe(58);
        dollarsOnly.Plan.BudgetDollars.ShouldBe(1500m);
    }

    [Fact]
    public void the_plan_prices_the_recommended_list_by_specialty_band_with_token_transcript_and_nrmp()
    {
        var result = MatchingEngine.Rank(Profiles.WorkedExample(), ManyPrograms(), new RankOptions(Budget: 150));
        var cost = result.Plan!.Cost;
        var n = result.RecommendedApplications;
        cost.Eras.ShouldBe(Fees2026.ErasFor(n));
        cost.Token.ShouldBe(165m);
        cost.Transcript.ShouldBe(80m);
        cost.Nrmp.ShouldBe(Fees2026.NrmpFor(cost.ExpectedRanks));
        cost.Total.ShouldBe(cost.Eras + 165m + 80m + cost.Nrmp);
        result.Plan.BySpecialty.ShouldHaveSingleItem().ShouldBe(new SpecialtyApplications("internal_medicine", n, Fees2026.ErasFor(n)));
        result.Plan.IsSplit.ShouldBeFalse();
        result.Plan.FeeSchedule.ShouldBe(2026);
    }

    [Fact]
    public void a_split_across_target_specialties_is_chosen_only_when_it_buys_more_chance_per_dollar()
    {
        var profile = Profiles.WorkedExample() with { TargetSpecialties = ["internal_medicine", "family_medicine"] };
        // Family medicine programs that interview as often as the IM ones: their first 30 cost $11, IM's 31st costs $30.
        var alike = new Catalog([.. ManyPrograms().Programs, .. ManyPrograms("120", "Family Medicine", 0.04m, 60, 5000).Programs]);
        var split = MatchingEngine.Rank(profile, alike, new RankOptions(Budget: 150)).Plan!;
        split.IsSplit.ShouldBeTrue();
        split.BySpecialty.Single(s => s.Specialty == "family_medicine").Applications.ShouldBeGreaterThanOrEqualTo(30);

        // Family medicine programs that never interview such a candidate: no split.
        var closed = new Catalog([.. ManyPrograms().Programs, .. ManyPrograms("120", "Family Medicine", 0.0m, 60, 5000).Programs
            .Select(p => p with { NonUsImgInterviewRate = 0m })]);
        var single = MatchingEngine.Rank(profile, closed, new RankOptions(Budget: 150)).Plan!;
        (single.BySpecialty.SingleOrDefault(s => s.Specialty == "family_medicine")?.Applications ?? 0)
            .ShouldBeLessThan(split.BySpecialty.Single(s => s.Specialty == "family_medicine").Applications);
    }

    [SharedDataFact]
    public void against_the_real_catalog_a_strong_profile_is_recommended_a_cheaper_list_than_the_worked_example()
    {
        var catalog = TestCatalogCsv.SharedCatalogWithEvidence;
        var strong = new CandidateProfile
        {
            ImgType = ImgType.NonUsImg, VisaNeed = VisaNeed.None, YearOfGraduation = 2024, Season = 2026,
            Exams = [new ExamResult(ExamKind.Step2Ck, 262, true)],
            Usce = [new UsceItem(UsceKind.HandsOn, "internal_medicine", 6, null)],
            Letters = [new LetterItem(true, "internal_medicine", "attending", LetterStrength.Strong), new LetterItem(true, "internal_medicine", "attending", LetterStrength.Strong)],
            TargetSpecialties = ["internal_medicine"],
        };
        var worked = MatchingEngine.Rank(Profiles.WorkedExample(), catalog);
        var good = MatchingEngine.Rank(strong, catalog);
        good.Plan!.Cost.Total.ShouldBeLessThan(worked.Plan!.Cost.Total);
        good.PMatchAtRecommended.ShouldBeGreaterThan(worked.PMatchAtRecommended);
        worked.Plan.Signals.Count.ShouldBe(15);
        worked.Plan.Regions.Count.ShouldBe(3);
        worked.Plan.Cost.Total.ShouldBeInRange(3000m, 5000m, "120–150 IM applications with token, transcript and NRMP");
    }

    // --- Unlock ----------------------------------------------------------------------------------

    [Fact]
    public void unlock_counts_what_usce_step3_and_a_season_would_open_or_close()
    {
        var open = Enumerable.Range(10, 10).Select(i => Rated($"10{i}140C0", 0.06m)).ToList();
        var usce = Enumerable.Range(10, 4).Select(i => Rated($"20{i}140C0", 0.06m) with { UsceRequired = Tristate.Yes, MinUsceMonths = 2 }).ToList();
        var h1bOnly = Enumerable.Range(10, 3).Select(i => Rated($"30{i}140C0", 0.06m) with { VisaJ1 = Tristate.No, VisaH1b = Tristate.Yes }).ToList();
        var young = Enumerable.Range(10, 2).Select(i => Rated($"40{i}140C0", 0.06m) with { MaxYearsSinceGraduation = 3 }).ToList();
        var catalog = new Catalog([.. open, .. usce, .. h1bOnly, .. young]);
        var profile = Average() with { Usce = [], YearOfGraduation = 2023 };

        var unlock = MatchingEngine.Unlock(profile, catalog);
        unlock.Select(u => u.Opens).ShouldBeInOrder(SortDirection.Descending);
        var twoMonths = unlock.Single(u => u.Change == "add_hands_on_usce_2_months");
        twoMonths.Opens.ShouldBe(4);
        twoMonths.Programs.ShouldBe(usce.Select(p => p.ProgramCode));
        twoMonths.Message.ShouldStartWith("+2 months of hands-on USCE in Internal Medicine opens 4 programs");
        var step3 = unlock.Single(u => u.Change == "pass_step3");
        step3.Opens.ShouldBe(3);
        step3.Programs.ShouldBe(h1bOnly.Select(p => p.ProgramCode));
        var wait = unlock.Single(u => u.Change == "wait_one_year");
        wait.Closes.ShouldBe(2);
        wait.ClosedPrograms.ShouldBe(young.Select(p => p.ProgramCode));
        wait.Message.ShouldStartWith("Graduation limits: 2 programs close to you next season");
        unlock.ShouldNotContain(u => u.Opens == 0 && u.Closes == 0);
    }

    // --- Rank-list assistant ----------------------------------------------------------------------

    [Fact]
    public void the_rank_list_assistant_gives_the_chance_and_nrmp_fee_by_how_many_interviews_are_ranked()
    {
        var ps = SmartPick.Matching.Parameters.DefaultParameters.Current;
        var deadline = new DateTimeOffset(2027, 3, 3, 21, 0, 0, TimeSpan.Zero);
        var advice = RankListAssistant.For(4, "internal_medicine", SeasonFactsTable.For(2027), ps, deadline, deadline.AddDays(-9));
        advice.Rows.Count.ShouldBe(4);
        advice.Rows.Select(r => r.PMatch).ShouldBeInOrder(SortDirection.Ascending);
        advice.Rows[3].PMatch.ShouldBe(ps.MatchCurveFor("internal_medicine").At(4));
        advice.Rows.ShouldAllBe(r => r.NrmpFee == 70m);
        advice.Reminders.ShouldContain(r => r.Contains("never lowers"));
        advice.Reminders.ShouldContain("Certify the rank list by March 3, 2027: 9 days left.");
        RankListAssistant.For(0, "internal_medicine", SeasonFactsTable.For(2027), ps).Rows.ShouldBeEmpty();
    }

    // --- Wire ------------------------------------------------------------------------------------

    [Fact]
    public void the_plan_and_unlock_are_written_with_the_documented_keys()
    {
        var profile = Average();
        var result = MatchingEngine.Rank(profile, SignalCatalog());
        result = result with { Unlock = MatchingEngine.Unlock(profile, SignalCatalog()) };
        var root = JsonDocument.Parse(RankResultJson.Write(result)).RootElement;
        var plan = root.GetProperty("plan");
        plan.GetProperty("cost_usd").EnumerateObject().Select(p => p.Name).ShouldBe(["eras", "token", "transcript", "nrmp", "total"]);
        plan.GetProperty("by_specialty")[0].GetProperty("specialty").GetString().ShouldBe("internal_medicine");
        var signal = plan.GetProperty("signals")[0];
        signal.GetProperty("kind").GetString().ShouldBeOneOf("gold", "silver");
        signal.GetProperty("p_with").GetDouble().ShouldBeGreaterThan(signal.GetProperty("p_without").GetDouble());
        plan.GetProperty("regions").EnumerateArray().ShouldAllBe(r => CensusDivisions.IsKnown(r.GetString()!));
        plan.GetProperty("fee_schedule").GetInt32().ShouldBe(2026);
        root.GetProperty("unlock").ValueKind.ShouldBe(JsonValueKind.Array);
    }

    [Fact]
    public void a_profile_carries_a_dollar_budget_and_the_advisors_pinned_and_forbidden_signals_and_regions()
    {
        var json = """
            {"target_specialties":["internal_medicine"],"budget":{"dollars":2500},
             "strategy":{"pinned_signals":[{"program_code":"1010140C0","kind":"gold"},{"program_code":"1011140C0"}],
                         "forbidden_signals":["1012140C0"],"pinned_regions":["pacific"],"forbidden_regions":["new_england"]}}
            """;
        var parsed = ProfileJson.Parse(json);
        parsed.Errors.Any.ShouldBeFalse();
        var profile = parsed.Profile!;
        profile.Budget.ShouldBe(new Budget(null, 2500m));
        profile.Strategy.PinnedSignals.ShouldBe([new PinnedSignal("1010140C0", SignalKind.Gold), new PinnedSignal("1011140C0")]);
        ProfileJson.Parse(ProfileJson.Write(profile)).Profile.ShouldNotBeNull().Strategy.ForbiddenRegions.ShouldBe(["new_england"]);
    }

    [Theory]
    [InlineData("""{"budget":{}}""", "budget")]
    [InlineData("""{"budget":{"dollars":-5}}""", "budget.dollars")]
    [InlineData("""{"budget":{"dollars":5000000}}""", "budget.dollars")]
    [InlineData("""{"strategy":{"pinned_regions":["atlantis"]}}""", "strategy.pinned_regions[0]")]
    [InlineData("""{"strategy":{"pinned_regions":["pacific","mountain","new_england","middle_atlantic"]}}""", "strategy.pinned_regions")]
    [InlineData("""{"strategy":{"pinned_regions":["pacific"],"forbidden_regions":["pacific"]}}""", "strategy.forbidden_regions")]
    [InlineData("""{"strategy":{"pinned_signals":[{"kind":"gold"}]}}""", "strategy.pinned_signals[0].program_code")]
    [InlineData("""{"strategy":{"pinned_signals":[{"program_code":"1","kind":"platinum"}]}}""", "strategy.pinned_signals[0].kind")]
    public void bad_budgets_and_strategy_choices_are_refused_by_field(string json, string field)
    {
        var parsed = ProfileJson.Parse(json);
        parsed.IsValid.ShouldBeFalse();
        parsed.Errors.Has(field).ShouldBeTrue();
    }
}
