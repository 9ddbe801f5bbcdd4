using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace SmartPick.Browser.Tests;

/// <summary>The seasons-side-by-side pages, the candidate's reminders and the password reset, in a real browser.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CandidateSeasonsInTheBrowser(RunningApp app)
{
    /// <summary>The demo reapplicant (two unmatched seasons, then a third in progress).</summary>
    private const string DemoReapplicant = "5e1d0c0a-0000-4000-8000-000000000002";

    [BrowserFact]
    public async Task when_an_advisor_compares_the_demo_reapplicants_seasons_every_season_and_the_chart_show()
    {
        var page = await app.SignedInAsync(RunningApp.Advisor);
        await page.GotoAsync($"/candidates/{DemoReapplicant}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Seasons" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/cycles", StringComparison.Ordinal));

        var table = await page.GetByTestId("cycles-table").InnerTextAsync();
        table.ShouldContain("2025 season");
        table.ShouldContain("2026 season");
        table.ShouldContain("2027 season");
        (await page.GetByTestId("cycles-outcomes").InnerTextAsync()).ShouldContain("Unmatched");
        (await page.GetByTestId("comparison-chart").CountAsync()).ShouldBe(1);
        (await page.GetByTestId("cycles-improved").InnerTextAsync()).ShouldContain("Step 3");
        await app.ScreenshotAsync(page, "cycles-staff");

        var phone = await app.SignedInAsync(RunningApp.Advisor, width: 360);
        await phone.GotoAsync($"/candidates/{DemoReapplicant}/cycles");
        await phone.GetByTestId("cycles-table").WaitForAsync();
        await app.ScreenshotAsync(phone, "cycles-staff-360");
    }

    [BrowserFact]
    public async Task when_a_reapplicant_signs_in_they_compare_their_seasons_and_change_their_reminders()
    {
        var name = "Browser Reapplicant " + Guid.NewGuid().ToString("N")[..6];
        var candidateId = await ReapplicantFileAsync(name);
        var (email, password) = await CandidateAccountAsync(candidateId, name);

        var page = await app.NewPageAsync(width: 390);
        await page.GotoAsync("/signin");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/me", StringComparison.Ordinal));

        await page.GetByTestId("me-cycles-link").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/me/cycles", StringComparison.Ordinal));
        var table = await page.GetByTestId("cycles-table").InnerTextAsync();
        table.ShouldContain("2026 season");
        table.ShouldContain("2027 season");
        (await page.GetByTestId("cycles-improved").InnerTextAsync()).ShouldContain("Hands-on USCE (months): 0 → 3");
        await app.ScreenshotAsync(page, "me-cycles-390");

        await page.GotoAsync("/me");
        await page.GetByTestId("me-nudges-link").ClickAsync();
        var rankList = page.GetByLabel(new Regex("Before the rank order list deadline"));
        (await rankList.IsCheckedAsync()).ShouldBeTrue();
        await rankList.UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save reminders" }).ClickAsync();
        (await page.GetByTestId("saved").InnerTextAsync()).ShouldContain("rank list reminders are off");
        await app.ScreenshotAsync(page, "me-nudges-390");

        await page.ReloadAsync();
        (await page.GetByLabel(new Regex("Before the rank order list deadline")).IsCheckedAsync()).ShouldBeFalse();
        (await page.GetByLabel(new Regex("Before the next application season opens")).IsCheckedAsync()).ShouldBeTrue();
    }

    [BrowserFact]
    public async Task when_a_candidate_forgets_their_password_the_emailed_link_sets_a_new_one()
    {
        var name = "Browser Forgetful " + Guid.NewGuid().ToString("N")[..6];
        var advisor = await app.SignedInAsync(RunningApp.Advisor);
        var candidateId = await OpenFileAsync(advisor, name);
        await advisor.Context.CloseAsync();
        var (email, oldPassword) = await CandidateAccountAsync(candidateId, name);

        var page = await app.NewPageAsync(width: 390);
        await page.GotoAsync("/signin");
        await page.GetByRole(AriaRole.Link, new() { Name = "Forgot your password?" }).ClickAsync();
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the link" }).ClickAsync();
        (await page.GetByTestId("forgot-sent").InnerTextAsync()).ShouldContain("If an account uses this address");
        await app.ScreenshotAsync(page, "forgot-sent-390");

        // The running app has no SMTP server configured: mail is written to its pickup folder.
        var link = new Uri(Regex.Match((await RunningApp.PickedUpMailAsync(email, "password-reset")).TextBody ?? "", @"https?://\S+/account/reset\?\S+").Value);
        // The link points where this app listens (a free port, not the default 5080), with nothing configured for it.
        link.GetLeftPart(UriPartial.Authority).ShouldBe(new Uri(app.BaseUrl).GetLeftPart(UriPartial.Authority));
        await page.GotoAsync(link.PathAndQuery);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("short");
        await page.GetByLabel("New password again").FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the new password" }).ClickAsync();
        (await page.GetByLabel("New password", new() { Exact = true }).GetAttributeAsync("aria-invalid")).ShouldBe("true");
        await app.ScreenshotAsync(page, "reset-error-390");

        const string newPassword = "Remembered-Pass-2027";
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync(newPassword);
        await page.GetByLabel("New password again").FillAsync(newPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the new password" }).ClickAsync();
        await page.GetByTestId("password-changed").WaitForAsync();

        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(oldPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        (await page.GetByTestId("form-errors").InnerTextAsync()).ShouldContain("email or password is not correct");
        await page.GetByLabel("Password").FillAsync(newPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/me", StringComparison.Ordinal));
    }

    /// <summary>A file opened and kept in the pages: unmatched in 2026, 3 months hands-on since, now in the 2027 season.</summary>
    private async Task<string> ReapplicantFileAsync(string name)
    {
        var advisor = await app.SignedInAsync(RunningApp.Advisor);
        var id = await OpenFileAsync(advisor, name);
        // The file page refreshes itself until the first list is there; forms are filled after that.
        await FirstListAsync(advisor, id);
        await advisor.GotoAsync($"/candidates/{id}");

        await StartSeasonAsync(advisor, 2026);
        var outcome = await OpenFormAsync(advisor, "Match outcome (2026)");
        await outcome.GetByLabel("Outcome").SelectOptionAsync("unmatched");
        await RecordAsync(advisor, outcome, "Record outcome", "outcome");
        var usce = await OpenFormAsync(advisor, "US clinical experience");
        await usce.GetByLabel("Kind").SelectOptionAsync("HandsOn");
        await usce.GetByLabel("Months").FillAsync("3");
        await usce.GetByLabel("Institution").FillAsync("Browser teaching hospital");
        await usce.GetByLabel("Specialty").SelectOptionAsync("internal_medicine");
        await RecordAsync(advisor, usce, "Add experience", "usce");
        await StartSeasonAsync(advisor, 2027);
        await advisor.Context.CloseAsync();
        return id;
    }

    private static async Task<string> OpenFileAsync(IPage advisor, string name)
    {
        await advisor.GotoAsync("/candidates/new");
        await advisor.GetByLabel("Full name").FillAsync(name);
        await advisor.GetByLabel("Email").FillAsync($"{Guid.NewGuid():N}@example.org");
        await advisor.GetByLabel("Country of medical school").FillAsync("Egypt");
        await advisor.GetByLabel("Year of graduation").FillAsync("2019");
        await advisor.GetByRole(AriaRole.Button, new() { Name = "Open file" }).ClickAsync();
        await advisor.WaitForURLAsync(new Regex("/candidates/[0-9a-f-]{36}$"));
        return new Uri(advisor.Url).AbsolutePath.Split('/').Last();
    }

    private static async Task FirstListAsync(IPage page, string id)
    {
        for (var i = 0; i < 60; i++)
        {
            await page.GotoAsync($"/candidates/{id}/list");
            if (await page.GetByTestId("list-pmatch").CountAsync() > 0) return;
            await Task.Delay(500);
        }
        throw new TimeoutException($"The first list of {id} did not appear.");
    }

    private static async Task StartSeasonAsync(IPage page, int season)
    {
        var form = await OpenFormAsync(page, "Start a Match season");
        await form.GetByLabel("Match year").FillAsync(season.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await RecordAsync(page, form, "Start season", "cycle");
    }

    private static async Task<ILocator> OpenFormAsync(IPage page, string summary)
    {
        var form = page.Locator("details.form", new() { Has = page.Locator("summary", new() { HasTextString = summary }) });
        await form.Locator("summary").ClickAsync();
        return form;
    }

    private static async Task RecordAsync(IPage page, ILocator form, string button, string recorded)
    {
        await form.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains($"recorded={recorded}", StringComparison.Ordinal));
        await page.GetByTestId("recorded").WaitForAsync();
    }

    private async Task<(string Email, string Password)> CandidateAccountAsync(string candidateId, string name)
    {
        var admin = await app.SignedInAsync(RunningApp.OrgAdmin);
        var email = $"reapplicant-{Guid.NewGuid():N}@example.org";
        var created = await admin.PostJsonAsync("/api/org/invitations",
            new Dictionary<string, object> { ["email"] = email, ["role"] = "candidate", ["candidate_id"] = candidateId });
        created.Status.ShouldBe(201, await created.TextAsync());
        var token = (await created.JsonAsync())!.Value.GetProperty("token").GetString();

        const string password = "Reapplicant-Pass-2027";
        var page = await app.NewPageAsync();
        await page.GotoAsync($"/invitations/{token}");
        await page.GetByLabel("Your name").FillAsync(name);
        await page.GetByLabel("Choose a password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/me", StringComparison.Ordinal));
        await page.Context.CloseAsync();
        return (email, password);
    }
}
