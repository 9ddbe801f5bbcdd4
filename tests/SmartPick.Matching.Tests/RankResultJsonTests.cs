using SmartPick.Matching.Parameters;
using System.Text.Json;
using SmartPick.Matching.Json;
using SmartPick.Matching.Tests.Support;

namespace SmartPick.Matching.Tests;

public class RankResultJsonTests
{
    private static JsonElement Root() =>
        JsonDocument.Parse(RankResultJson.Write(MatchingEngine.Rank(Profiles.WorkedExample(), TestPrograms.Mixed()))).RootElement;

    [Fact]
    public void the_result_has_the_documented_top_level_keys_in_order()
        => Root().EnumerateObject().Select(p => p.Name).ShouldBe([
            "programs", "programs_total", "excluded", "excluded_total", "excluded_counts", "curve", "recommended_applications",
            "p_match_at_recommended", "risk_factors", "advice", "plan", "versions"]);

    [Fact]
    public void each_program_carries_code_name_state_p_tier_and_signed_reasons()
    {
        var programs = Root().GetProperty("programs").EnumerateArray().ToList();
        // Signalled programs come first and say so; programs in a named division say that too.
        var program = programs[0];
        program.EnumerateObject().Select(p => p.Name).ShouldBe(["program_code", "program_name", "state", "p", "tier", "p_basis", "signal", "in_named_region", "reasons"]);
        program.GetProperty("signal").GetString().ShouldBeOneOf("gold", "silver");
        programs.Last().EnumerateObject().Select(p => p.Name).ShouldBe(["program_code", "program_name", "state", "p", "tier", "p_basis", "reasons"]);
        program.GetProperty("tier").GetString().ShouldBeOneOf("likely", "target", "reach");
        var reason = program.GetProperty("reasons")[0];
        reason.EnumerateObject().Select(p => p.Name).ShouldBe(["code", "message", "weight"]);
        reason.GetProperty("code").GetString()!.ShouldMatch("^[a-z0-9_]+$");
    }

    [Fact]
    public void p_is_rounded_to_four_decimals()
    {
        foreach (var program in Root().GetProperty("programs").EnumerateArray())
        {
            var raw = program.GetProperty("p").GetRawText();
            (raw.Contains('.') ? raw.Length - raw.IndexOf('.') - 1 : 0).ShouldBeLessThanOrEqualTo(4);
        }
    }

    [Fact]
    public void excluded_programs_are_listed_with_reasons_and_counted_by_reason()
    {
        var root = Root();
        var excluded = root.GetProperty("excluded");
        excluded.GetArrayLength().ShouldBeGreaterThan(0);
        excluded.EnumerateArray().ShouldAllBe(e => e.GetProperty("reasons")[0].GetProperty("code").GetString() == "no_j1_sponsorship");
        root.GetProperty("excluded_counts").GetProperty("no_j1_sponsorship").GetInt32().ShouldBe(excluded.GetArrayLength());
        root.GetProperty("excluded_counts").GetProperty("specialty_not_targeted").GetInt32().ShouldBe(1);
    }

    [Fact]
    public void versions_name_the_engine_the_parameter_set_and_the_catalog_hash()
    {
        var versions = Root().GetProperty("versions");
        versions.GetProperty("engine").GetString().ShouldBe(MatchingEngine.EngineVersion);
        versions.GetProperty("parameters").GetString().ShouldBe(DefaultParameters.Current.Version);
        versions.GetProperty("catalog").GetString().ShouldBe(TestPrograms.Mixed().Version);
    }

    [Fact]
    public void the_program_and_exclusion_lists_can_be_limited_without_changing_the_totals()
    {
        var result = MatchingEngine.Rank(Profiles.WorkedExample(), TestPrograms.Mixed());
        var limited = JsonDocument.Parse(RankResultJson.Write(result, 5, 2)).RootElement;
        limited.GetProperty("programs").GetArrayLength().ShouldBe(5);
        limited.GetProperty("programs_total").GetInt32().ShouldBe(result.Programs.Count);
        limited.GetProperty("excluded").GetArrayLength().ShouldBe(2);
        limited.GetProperty("excluded_total").GetInt32().ShouldBe(result.Excluded.Count);
        limited.GetProperty("excluded_counts").GetProperty("no_j1_sponsorship").GetInt32().ShouldBe(result.Excluded.Count);
    }
}
