using Xunit;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Shouldly;

namespace SmartPick.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class PagesInTheBrowser(RunningApp app)
{
    [BrowserFact]
    public async Task when_an_advisor_signs_in_the_header_shows_the_agency_and_role_and_the_cohort_opens()
    {
        var page = await app.SignedInAsync(RunningApp.Advisor);
        page.Url.ShouldEndWith("/cohort");
        (await page.GetByTestId("org-name").InnerTextAsync()).ShouldBe("Demo Advising Agency");
        (await page.GetByTestId("role").InnerTextAsync()).ShouldBe("Advisor");
        await page.GetByTestId("cohort-table").WaitForAsync();
        await app.ScreenshotAsync(page, "cohort");
        (await page.GetByTestId("cohort-table").Locator("tbody tr").First.EvaluateAsync<string>("r => getComputedStyle(r).display")).ShouldBe("table-row");

        // On a phone each candidate is a card: every field on a line of its own (none dropped), nothing scrolls sideways,
        // and the charts' words keep a readable size.
        var phone = await app.SignedInAsync(RunningApp.Advisor, width: 360);
        var card = phone.GetByTestId("cohort-table").Locator("tbody tr").First;
        (await card.EvaluateAsync<string>("r => getComputedStyle(r).display")).ShouldBe("block");
        var box = (await card.BoundingBoxAsync())!;
        (box.X + box.Width).ShouldBeLessThanOrEqualTo(360);
        (await card.Locator("td[data-label='Next deadline']").IsVisibleAsync()).ShouldBeTrue();
        (await card.Locator("td[data-label='Hands-on USCE']").IsVisibleAsync()).ShouldBeTrue();
        (await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(360, "the cohort scrolls sideways on a phone");
        var smallest = await phone.GetByTestId("cohort-charts").EvaluateAsync<double>(
            "c => Math.min(...[...c.querySelectorAll('.hbar-label, .hbar-value')].map(e => parseFloat(getComputedStyle(e).fontSize)))");
        smallest.ShouldBeGreaterThanOrEqualTo(12, "the charts' words shrink below a readable size on a phone");
        await app.ScreenshotAsync(phone, "cohort-360");
    }

    [BrowserFact]
    public async Task when_a_sign_in_fails_the_form_says_so()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.GetByLabel("Email").FillAsync(RunningApp.Advisor);
        await page.GetByLabel("Password").FillAsync("not the password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        (await page.GetByTestId("form-errors").InnerTextAsync()).ShouldContain("email or password is not correct");
        await app.ScreenshotAsync(page, "signin-error");
    }

    [BrowserFact]
    public async Task when_an_advisor_records_an_exam_the_timeline_and_the_list_update()
    {
        var page = await app.SignedInAsync(RunningApp.Advisor);
        var fileUrl = await OpenFileAsync(page, "Browser Exam " + Guid.NewGuid().ToString("N")[..6]);
        var first = await ListNumberAsync(page, fileUrl, atLeast: 1);

        await page.GotoAsync(fileUrl);
        var exam = page.GetByTestId("form-exam");
        await exam.Locator("summary").ClickAsync();
        await exam.GetByLabel("Exam").SelectOptionAsync("Step2Ck");
        await exam.GetByLabel("Score").FillAsync("238");
        await exam.GetByLabel("Date taken").FillAsync("2025-05-10");
        await exam.GetByRole(AriaRole.Button, new() { Name = "Record exam" }).ClickAsync();
        await page.GetByTestId("recorded").WaitForAsync();
        (await page.GetByTestId("timeline").InnerTextAsync()).ShouldContain("Step 2 CK attempt 1 on 2025-05-10: 238");
        (await page.GetByTestId("step2ck").InnerTextAsync()).ShouldStartWith("238");
        await app.ScreenshotAsync(page, "candidate-file");

        var second = await ListNumberAsync(page, fileUrl, atLeast: first + 1);
        second.ShouldBeGreaterThan(first);
        (await page.GetByTestId("changes").InnerTextAsync()).ShouldContain("Chance of matching:");
        await app.ScreenshotAsync(page, "ranked-list");
    }

    [BrowserFact]
    public async Task when_an_exam_score_is_out_of_range_the_field_says_why()
    {
        var page = await app.SignedInAsync(RunningApp.Advisor);
        var fileUrl = await OpenFileAsync(page, "Browser Invalid " + Guid.NewGuid().ToString("N")[..6]);
        await page.GotoAsync(fileUrl);
        var exam = page.GetByTestId("form-exam");
        await exam.Locator("summary").ClickAsync();
        await exam.GetByLabel("Exam").SelectOptionAsync("Step2Ck");
        await exam.GetByLabel("Score").FillAsync("999");
        await exam.GetByLabel("Date taken").FillAsync("2025-05-10");
        await exam.GetByRole(AriaRole.Button, new() { Name = "Record exam" }).ClickAsync();
        var score = page.GetByTestId("form-exam").GetByLabel("Score");
        (await score.GetAttributeAsync("aria-invalid")).ShouldBe("true");
        (await page.Locator("#f-exam-score-error").InnerTextAsync()).ShouldContain("between 1 and 300");
        await app.ScreenshotAsync(page, "candidate-file-error");
    }

    [BrowserFact]
    public async Task when_the_what_if_panel_adds_usce_the_estimate_is_shown_before_and_after()
    {
        var page = await app.SignedInAsync(RunningApp.Advisor);
        var fileUrl = await OpenFileAsync(page, "Browser WhatIf " + Guid.NewGuid().ToString("N")[..6]);
        await ListNumberAsync(page, fileUrl, atLeast: 1);
        await page.GetByLabel("+3 months hands-on USCE").CheckAsync();
        await page.GetByLabel("+2 strong US letters").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the effect" }).ClickAsync();
        var result = await page.GetByTestId("what-if-result").InnerTextAsync();
        result.ShouldMatch(@"the chance goes from \d+% to \d+%");
        // Both curves on one chart: today's and the one with the changes.
        var chart = page.GetByTestId("what-if-chart");
        (await chart.Locator("polyline.curve").CountAsync()).ShouldBe(2);
        (await chart.GetByTestId("what-if-curve").CountAsync()).ShouldBe(1);
        await app.ScreenshotAsync(page, "what-if");
    }

    /// <summary>Fills the /try form with a 2019 graduate, Step 2 CK 232, 4 months hands-on USCE, and waits for the ranked result.</summary>
    internal static async Task TryAProfileAsync(IPage page)
    {
        await page.GotoAsync("/try");
        await page.GetByLabel("Year of graduation").FillAsync("2019");
        await page.GetByLabel("Match season").FillAsync("2027");
        await page.GetByLabel("Step 2 CK score").FillAsync("232");
        await page.GetByLabel("Hands-on US clinical experience (months)").FillAsync("4");
        await page.GetByRole(AriaRole.Button, new() { Name = "Rank programs" }).ClickAsync();
        await page.GetByTestId("try-result").WaitForAsync();
    }

    [BrowserFact]
    public async Task when_anyone_tries_it_without_an_account_they_get_a_ranked_list_and_a_chart()
    {
        var page = await app.NewPageAsync(width: 390);
        await TryAProfileAsync(page);
        (await page.GetByTestId("curve-chart").CountAsync()).ShouldBe(1);
        (await page.GetByTestId("ranked-programs").Locator("tbody tr").CountAsync()).ShouldBeGreaterThan(0);
        await app.ScreenshotAsync(page, "try-360");
    }

    [BrowserFact]
    public async Task when_an_admin_imports_a_sheet_with_a_bad_row_the_preview_lists_it_and_refuses_to_apply()
    {
        var page = await app.SignedInAsync(RunningApp.OrgAdmin);
        var export = await page.APIRequest.GetAsync("/api/catalog/export?format=csv");
        export.Ok.ShouldBeTrue();
        var lines = (await export.TextAsync()).TrimStart('\uFEFF').Split('\n').Where(l => l.Length > 0).ToList();
        var header = lines[0].TrimEnd('\r').Split(',');
        var stateColumn = Array.IndexOf(header, "state");
        stateColumn.ShouldBeGreaterThanOrEqualTo(0);
        var bad = lines[1].TrimEnd('\r').Split(',');
        // Only rewrite a plain (unquoted) row so the column positions hold.
        bad[stateColumn] = "ZZ";
        var csv = string.Join("\n", new[] { lines[0].TrimEnd('\r'), string.Join(",", bad) }.Concat(lines.Skip(2).Take(5).Select(l => l.TrimEnd('\r')))) + "\n";

        await page.GotoAsync("/catalog/import");
        await page.GetByLabel("Sheet file").SetInputFilesAsync(new FilePayload { Name = "catalog-with-error.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview import" }).ClickAsync();
        await page.GetByTestId("import-preview").WaitForAsync();
        int.Parse(await page.GetByTestId("import-error-count").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
        (await page.GetByTestId("import-errors").InnerTextAsync()).ShouldContain("ZZ");
        (await page.GetByRole(AriaRole.Button, new() { Name = "Apply this import" }).CountAsync()).ShouldBe(0);
        await app.ScreenshotAsync(page, "catalog-import-errors");
    }

    [BrowserFact]
    public async Task an_admin_updates_two_programs_by_default_and_replacing_the_catalog_asks_for_the_number_it_removes()
    {
        var page = await app.SignedInAsync(RunningApp.OrgAdmin);
        var export = await page.APIRequest.GetAsync("/api/catalog/export?format=csv");
        var lines = (await export.TextAsync()).TrimStart('\uFEFF').Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
        var header = lines[0].Split(',');
        var notes = Array.IndexOf(header, "notes");
        // The notes column comes before the first quoted one, so splitting on commas and joining back keeps the row.
        var row = lines[1].Split(',');
        var stamp = "Checked " + Guid.NewGuid().ToString("N")[..6];
        row[notes] = stamp;
        var csv = string.Join("\n", lines[0], string.Join(",", row)) + "\n";
        var file = new FilePayload { Name = "two-rows.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv) };

        await page.GotoAsync("/catalog/import");
        await page.GetByLabel("Sheet file").SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview import" }).ClickAsync();
        (await page.GetByTestId("import-mode").InnerTextAsync()).ShouldContain("none removed");
        (await page.GetByTestId("import-removed").InnerTextAsync()).ShouldBe("0");
        await page.GetByTestId("import-changes").Locator("summary").ClickAsync();
        (await page.GetByTestId("import-changes").InnerTextAsync()).ShouldContain(stamp);
        await app.ScreenshotAsync(page, "catalog-import-update");

        // The file stays chosen: the same sheet as the whole catalog, without choosing it again, would remove every
        // other program, and applying that asks for the number first.
        (await page.GetByTestId("import-kept-file").InnerTextAsync()).ShouldContain("two-rows.csv");
        await page.GetByLabel("Replace the whole catalog with this sheet").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview again" }).ClickAsync();
        (await page.GetByTestId("import-preview").Locator("h2").InnerTextAsync()).ShouldContain("two-rows.csv");
        var removed = int.Parse(await page.GetByTestId("import-removed").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        removed.ShouldBeGreaterThan(100);
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply this import" }).ClickAsync();
        var confirm = page.GetByLabel($"Type {removed} to confirm the removals");
        (await confirm.GetAttributeAsync("aria-invalid")).ShouldBe("true");
        (await page.Locator("main").InnerTextAsync()).ShouldContain($"Type the number of programs this removes ({removed}) to confirm.");
        await app.ScreenshotAsync(page, "catalog-import-replace-confirm");
        // Not applied: the catalog keeps its programs.
        var summary = await page.APIRequest.GetAsync("/api/catalog");
        var programs = (await summary.JsonAsync())!.Value.GetProperty("program_count").GetInt32();
        programs.ShouldBeGreaterThan(100);

        // Back to an update of the two rows, still without choosing the file again, and applied.
        await page.GetByLabel("Update the programs in this sheet").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview again" }).ClickAsync();
        (await page.GetByTestId("import-removed").InnerTextAsync()).ShouldBe("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply this import" }).ClickAsync();
        await page.GetByTestId("import-applied").WaitForAsync();
        var after = await page.APIRequest.GetAsync("/api/catalog");
        (await after.JsonAsync())!.Value.GetProperty("program_count").GetInt32().ShouldBe(programs);
    }

    [BrowserFact]
    public async Task when_a_candidate_accepts_an_invitation_they_see_their_own_file_only()
    {
        var advisor = await app.SignedInAsync(RunningApp.Advisor);
        var name = "Browser Candidate " + Guid.NewGuid().ToString("N")[..6];
        var fileUrl = await OpenFileAsync(advisor, name);
        await ListNumberAsync(advisor, fileUrl, atLeast: 1);
        var candidateId = fileUrl.Split('/').Last();

        var admin = await app.SignedInAsync(RunningApp.OrgAdmin);
        var email = $"cand-{Guid.NewGuid():N}@example.org";
        var created = await admin.PostJsonAsync("/api/org/invitations",
            new Dictionary<string, object> { ["email"] = email, ["role"] = "candidate", ["candidate_id"] = candidateId });
        created.Status.ShouldBe(201, await created.TextAsync());
        var token = (await created.JsonAsync())!.Value.GetProperty("token").GetString();

        var page = await app.NewPageAsync(width: 360);
        await page.GotoAsync($"/invitations/{token}");
        await page.GetByLabel("Your name").FillAsync(name);
        await page.GetByLabel("Choose a password").FillAsync("Candidate-Pass-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/me", StringComparison.Ordinal));
        (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).ShouldContain(name);
        (await page.GetByTestId("role").InnerTextAsync()).ShouldBe("Candidate");
        await app.ScreenshotAsync(page, "me-360");

        // Staff pages are not theirs.
        var response = await page.GotoAsync(fileUrl);
        page.Url.ShouldContain("/denied");
        response!.Status.ShouldBe(403);
    }

    [BrowserFact]
    public async Task when_an_advisor_reads_the_plan_it_prices_the_list_places_signals_and_takes_the_advisors_choices()
    {
        var page = await app.SignedInAsync(RunningApp.Advisor);
        var fileUrl = await OpenFileAsync(page, "Browser Plan " + Guid.NewGuid().ToString("N")[..6]);
        var first = await ListNumberAsync(page, fileUrl, atLeast: 1);

        var plan = page.GetByTestId("plan");
        (await plan.GetByTestId("plan-cost").InnerTextAsync()).ShouldMatch(@"cost about \$[\d,]+: ERAS \$[\d,]+, ECFMG token \$165");
        var signals = plan.GetByTestId("plan-signals");
        (await signals.Locator("tbody tr").CountAsync()).ShouldBeGreaterThan(0);
        await plan.Locator("summary", new() { HasText = "The curve against money" }).ClickAsync();
        (await plan.GetByTestId("plan-curve-cost").InnerTextAsync()).ShouldContain("recommended");
        await app.ScreenshotAsync(page, "application-plan");

        // The advisor never names the Pacific division and keeps a gold signal at the last listed program.
        var last = (await page.GetByTestId("ranked-programs").Locator("tbody tr").Last.GetByTestId("program-code").TextContentAsync())!.Trim();
        var form = page.GetByTestId("strategy-form");
        await page.Locator("#strategy > summary").ClickAsync();
        await form.GetByLabel("Signal these programs", new() { Exact = true }).FillAsync(last + ":gold");
        await form.Locator("fieldset", new() { HasText = "Never name" }).GetByLabel("Pacific").CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Save and recompute" }).ClickAsync();
        await page.GetByTestId("strategy-recorded").WaitForAsync();

        await ListNumberAsync(page, fileUrl, atLeast: first + 1);
        (await page.GetByTestId("plan-signals").InnerTextAsync()).ShouldContain(last);
        (await page.GetByTestId("plan-signals").InnerTextAsync()).ShouldContain("(chosen by the advisor)");
        if (await page.GetByTestId("plan-regions").CountAsync() > 0)
            (await page.GetByTestId("plan-regions").InnerTextAsync()).ShouldNotContain("Pacific");
        await app.ScreenshotAsync(page, "application-plan-chosen");
    }

    [BrowserFact]
    public async Task the_worked_examples_list_is_compact_filters_by_tier_opens_a_rows_reasons_and_shows_all()
    {
        var page = await app.SignedInAsync(RunningApp.Advisor);
        var fileUrl = "/candidates/5e1d0c0a-0000-4000-8000-000000000001";
        await ListNumberAsync(page, fileUrl, atLeast: 1);
        var rows = page.GetByTestId("program-row");
        (await rows.CountAsync()).ShouldBe(20, "the first twenty programs before 'show all'");
        (await page.GetByTestId("shown-count").InnerTextAsync()).ShouldMatch(@"Showing 20 of \d+");
        var height = (await page.GetByTestId("ranked-list").BoundingBoxAsync())!.Height;
        height.ShouldBeLessThan(2 * 900, "the list fits in about two screens at 1280 px");
        (await page.GetByTestId("tier-legend").InnerTextAsync()).ShouldContain("Best odds");
        (await page.GetByTestId("ranked-programs").InnerTextAsync()).ShouldNotMatch(@"[+−]\d\.\d\d", "no raw weights");
        await app.ScreenshotAsync(page, "list-compact");

        // One row opens to its reasons, in sentences.
        await rows.First.Locator("summary").ClickAsync();
        (await rows.First.GetByTestId("program-reasons").InnerTextAsync()).ShouldMatch(@"(Helps|Hurts): [A-Z].+\.");
        await app.ScreenshotAsync(page, "list-row-open");

        // A filter keeps only its tier (the select sends the form itself).
        var tier = (await rows.Last.GetAttributeAsync("data-tier"))!;
        await page.GetByTestId("list-filters").GetByLabel("Tier").SelectOptionAsync(tier);
        await page.WaitForURLAsync(url => url.Contains("tier=" + tier, StringComparison.Ordinal));
        var tiers = await page.GetByTestId("program-row").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.tier)");
        tiers.ShouldNotBeEmpty();
        tiers.ShouldAllBe(t => t == tier);

        // Sorted by chance, then all of them.
        await page.GotoAsync(fileUrl + "/list?sort=chance");
        await page.GetByTestId("show-all").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("all=true", StringComparison.Ordinal));
        var all = await page.GetByTestId("program-row").CountAsync();
        all.ShouldBeGreaterThan(20);
        var chances = await page.GetByTestId("program-row").EvaluateAllAsync<string[]>("rows => rows.map(r => r.querySelector('td.chance .num').textContent)");
        chances.Length.ShouldBe(all);

        var phone = await app.SignedInAsync(RunningApp.Advisor, width: 390);
        await phone.GotoAsync(fileUrl + "/list");
        var chanceCell = await phone.GetByTestId("program-row").First.Locator("td.chance").BoundingBoxAsync();
        (chanceCell!.X + chanceCell.Width).ShouldBeLessThanOrEqualTo(390, "the chance column is not cut off on a phone");
        var curveText = await phone.GetByTestId("curve-chart").EvaluateAsync<double>(
            "svg => Math.min(...[...svg.querySelectorAll('text')].map(t => t.getBoundingClientRect().height))");
        curveText.ShouldBeGreaterThanOrEqualTo(9, "the curve's words are drawn too small to read on a phone");
        await app.ScreenshotAsync(phone, "list-compact-390");
    }

    private static async Task<string> OpenFileAsync(IPage page, string name)
    {
        await page.GotoAsync("/candidates/new");
        await page.GetByLabel("Full name").FillAsync(name);
        await page.GetByLabel("Email").FillAsync($"{Guid.NewGuid():N}@example.org");
        await page.GetByLabel("Country of medical school").FillAsync("Nigeria");
        await page.GetByLabel("Year of graduation").FillAsync("2018");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open file" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/candidates/[0-9a-f-]{36}$"));
        return new Uri(page.Url).AbsolutePath;
    }

    /// <summary>Opens the list page until the list numbered at least <paramref name="atLeast"/> is there (lists are computed in the background).</summary>
    private static async Task<int> ListNumberAsync(IPage page, string fileUrl, int atLeast)
    {
        for (var i = 0; i < 60; i++)
        {
            await page.GotoAsync(fileUrl + "/list");
            var text = await page.Locator("main").InnerTextAsync();
            var match = Regex.Match(text, @"List (\d+)");
            if (match.Success && int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= atLeast)
                return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            await Task.Delay(500);
        }
        throw new TimeoutException($"List {atLeast} of {fileUrl} did not appear.");
    }
}
