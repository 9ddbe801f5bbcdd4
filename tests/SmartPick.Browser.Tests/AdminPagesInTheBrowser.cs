using Xunit;
using Microsoft.Playwright;
using Shouldly;

namespace SmartPick.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class AdminPagesInTheBrowser(RunningApp app)
{
    [BrowserFact]
    public async Task when_an_admin_invites_an_advisor_the_advisor_accepts_through_the_link_and_signs_in()
    {
        var admin = await app.SignedInAsync(RunningApp.OrgAdmin);
        await admin.GotoAsync("/org");
        var email = $"advisor-{Guid.NewGuid():N}@example.org";
        await admin.GetByLabel("Email to invite").FillAsync(email);
        await admin.GetByLabel("Role", new() { Exact = true }).SelectOptionAsync("advisor");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        (await admin.GetByTestId("invitation-emailed").InnerTextAsync()).ShouldContain(email);
        var shown = await admin.GetByTestId("invitation-url").InputValueAsync();
        shown.ShouldStartWith(app.BaseUrl + "/invitations/");
        // The invited person follows the link in the email they received (text and HTML), which is the one shown.
        var mail = await RunningApp.PickedUpMailAsync(email, "invitation");
        var link = System.Text.RegularExpressions.Regex.Match(mail.TextBody ?? "", @"https?://\S+/invitations/\S+").Value;
        link.ShouldBe(shown);
        mail.HtmlBody!.ShouldContain(link);
        (await admin.GetByTestId("pending-invitations").InnerTextAsync()).ShouldContain(email);
        await app.ScreenshotAsync(admin, "org");

        var invited = await app.NewPageAsync(width: 360);
        await invited.GotoAsync(link);
        await invited.GetByLabel("Your name").FillAsync("Ines Invited");
        await invited.GetByLabel("Choose a password").FillAsync("Advisor-Pass-2026");
        await invited.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();
        await invited.WaitForURLAsync(url => url.EndsWith("/cohort", StringComparison.Ordinal));

        var again = await app.NewPageAsync();
        await again.GotoAsync("/signin");
        await again.GetByLabel("Email").FillAsync(email);
        await again.GetByLabel("Password").FillAsync("Advisor-Pass-2026");
        await again.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await again.WaitForURLAsync(url => url.EndsWith("/cohort", StringComparison.Ordinal));
        (await again.GetByTestId("role").InnerTextAsync()).ShouldBe("Advisor");
        // The new advisor is a member now, and the link worked once.
        await admin.GotoAsync("/org");
        (await admin.GetByTestId("members").InnerTextAsync()).ShouldContain(email);
        var reused = await invited.GotoAsync(link);
        reused!.Status.ShouldBe(410);

        var phone = await app.SignedInAsync(RunningApp.OrgAdmin, width: 360);
        await phone.GotoAsync("/org");
        await app.ScreenshotAsync(phone, "org-360");
    }

    [BrowserFact]
    public async Task when_an_admin_edits_a_program_the_program_page_shows_the_change_in_its_history()
    {
        var page = await app.SignedInAsync(RunningApp.OrgAdmin);
        await page.GotoAsync("/catalog");
        await page.GetByTestId("program-link").First.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/catalog/programs/", StringComparison.Ordinal));
        var programUrl = new Uri(page.Url).AbsolutePath;

        await page.GetByRole(AriaRole.Link, new() { Name = "Edit program" }).ClickAsync();
        var stamp = "Checked by phone " + Guid.NewGuid().ToString("N")[..6];
        await page.GetByLabel("Notes").FillAsync(stamp);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save program" }).ClickAsync();
        await page.GetByTestId("saved").WaitForAsync();
        page.Url.ShouldContain(programUrl + "?saved=");
        (await page.GetByTestId("program").InnerTextAsync()).ShouldContain(stamp);
        var history = await page.GetByTestId("history").InnerTextAsync();
        history.ShouldContain("from the catalog editor");
        history.ShouldContain(stamp);
        history.ShouldContain("Notes:");
        await app.ScreenshotAsync(page, "program");
    }

    [BrowserFact]
    public async Task on_a_phone_the_catalog_is_a_stack_of_program_cards_that_still_sorts()
    {
        var phone = await app.SignedInAsync(RunningApp.OrgAdmin, width: 360);
        await phone.GotoAsync("/catalog");
        var card = phone.GetByTestId("catalog-table").Locator("tbody tr").First;
        (await card.EvaluateAsync<string>("r => getComputedStyle(r).display")).ShouldBe("block");
        var box = (await card.BoundingBoxAsync())!;
        (box.X + box.Width).ShouldBeLessThanOrEqualTo(360);
        (await card.Locator("td[data-label='Interview rate']").IsVisibleAsync()).ShouldBeTrue();

        // The column headers that sort are a row of links above the cards.
        await phone.GetByRole(AriaRole.Link, new() { Name = "IMG share" }).ClickAsync();
        await phone.WaitForURLAsync(url => url.Contains("sort=img_share", StringComparison.Ordinal));
        var shares = await phone.GetByTestId("catalog-table").Locator("td[data-label='IMG share']").AllInnerTextsAsync();
        var values = shares.Where(v => v.EndsWith('%')).Select(v => int.Parse(v.TrimEnd('%'), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        values.Count.ShouldBeGreaterThan(5);
        values.ShouldBe(values.OrderByDescending(v => v).ToList());
        (await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(360);
        await app.ScreenshotAsync(phone, "catalog-cards-360");
    }

    [BrowserFact]
    public async Task when_an_admin_moves_a_deadline_with_a_bad_order_the_field_says_why_and_the_preview_shows()
    {
        var page = await app.SignedInAsync(RunningApp.OrgAdmin);
        await page.GotoAsync("/org/calendar?season=2027&from=2027-01-15&to=2027-03-15");
        (await page.GetByTestId("calendar").InnerTextAsync()).ShouldContain("Match Day");
        (await page.GetByTestId("preview-count").CountAsync() + await page.GetByTestId("preview-empty").CountAsync()).ShouldBe(1);
        await app.ScreenshotAsync(page, "org-calendar");

        var edit = page.GetByTestId("calendar-edit");
        await edit.Locator("summary").ClickAsync();
        await edit.GetByLabel("Match Day", new() { Exact = true }).FillAsync("2027-01-10T12:00");
        await edit.GetByRole(AriaRole.Button, new() { Name = "Save the 2027 calendar" }).ClickAsync();
        (await page.Locator("#f-match-day-at").GetAttributeAsync("aria-invalid")).ShouldBe("true");
        (await page.Locator("#f-match-day-at-error").InnerTextAsync()).ShouldContain("Match Day must");

        var phone = await app.SignedInAsync(RunningApp.OrgAdmin, width: 360);
        await phone.GotoAsync("/org/calendar?season=2027&from=2027-01-15&to=2027-03-15");
        await app.ScreenshotAsync(phone, "org-calendar-360");
    }
}
