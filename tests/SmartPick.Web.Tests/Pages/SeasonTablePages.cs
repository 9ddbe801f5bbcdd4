using SmartPick.Matching.Model;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Alba;
using Shouldly;
using SmartPick.Matching.Strategy;
using SmartPick.Web.Tests.Infrastructure;

namespace SmartPick.Web.Tests.Pages;

public sealed class SeasonTablePages(AppFixture app) : AppTest(app)
{
    /// <summary>The form as the page fills it for <paramref name="facts"/>, field by field.</summary>
    private static Dictionary<string, string> FormOf(SeasonFacts facts, long version = 0)
    {
        var inv = CultureInfo.InvariantCulture;
        var fields = new Dictionary<string, string>
        {
            ["fees.token"] = facts.Fees.Token.ToString(inv),
            ["fees.transcript"] = facts.Fees.Transcript.ToString(inv),
            ["fees.nrmp_registration"] = facts.Fees.NrmpRegistration.ToString(inv),
            ["fees.nrmp_included_ranks"] = facts.Fees.NrmpIncludedRanks.ToString(inv),
            ["fees.nrmp_per_additional_rank"] = facts.Fees.NrmpPerAdditionalRank.ToString(inv),
            ["fees.nrmp_long_list_above"] = facts.Fees.NrmpLongListAbove.ToString(inv),
            ["fees.nrmp_long_list_fee"] = facts.Fees.NrmpLongListFee.ToString(inv),
            ["max_regions"] = facts.MaxRegions.ToString(inv),
            ["source"] = "",
            ["expected_version"] = version.ToString(inv),
        };
        for (var i = 0; i < facts.Fees.ErasBands.Count; i++)
        {
            fields[$"fees.eras_bands[{i}].up_to"] = facts.Fees.ErasBands[i].UpTo?.ToString(inv) ?? "";
            fields[$"fees.eras_bands[{i}].price"] = facts.Fees.ErasBands[i].Price.ToString(inv);
            if (facts.Fees.ErasBands[i].Flat) fields[$"fees.eras_bands[{i}].flat"] = "true";
        }
        foreach (var (key, allowed) in facts.Signals)
        {
            fields[$"signals.{key}.gold"] = allowed.Gold.ToString(inv);
            fields[$"signals.{key}.silver"] = allowed.Silver.ToString(inv);
        }
        return fields;
    }

    private static SeasonFacts Published2026 => SeasonFactsTable.Defaults.Single(f => f.Season == 2026);

    [Fact]
    public async Task when_an_admin_opens_a_season_the_published_figures_fill_the_form()
    {
        var org = await App.CreateOrgAsync("sp");
        var admin = await App.OrgAdminAsync(org);

        var html = await App.PageAs(admin, "/org/seasons?season=2026");

        html.ShouldContain("The published figures apply.");
        html.ShouldContain("name=\"fees.token\" value=\"165\"");
        html.ShouldContain("name=\"fees.eras_bands[0].up_to\" value=\"30\"");
        html.ShouldContain("name=\"signals.internal_medicine.gold\" value=\"3\"");
        var seasons = PageForms.Text(Regex.Match(html, "<table [^>]*data-testid=\"seasons\">.*?</table>", RegexOptions.Singleline).Value);
        seasons.ShouldContain("2024 Published $99 in all for programs 1–10");
        seasons.ShouldContain("2026 Published $11 each for programs 1–30, $30 each from program 31 on $165 $80 $70");
        html.ShouldContain("The agency has not changed this season.");
    }

    [Fact]
    public async Task when_an_admin_saves_changed_figures_the_season_is_the_agencys_own_and_its_history_says_who_changed_it()
    {
        var org = await App.CreateOrgAsync("sp");
        var admin = await App.OrgAdminAsync(org);
        var fields = FormOf(Published2026);
        fields["fees.token"] = "175.50";
        fields["signals.psychiatry.silver"] = "12";
        fields["source"] = "ECFMG notice of May";

        var result = await App.SubmitAs(admin, "/org/seasons?season=2026", "/org/seasons?handler=Save&season=2026", fields, 200);

        var html = await result.ReadAsTextAsync();
        html.ShouldContain("The 2026 season is saved");
        html.ShouldContain("The agency's own figures, recorded by Test org_admin");
        PageForms.Text(Regex.Match(html, "<ol class=\"timeline\" data-testid=\"history\" reversed>.*?</ol>", RegexOptions.Singleline).Value)
            .ShouldContain("Test org_admin: recorded ERAS $11 each for programs 1–30, $30 each from program 31 on (per specialty); token $175.50;");
        var stored = await (await As(admin, x => x.Get.Url("/api/org/seasons/2026"))).ReadAsJsonAsync<JsonElement>();
        stored.GetProperty("fees").GetProperty("token").GetDecimal().ShouldBe(175.5m);
        stored.GetProperty("signals").GetProperty("psychiatry").GetProperty("silver").GetInt32().ShouldBe(12);
        stored.GetProperty("source").GetString().ShouldBe("ECFMG notice of May");
    }

    [Fact]
    public async Task when_the_bands_are_out_of_order_and_a_fee_is_negative_each_field_says_why_and_nothing_is_stored()
    {
        var org = await App.CreateOrgAsync("sp");
        var admin = await App.OrgAdminAsync(org);
        var fields = FormOf(Published2026);
        fields["fees.eras_bands[0].up_to"] = "30";
        fields["fees.eras_bands[1].up_to"] = "20";
        fields["fees.eras_bands[1].price"] = "19";
        fields["fees.eras_bands[2].price"] = "30";
        fields["fees.transcript"] = "-80";
        fields["max_regions"] = "three";

        var parse = await App.SubmitAs(admin, "/org/seasons?season=2026", "/org/seasons?handler=Save&season=2026", fields, 400);
        (await parse.ReadAsTextAsync()).ShouldContain("id=\"f-max-regions-error\">Census divisions a candidate may name must be a whole number.");

        fields["max_regions"] = "3";
        var result = await App.SubmitAs(admin, "/org/seasons?season=2026", "/org/seasons?handler=Save&season=2026", fields, 400);

        var html = await result.ReadAsTextAsync();
        html.ShouldContain("id=\"f-fees-eras-bands-1--up-to-error\">Band 2: up to must be above the previous band&#x27;s up_to (30): bands go in ascending order.");
        html.ShouldContain("id=\"f-fees-transcript-error\">USMLE transcript (once a season) must not be negative.");
        // The admin's values stay in the form.
        html.ShouldContain("name=\"fees.eras_bands[2].price\" value=\"30\"");
        var stored = await (await As(admin, x => x.Get.Url("/api/org/seasons/2026"))).ReadAsJsonAsync<JsonElement>();
        stored.GetProperty("edited").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task when_the_season_changed_since_the_form_was_opened_nothing_is_saved_and_the_page_says_so_and_a_reset_brings_the_published_figures_back()
    {
        var org = await App.CreateOrgAsync("sp");
        var admin = await App.OrgAdminAsync(org);
        var fields = FormOf(Published2026);
        fields["fees.token"] = "170";
        await App.SubmitAs(admin, "/org/seasons?season=2026", "/org/seasons?handler=Save&season=2026", fields, 200);

        fields["fees.token"] = "190";
        var stale = await App.SubmitAs(admin, "/org/seasons?season=2026", "/org/seasons?handler=Save&season=2026", fields, 412);
        (await stale.ReadAsTextAsync()).ShouldContain("Someone else changed this season while you were editing, so nothing was saved.");

        var reset = await App.SubmitAs(admin, "/org/seasons?season=2026", "/org/seasons?handler=Reset&season=2026",
            new Dictionary<string, string> { ["expected_version"] = "1" }, 200);
        var html = await reset.ReadAsTextAsync();
        html.ShouldContain("The 2026 season is back to the published figures");
        html.ShouldContain("name=\"fees.token\" value=\"165\"");
        html.ShouldContain("went back to the published figures.");
    }
}
