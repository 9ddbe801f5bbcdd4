using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace SmartPick.Browser.Tests;

/// <summary>
/// Every page people meet, as each role meets it, at a desktop (1280 px) and a phone (390 px) width: axe-core finds
/// nothing on it, and a full-page screenshot of each is kept (<c>&lt;page&gt;-&lt;width&gt;.png</c>). One signed-in
/// page per role, resized rather than opened again, keeps the pass short.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityInTheBrowser(RunningApp app)
{
    private const string WorkedExample = "5e1d0c0a-0000-4000-8000-000000000001";
    private const string DemoReapplicant = "5e1d0c0a-0000-4000-8000-000000000002";
    private static readonly int[] Widths = [1280, 390];

    [BrowserFact]
    public async Task the_check_names_the_rules_a_page_breaks_and_the_elements_that_break_them()
    {
        var page = await app.NewPageAsync(width: 390);
        await page.SetContentAsync("""
            <!DOCTYPE html><html lang="en"><head><title>Broken</title></head><body><main>
            <img src="/favicon.svg" id="unnamed">
            <div id="scrolls" style="width: 100px; overflow-x: auto"><p style="width: 400px">A table too wide for a phone</p></div>
            </main></body></html>
            """);
        var violations = await Accessibility.ViolationsAsync(page);
        violations.ShouldContain("image-alt (critical)");
        violations.ShouldContain("#unnamed");
        violations.ShouldContain("scrollable-region-focusable (serious)");
        violations.ShouldContain("#scrolls");

        // A page wider than the phone fails the pass too (reflow), though axe finds nothing wrong with it.
        await page.SetContentAsync("""
            <!DOCTYPE html><html lang="en"><head><title>Wide</title></head><body><main><h1>Wide</h1>
            <p style="width: 600px">A line of text laid out wider than a phone</p>
            </main></body></html>
            """);
        var wide = new AccessibilityPass(app, 390);
        await wide.CheckAsync(page, "reflow-self-test");
        Should.Throw<Xunit.Sdk.XunitException>(wide.ShouldBeClean).Message.ShouldContain("the page is 6");
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task the_public_pages_have_no_accessibility_violations_at_either_width()
    {
        var page = await app.NewPageAsync();
        var found = new AccessibilityPass(app, Widths);

        await page.GotoAsync("/");
        await found.CheckAsync(page, "home");
        await page.GotoAsync("/signin");
        await found.CheckAsync(page, "signin");
        var missing = await page.GotoAsync("/no-such-page");
        missing!.Status.ShouldBe(404);
        await found.CheckAsync(page, "not-found");

        await PagesInTheBrowser.TryAProfileAsync(page);
        await found.CheckAsync(page, "try");

        found.ShouldBeClean();
    }

    [BrowserFact]
    public async Task the_advisors_pages_have_no_accessibility_violations_at_either_width()
    {
        var page = await app.SignedInAsync(RunningApp.Advisor);
        var found = new AccessibilityPass(app, Widths);

        await page.GotoAsync("/cohort");
        await page.GetByTestId("cohort-table").WaitForAsync();
        await found.CheckAsync(page, "cohort");

        var list = $"/candidates/{WorkedExample}/list";
        await ListAsync(page, list);
        await found.CheckAsync(page, "list");
        await page.GetByLabel("+3 months hands-on USCE").CheckAsync();
        await page.GetByLabel("+2 strong US letters").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the effect" }).ClickAsync();
        await page.GetByTestId("what-if-chart").WaitForAsync();
        await page.GetByTestId("program-row").First.Locator("summary").ClickAsync();
        await found.CheckAsync(page, "list-what-if");

        await page.GotoAsync($"/candidates/{DemoReapplicant}/cycles");
        await page.GetByTestId("cycles-table").WaitForAsync();
        await found.CheckAsync(page, "candidate-seasons");

        await page.GotoAsync("/catalog");
        await found.CheckAsync(page, "catalog");
        await page.GetByTestId("program-link").First.ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Change history" }).WaitForAsync();
        await found.CheckAsync(page, "program-history");

        await page.GotoAsync("/org/seasons");
        await found.CheckAsync(page, "seasons");
        await page.GotoAsync("/account");
        await found.CheckAsync(page, "account");

        found.ShouldBeClean();
    }

    [BrowserFact]
    public async Task the_org_admins_pages_have_no_accessibility_violations_at_either_width()
    {
        var page = await app.SignedInAsync(RunningApp.OrgAdmin);
        var found = new AccessibilityPass(app, Widths);

        // An invitation waiting, so its row and buttons are checked too.
        var invited = await page.PostJsonAsync("/api/org/invitations",
            new Dictionary<string, object> { ["email"] = $"pending-{Guid.NewGuid():N}@example.org", ["role"] = "advisor" });
        invited.Status.ShouldBe(201, await invited.TextAsync());
        await page.GotoAsync("/org");
        await page.GetByTestId("members").WaitForAsync();
        await found.CheckAsync(page, "members-invitations");

        // Three of the catalog's own programs, one with a state that does not exist and one with new notes: the preview
        // lists the row in error and what would change, and nothing is applied. Splitting on commas keeps these columns,
        // which come before the first quoted one.
        var export = await page.APIRequest.GetAsync("/api/catalog/export?format=csv");
        var lines = (await export.TextAsync()).TrimStart('\uFEFF').Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
        var header = lines[0].Split(',');
        var bad = lines[1].Split(',');
        bad[Array.IndexOf(header, "state")] = "ZZ";
        var changed = lines[2].Split(',');
        changed[Array.IndexOf(header, "notes")] = "Checked " + Guid.NewGuid().ToString("N")[..6];
        var csv = string.Join("\n", lines[0], string.Join(",", bad), string.Join(",", changed), lines[3]) + "\n";
        await page.GotoAsync("/catalog/import");
        await found.CheckAsync(page, "catalog-import");
        await page.GetByLabel("Sheet file").SetInputFilesAsync(new FilePayload { Name = "three-rows.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview import" }).ClickAsync();
        await page.GetByTestId("import-errors").WaitForAsync();
        await page.GetByTestId("import-changes").Locator("summary").ClickAsync();
        await found.CheckAsync(page, "catalog-import-preview");

        await page.GotoAsync("/org/seasons");
        await found.CheckAsync(page, "seasons-admin");

        found.ShouldBeClean();
    }

    [BrowserFact]
    public async Task the_candidates_own_page_has_no_accessibility_violations_at_either_width()
    {
        var page = await app.SignedInAsync(RunningApp.Candidate);
        var found = new AccessibilityPass(app, Widths);
        for (var i = 0; i < 60 && await page.GetByTestId("your-plan").CountAsync() == 0; i++)
        {
            await Task.Delay(500);
            await page.GotoAsync("/me");
        }
        await found.CheckAsync(page, "me");
        found.ShouldBeClean();
    }

    /// <summary>Opens the list page until a list is there (lists are computed in the background).</summary>
    private static async Task ListAsync(IPage page, string url)
    {
        for (var i = 0; i < 60; i++)
        {
            await page.GotoAsync(url);
            if (await page.GetByTestId("program-row").CountAsync() > 0) return;
            await Task.Delay(500);
        }
        throw new TimeoutException($"No list at {url}.");
    }
}
