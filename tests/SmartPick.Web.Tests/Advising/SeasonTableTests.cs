using SmartPick.Advising.Seasons;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alba;
using Shouldly;
using SmartPick.Advising.Lists;
using SmartPick.Contracts;
using SmartPick.Web.Tests.Infrastructure;

namespace SmartPick.Web.Tests.Advising;

public sealed class SeasonTableTests(AppFixture app) : AdvisingTest(app)
{
    /// <summary>A whole season as an org admin sends it: the 2026 defaults with a token of <paramref name="token"/>.</summary>
    private static Dictionary<string, object?> Season(decimal token = 200m, long? expectedVersion = null) => new()
    {
        ["fees"] = new Dictionary<string, object?>
        {
            ["eras_bands"] = new object[] { new { up_to = 30, price = 11m }, new { price = 30m } },
            ["token"] = token,
            ["transcript"] = 80m,
            ["nrmp_registration"] = 70m,
            ["nrmp_included_ranks"] = 20,
            ["nrmp_per_additional_rank"] = 30m,
            ["nrmp_long_list_above"] = 100,
            ["nrmp_long_list_fee"] = 50m,
        },
        ["signals"] = new Dictionary<string, object> { ["internal_medicine"] = new { gold = 2, silver = 10 } },
        ["max_regions"] = 2,
        ["source"] = "Agency figures, fee sheet of June",
        ["expected_version"] = expectedVersion,
    };

    private async Task<JsonElement> PutSeasonAsync(TestUser user, int season, object body, int status = 200)
    {
        var result = await As(user, x =>
        {
            x.Put.Json(body).ToUrl($"/api/org/seasons/{season}");
            x.StatusCodeShouldBe(status);
        });
        return await result.ReadAsJsonAsync<JsonElement>();
    }

    private async Task<JsonElement> DeleteSeasonAsync(TestUser user, int season, int status = 200)
    {
        var result = await As(user, x =>
        {
            x.Delete.Url($"/api/org/seasons/{season}");
            x.StatusCodeShouldBe(status);
        });
        return await result.ReadAsJsonAsync<JsonElement>();
    }

    private static JsonElement SeasonIn(JsonElement table, int season)
        => table.GetProperty("seasons").EnumerateArray().Single(s => s.GetProperty("season").GetInt32() == season);

    [Fact]
    public async Task when_an_admin_records_a_season_it_reads_back_as_the_agencys_own_and_the_other_seasons_stay_default()
    {
        var org = await App.CreateOrgAsync("sea");
        var admin = await App.OrgAdminAsync(org);

        var before = await GetAsync(admin, "/api/org/seasons");
        SeasonIn(before, 2026).GetProperty("default").GetBoolean().ShouldBeTrue();
        SeasonIn(before, 2026).GetProperty("fees").GetProperty("token").GetDecimal().ShouldBe(165m);
        SeasonIn(before, 2026).GetProperty("source").GetString()!.ShouldContain("ERAS 2026");

        var saved = await PutSeasonAsync(admin, 2026, Season(token: 200m));

        saved.GetProperty("edited").GetBoolean().ShouldBeTrue();
        saved.GetProperty("version").GetInt64().ShouldBe(1);
        saved.GetProperty("changed_by").GetProperty("name").GetString().ShouldBe("Test org_admin");
        var after = await GetAsync(admin, "/api/org/seasons");
        var edited = SeasonIn(after, 2026);
        edited.GetProperty("edited").GetBoolean().ShouldBeTrue();
        edited.GetProperty("default").GetBoolean().ShouldBeFalse();
        edited.GetProperty("source").GetString().ShouldBe("Agency figures, fee sheet of June");
        edited.GetProperty("fees").GetProperty("token").GetDecimal().ShouldBe(200m);
        edited.GetProperty("fees").GetProperty("eras_bands")[1].TryGetProperty("up_to", out var open).ShouldBeTrue();
        open.ValueKind.ShouldBe(JsonValueKind.Null);
        edited.GetProperty("signals").GetProperty("internal_medicine").GetProperty("gold").GetInt32().ShouldBe(2);
        edited.GetProperty("signals").TryGetProperty("psychiatry", out _).ShouldBeFalse();
        edited.GetProperty("max_regions").GetInt32().ShouldBe(2);
        SeasonIn(after, 2024).GetProperty("default").GetBoolean().ShouldBeTrue();
        SeasonIn(after, 2024).GetProperty("fees").GetProperty("eras_bands")[0].GetProperty("flat").GetBoolean().ShouldBeTrue();

        // A later season without facts of its own uses the agency's 2026 facts.
        var later = await GetAsync(admin, "/api/org/seasons/2030");
        later.GetProperty("default").GetBoolean().ShouldBeTrue();
        later.GetProperty("facts_of_season").GetInt32().ShouldBe(2026);
        later.GetProperty("fees").GetProperty("token").GetDecimal().ShouldBe(200m);
    }

    [Fact]
    public async Task when_a_season_breaks_the_rules_each_field_says_why_and_nothing_is_recorded()
    {
        var org = await App.CreateOrgAsync("sea");
        var admin = await App.OrgAdminAsync(org);
        var body = Season();
        body["fees"] = new Dictionary<string, object?>
        {
            ["eras_bands"] = new object[] { new { up_to = 20, price = 11m }, new { up_to = 10, price = 19.999m }, new { up_to = 40, price = -1m } },
            ["token"] = -5m,
            ["transcript"] = 80m,
            ["nrmp_registration"] = 1_000_000m,
            ["nrmp_included_ranks"] = 20,
            ["nrmp_per_additional_rank"] = 30m,
            ["nrmp_long_list_above"] = 100,
        };
        body["signals"] = new Dictionary<string, object> { ["astrology"] = new { gold = 1, silver = 1 }, ["psychiatry"] = new { gold = 0, silver = -2 } };
        body["max_regions"] = 10;

        var problem = await PutSeasonAsync(admin, 2026, body, 400);
        var errors = problem.GetProperty("errors");

        errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal).ShouldBe([
            "fees.eras_bands[1].price", "fees.eras_bands[1].up_to", "fees.eras_bands[2].price", "fees.eras_bands[2].up_to",
            "fees.nrmp_long_list_fee", "fees.nrmp_registration", "fees.token", "max_regions", "signals.astrology", "signals.psychiatry.silver",
        ]);
        errors.GetProperty("fees.eras_bands[1].up_to")[0].GetString()!.ShouldContain("ascending");
        errors.GetProperty("fees.eras_bands[1].price")[0].GetString().ShouldBe("must be in whole cents");
        errors.GetProperty("fees.eras_bands[2].up_to")[0].GetString()!.ShouldContain("last band");
        errors.GetProperty("fees.token")[0].GetString().ShouldBe("must not be negative");
        errors.GetProperty("fees.nrmp_long_list_fee")[0].GetString().ShouldBe("is required");
        errors.GetProperty("signals.astrology")[0].GetString()!.ShouldContain("not a known specialty");
        errors.GetProperty("max_regions")[0].GetString().ShouldBe("must be between 0 and 9");

        var bounded = Season();
        ((Dictionary<string, object?>)bounded["fees"]!)["eras_bands"] = new object[] { new { up_to = 30, price = 11m } };
        (await PutSeasonAsync(admin, 2026, bounded, 400)).GetProperty("errors").GetProperty("fees.eras_bands[0].up_to")[0].GetString()!.ShouldContain("last band");
        (await PutSeasonAsync(admin, 1999, Season(), 400)).GetProperty("errors").GetProperty("season")[0].GetString().ShouldBe("must be between 2000 and 2100");
        (await PutSeasonAsync(admin, 2026, new { signals = new { }, max_regions = 3 }, 400)).GetProperty("errors").GetProperty("fees")[0].GetString().ShouldBe("is required");

        SeasonIn(await GetAsync(admin, "/api/org/seasons"), 2026).GetProperty("default").GetBoolean().ShouldBeTrue();
        (await GetAsync(admin, "/api/org/seasons/2026/history")).GetProperty("changes").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task advisors_read_the_table_but_only_the_org_admin_changes_it_and_candidates_see_none_of_it()
    {
        var org = await App.CreateOrgAsync("sea");
        var advisor = await App.AdvisorAsync(org);
        var id = await OpenFileAsync(advisor);
        var candidate = await App.CreateUserAsync(org, SmartPickRoles.Candidate, id);

        SeasonIn(await GetAsync(advisor, "/api/org/seasons"), 2026).GetProperty("default").GetBoolean().ShouldBeTrue();
        await PutSeasonAsync(advisor, 2026, Season(), 403);
        await DeleteSeasonAsync(advisor, 2026, 403);
        foreach (var url in new[] { "/api/org/seasons", "/api/org/seasons/2026", "/api/org/seasons/2026/history" })
            await As(candidate, x => { x.Get.Url(url); x.StatusCodeShouldBe(403); });
        await PutSeasonAsync(candidate, 2026, Season(), 403);
        await DeleteSeasonAsync(candidate, 2026, 403);
        await Host.Scenario(x => { x.Get.Url("/api/org/seasons"); x.StatusCodeShouldBe(401); });

        (await GetAsync(advisor, "/api/org/seasons/2026/history")).GetProperty("changes").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task another_agency_never_sees_nor_changes_an_agencys_season()
    {
        var org = await App.CreateOrgAsync("sea");
        var admin = await App.OrgAdminAsync(org);
        var other = await App.OrgAdminAsync(await App.CreateOrgAsync("seb"));
        await PutSeasonAsync(admin, 2026, Season(token: 321m));

        var theirs = await GetAsync(other, "/api/org/seasons/2026");
        theirs.GetProperty("default").GetBoolean().ShouldBeTrue();
        theirs.GetProperty("fees").GetProperty("token").GetDecimal().ShouldBe(165m);
        (await GetAsync(other, "/api/org/seasons/2026/history")).GetProperty("changes").GetArrayLength().ShouldBe(0);
        // Their reset and their own edit touch their table only.
        (await DeleteSeasonAsync(other, 2026)).GetProperty("version").GetInt64().ShouldBe(0);
        (await PutSeasonAsync(other, 2026, Season(token: 111m))).GetProperty("version").GetInt64().ShouldBe(1);

        var mine = await GetAsync(admin, "/api/org/seasons/2026");
        mine.GetProperty("fees").GetProperty("token").GetDecimal().ShouldBe(321m);
        mine.GetProperty("version").GetInt64().ShouldBe(1);
        (await GetAsync(admin, "/api/org/seasons/2026/history")).GetProperty("changes").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task the_history_keeps_every_change_with_who_and_when_and_a_reset_brings_the_defaults_back()
    {
        var org = await App.CreateOrgAsync("sea");
        var admin = await App.OrgAdminAsync(org);
        await PutSeasonAsync(admin, 2026, Season(token: 170m));
        await PutSeasonAsync(admin, 2026, Season(token: 180m, expectedVersion: 1));
        // The same facts again change nothing.
        (await PutSeasonAsync(admin, 2026, Season(token: 180m))).GetProperty("version").GetInt64().ShouldBe(2);

        var reset = await DeleteSeasonAsync(admin, 2026);

        reset.GetProperty("default").GetBoolean().ShouldBeTrue();
        reset.GetProperty("version").GetInt64().ShouldBe(3);
        reset.GetProperty("fees").GetProperty("token").GetDecimal().ShouldBe(165m);
        SeasonIn(await GetAsync(admin, "/api/org/seasons"), 2026).GetProperty("edited").GetBoolean().ShouldBeFalse();
        var history = (await GetAsync(admin, "/api/org/seasons/2026/history")).GetProperty("changes").EnumerateArray().ToList();
        history.Select(h => h.GetProperty("change").GetString()).ShouldBe(["reset", "recorded", "recorded"]);
        history.Select(h => h.GetProperty("version").GetInt64()).ShouldBe([3, 2, 1]);
        history[1].GetProperty("facts").GetProperty("fees").GetProperty("token").GetDecimal().ShouldBe(180m);
        history[2].GetProperty("facts").GetProperty("fees").GetProperty("token").GetDecimal().ShouldBe(170m);
        history[0].GetProperty("changed_by").GetProperty("user_id").GetString().ShouldBe(admin.Id);
        history[0].GetProperty("changed_at").GetDateTimeOffset().ShouldBeGreaterThanOrEqualTo(history[1].GetProperty("changed_at").GetDateTimeOffset());
        // A second reset has nothing left to reset.
        (await DeleteSeasonAsync(admin, 2026)).GetProperty("version").GetInt64().ShouldBe(3);
    }

    [Fact]
    public async Task a_change_made_on_a_season_someone_changed_meanwhile_is_refused()
    {
        var org = await App.CreateOrgAsync("sea");
        var admin = await App.OrgAdminAsync(org);
        await PutSeasonAsync(admin, 2026, Season(token: 170m, expectedVersion: 0));

        var stale = await PutSeasonAsync(admin, 2026, Season(token: 190m, expectedVersion: 0), 412);
        stale.GetProperty("current_version").GetInt64().ShouldBe(1);
        await As(admin, x =>
        {
            x.Put.Json(Season(token: 190m)).ToUrl("/api/org/seasons/2026");
            x.WithRequestHeader("If-Match", "\"5\"");
            x.StatusCodeShouldBe(412);
        });
        await As(admin, x =>
        {
            x.Delete.Url("/api/org/seasons/2026?expected_version=0");
            x.StatusCodeShouldBe(412);
        });

        (await GetAsync(admin, "/api/org/seasons/2026")).GetProperty("fees").GetProperty("token").GetDecimal().ShouldBe(170m);
    }

    [Fact]
    public async Task an_edited_fee_changes_what_the_regenerated_list_and_the_what_if_cost()
    {
        var org = await App.CreateOrgAsync("sea");
        var admin = await App.OrgAdminAsync(org);
        var id = await OpenFileAsync(admin);
        var before = (await ListNumberAsync(admin, id, 1)).GetProperty("plan").GetProperty("cost_usd");
        var season = MatchSeasons.Next(DateTimeOffset.UtcNow);
        // The facts the list was priced with, sent back with only the token changed.
        var current = JsonNode.Parse((await GetAsync(admin, $"/api/org/seasons/{season}")).GetRawText())!.AsObject();
        current["fees"]!["token"] = 1000m;
        var body = new JsonObject
        {
            ["fees"] = current["fees"]!.DeepClone(), ["signals"] = current["signals"]!.DeepClone(),
            ["max_regions"] = current["max_regions"]!.DeepClone(), ["source"] = "Token raised",
        };

        await PutSeasonAsync(admin, season, body);

        var after = (await ListNumberAsync(admin, id, 2)).GetProperty("plan").GetProperty("cost_usd");
        before.GetProperty("token").GetDecimal().ShouldBe(165m);
        after.GetProperty("token").GetDecimal().ShouldBe(1000m);
        after.GetProperty("total").GetDecimal().ShouldBe(before.GetProperty("total").GetDecimal() + 835m);
        // What-if answers price with the agency's table too.
        var whatIf = await PostAsync(admin, $"/api/candidates/{id}/what-if", new { changes = new[] { new { code = "pass_step3" } } });
        whatIf.GetProperty("current").GetProperty("plan").GetProperty("cost_usd").GetProperty("token").GetDecimal().ShouldBe(1000m);
        whatIf.GetProperty("what_if").GetProperty("plan").GetProperty("cost_usd").GetProperty("token").GetDecimal().ShouldBe(1000m);
    }
}
