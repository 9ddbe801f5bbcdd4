using System.Text.Json;
using Alba;
using Shouldly;
using SmartPick.Contracts;
using SmartPick.Web.Tests.Infrastructure;
using SmartPick.Web.Tests.Pages;

namespace SmartPick.Web.Tests.Advising;

/// <summary>
/// The application plan everywhere it belongs: recorded with the list (API), the advisor's pinned and forbidden signals
/// and regions (API and page), the list page's plan and unlock panels, the export's columns, a money budget, /try.
/// </summary>
public sealed class ApplicationPlanTests(AppFixture app) : AdvisingTest(app)
{
    [Fact]
    public async Task a_list_records_its_price_signals_regions_and_what_would_unlock_programs()
    {
        var org = await App.CreateOrgAsync("plan");
        var advisor = await App.AdvisorAsync(org);
        var id = await OpenFileAsync(advisor);
        var list = await ListNumberAsync(advisor, id, 1);

        var plan = list.GetProperty("plan");
        var cost = plan.GetProperty("cost_usd");
        cost.GetProperty("token").GetDecimal().ShouldBe(165m);
        cost.GetProperty("transcript").GetDecimal().ShouldBe(80m);
        cost.GetProperty("eras").GetDecimal().ShouldBeGreaterThan(0m);
        var signals = plan.GetProperty("signals");
        signals.GetArrayLength().ShouldBe(15, "internal medicine: 3 gold and 12 silver");
        plan.GetProperty("regions").GetArrayLength().ShouldBeInRange(1, 3);
        // The listed programs say which carry a signal, and those come first.
        var programs = list.GetProperty("programs").EnumerateArray().ToList();
        programs.Take(15).ShouldAllBe(p => p.GetProperty("signal").ValueKind == JsonValueKind.String);
        list.GetProperty("unlock").ValueKind.ShouldBe(JsonValueKind.Array);
    }

    [Fact]
    public async Task an_advisor_pins_and_forbids_signals_and_regions_and_the_list_is_recomputed_with_them()
    {
        var org = await App.CreateOrgAsync("pin");
        var advisor = await App.AdvisorAsync(org);
        var id = await OpenFileAsync(advisor);
        var first = await ListNumberAsync(advisor, id, 1);
        var programs = first.GetProperty("programs").EnumerateArray().Select(p => p.GetProperty("program_code").GetString()!).ToList();
        var signalled = first.GetProperty("plan").GetProperty("signals").EnumerateArray().Select(s => s.GetProperty("program_code").GetString()!).ToList();
        var unsignalled = programs.Last();
        var forbidden = signalled[0];

        await PostAsync(advisor, $"/api/candidates/{id}/strategy", new
        {
            pinned_signals = new[] { new { program_code = unsignalled, kind = "gold" } },
            forbidden_signals = new[] { forbidden },
            pinned_regions = new[] { "pacific" },
            forbidden_regions = new[] { "middle_atlantic" },
        });
        var second = await ListNumberAsync(advisor, id, 2);
        var plan = second.GetProperty("plan");
        var placed = plan.GetProperty("signals").EnumerateArray().ToList();
        placed.ShouldContain(s => s.GetProperty("program_code").GetString() == unsignalled && s.GetProperty("kind").GetString() == "gold" && s.GetProperty("pinned").GetBoolean());
        placed.ShouldNotContain(s => s.GetProperty("program_code").GetString() == forbidden);
        var regions = plan.GetProperty("regions").EnumerateArray().Select(r => r.GetProperty("key").GetString()).ToList();
        regions.ShouldContain("pacific");
        regions.ShouldNotContain("middle_atlantic");

        // The same choice again is no new fact.
        var version = await VersionAsync(advisor, id);
        await PostAsync(advisor, $"/api/candidates/{id}/strategy", new
        {
            pinned_signals = new[] { new { program_code = unsignalled, kind = "gold" } },
            forbidden_signals = new[] { forbidden },
            pinned_regions = new[] { "pacific" },
            forbidden_regions = new[] { "middle_atlantic" },
        });
        (await VersionAsync(advisor, id)).ShouldBe(version);
    }

    [Fact]
    public async Task bad_strategy_choices_are_refused_by_field_and_other_tenants_and_candidates_cannot_make_them()
    {
        var org = await App.CreateOrgAsync("pinbad");
        var other = await App.CreateOrgAsync("pinother");
        var advisor = await App.AdvisorAsync(org);
        var id = await OpenFileAsync(advisor);

        var bad = await PostAsync(advisor, $"/api/candidates/{id}/strategy", new
        {
            pinned_signals = new[] { new { program_code = "not a code!" } },
            pinned_regions = new[] { "atlantis", "pacific", "mountain", "new_england" },
            forbidden_regions = new[] { "pacific" },
        }, 400);
        var errors = bad.GetProperty("errors");
        errors.TryGetProperty("pinned_signals[0].program_code", out _).ShouldBeTrue(errors.ToString());
        errors.TryGetProperty("pinned_regions[0]", out _).ShouldBeTrue(errors.ToString());
        errors.TryGetProperty("pinned_regions", out _).ShouldBeTrue(errors.ToString());
        errors.TryGetProperty("forbidden_regions", out _).ShouldBeTrue(errors.ToString());

        var stranger = await App.AdvisorAsync(other);
        await PostAsync(stranger, $"/api/candidates/{id}/strategy", new { pinned_regions = new[] { "pacific" } }, 404);
        var candidate = await App.CreateUserAsync(org, SmartPickRoles.Candidate, id);
        await PostAsync(candidate, $"/api/candidates/{id}/strategy", new { pinned_regions = new[] { "pacific" } }, 403);
    }

    [Fact]
    public async Task a_money_budget_caps_the_list_at_what_it_pays_for()
    {
        var org = await App.CreateOrgAsync("money");
        var advisor = await App.AdvisorAsync(org);
        var body = new
        {
            name = "Dr. Budget", email = "budget@example.org", medical_school_country = "India", img_type = "non_us_img",
            visa_need = "j1", year_of_graduation = 2020, target_specialties = new[] { "internal_medicine" },
            budget = new { dollars = 800 },
        };
        var id = await OpenFileAsync(advisor, body);
        var list = await ListNumberAsync(advisor, id, 1);
        var plan = list.GetProperty("plan");
        plan.GetProperty("budget_usd").GetDecimal().ShouldBe(800m);
        // $800 − $165 − $80 − $70 = $485: 30 × $11 + 5 × $30 = $480.
        plan.GetProperty("applications_affordable").GetInt32().ShouldBe(35);
        list.GetProperty("recommended_applications").GetInt32().ShouldBeLessThanOrEqualTo(35);
        (await GetAsync(advisor, $"/api/candidates/{id}")).GetProperty("budget").GetProperty("dollars").GetDecimal().ShouldBe(800m);
    }

    [Fact]
    public async Task the_list_page_shows_the_plan_and_the_unlock_panel_and_the_advisor_can_fix_signals_there()
    {
        var org = await App.CreateOrgAsync("planpage");
        var advisor = await App.AdvisorAsync(org);
        var id = await OpenFileAsync(advisor);
        var list = await ListNumberAsync(advisor, id, 1);

        var html = await App.PageAs(advisor, $"/candidates/{id}/list");
        var text = PageForms.Text(html);
        text.ShouldContain("Application plan");
        text.ShouldMatch(@"The recommended \d+ applications cost about \$[\d,]+ ?: ERAS \$[\d,]+, ECFMG token \$165, USMLE transcript \$80 and NRMP \$70");
        html.ShouldContain("data-testid=\"plan-signals\"");
        html.ShouldContain("class=\"badge signal-gold\"");
        html.ShouldContain("data-testid=\"strategy-form\"");

        var code = list.GetProperty("programs").EnumerateArray().Last().GetProperty("program_code").GetString()!;
        var bad = await App.SubmitAs(advisor, $"/candidates/{id}/list", $"/candidates/{id}/list?handler=Strategy",
            new Dictionary<string, string> { ["strategy.PinnedSignals"] = $"{code}:platinum" }, 400);
        (await bad.ReadAsTextAsync()).ShouldContain("write gold or silver after the colon");

        var ok = await App.SubmitAs(advisor, $"/candidates/{id}/list", $"/candidates/{id}/list?handler=Strategy",
            new Dictionary<string, string> { ["strategy.PinnedSignals"] = $"{code}:gold", ["strategy.ForbiddenRegions"] = "pacific" }, 302);
        ok.Context.Response.Headers.Location.ToString().ShouldStartWith($"/candidates/{id}/list?chosen=true");
        var second = await ListNumberAsync(advisor, id, 2);
        second.GetProperty("plan").GetProperty("signals").EnumerateArray()
            .ShouldContain(s => s.GetProperty("program_code").GetString() == code && s.GetProperty("kind").GetString() == "gold");
    }

    [Fact]
    public async Task the_export_carries_each_programs_signal_region_and_eras_fee()
    {
        var org = await App.CreateOrgAsync("planexport");
        var advisor = await App.AdvisorAsync(org);
        var id = await OpenFileAsync(advisor);
        await ListNumberAsync(advisor, id, 1);
        var token = await App.TokenAsync(advisor);
        var csv = await Host.Scenario(x =>
        {
            x.WithRequestHeader("Authorization", $"Bearer {token}");
            x.Get.Url($"/candidates/{id}/list?handler=Export&format=csv");
            x.StatusCodeShouldBe(200);
        });
        var text = (await csv.ReadAsTextAsync()).TrimStart('\uFEFF');
        var header = text[..text.IndexOf("\r\n\r\n", StringComparison.Ordinal)].Split("\r\n");
        header.ShouldContain(l => l.StartsWith("candidate,", StringComparison.Ordinal));
        header.ShouldContain(l => l.StartsWith("estimated chance of matching,0.", StringComparison.Ordinal));
        header.ShouldContain(l => l.StartsWith("engine version,", StringComparison.Ordinal) && l.Length > "engine version,".Length);
        var lines = text[(text.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..].Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("rank,program_code,program_name,state,specialty,tier,interview_probability,signal,named_region,eras_fee_usd,reasons");
        lines[1].Split(',')[7].ShouldBeOneOf("gold", "silver");
        lines[1].Split(',')[9].ShouldBe("11");
        lines.Skip(31).ShouldAllBe(l => l.Split(',')[9] == "30" || l.Contains('"'), "from the 31st program ERAS charges $30");
    }

    [Fact]
    public async Task the_try_page_prices_the_list_against_a_money_budget_without_an_account()
    {
        var get = await Host.Scenario(x => x.Get.Url("/try"));
        var html = await get.ReadAsTextAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var cookie = get.Context.Response.Headers.SetCookie.ToString().Split(';')[0];
        var post = await Host.Scenario(x =>
        {
            x.Post.FormData(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Form.ImgType"] = "non_us_img", ["Form.VisaNeed"] = "j1",
                ["Form.YearOfGraduation"] = "2020", ["Form.Step2Ck"] = "228", ["Form.Specialty"] = "internal_medicine",
                ["Form.BudgetUsd"] = "$1,200",
            }).ToUrl("/try");
            x.WithRequestHeader("Cookie", cookie);
            x.StatusCodeShouldBe(200);
        });
        var text = PageForms.Text(await post.ReadAsTextAsync());
        text.ShouldContain("Budget $1,200: it pays for");
        text.ShouldContain("Program signals");
        text.ShouldContain("What would open more programs");
    }

    [Fact]
    public async Task while_interviewing_the_file_page_gives_the_chance_by_programs_ranked_the_nrmp_fee_and_the_deadline()
    {
        var org = await App.CreateOrgAsync("ranklist");
        var advisor = await App.AdvisorAsync(org);
        var id = await OpenFileAsync(advisor);
        var url = $"/api/candidates/{id}";
        await PostAsync(advisor, $"{url}/cycles", new { season = 2027 });
        await PostAsync(advisor, $"{url}/cycles/2027/applications", new { count = 100, submitted_on = "2026-09-02" });
        var codes = await ProgramCodesAsync(advisor, 3);
        for (var k = 1; k <= 3; k++)
            await PostAsync(advisor, $"{url}/cycles/2027/interviews", new { program_code = codes[k - 1], invited_on = "2026-10-20" });

        var html = await App.PageAs(advisor, $"/candidates/{id}");
        html.ShouldContain("data-testid=\"rank-list-assistant\"");
        var text = PageForms.Text(html);
        text.ShouldContain("Chance of matching by how many of the 3 interviews are ranked");
        text.ShouldContain("a longer list never lowers it");
        text.ShouldContain("Certify the rank list by");
        text.ShouldContain("$70");

        // Before any interview there is nothing to rank.
        var fresh = await OpenFileAsync(advisor, NewFile("Dr. Fresh", "fresh@example.org"));
        (await App.PageAs(advisor, $"/candidates/{fresh}")).ShouldNotContain("data-testid=\"rank-list-assistant\"");
    }
}
