using System.Text.Json;
using Alba;
using Shouldly;
using SmartPick.Web.Tests.Infrastructure;
using SmartPick.Web.Tests.Pages;

namespace SmartPick.Web.Tests.Auth;

public sealed class SenderEmailTests(AppFixture app) : AppTest(app)
{
    private async Task<JsonElement> Put(TestUser admin, object body, int status = 200) =>
        await (await As(admin, x =>
        {
            x.Put.Json(body).ToUrl("/api/org/settings");
            x.StatusCodeShouldBe(status);
        })).ReadAsJsonAsync<JsonElement>();

    private async Task<JsonElement> Current(TestUser admin) =>
        await (await As(admin, x => x.Get.Url("/api/org"))).ReadAsJsonAsync<JsonElement>();

    [Fact]
    public async Task when_the_sender_email_is_sent_empty_it_is_cleared_and_when_it_is_left_out_it_is_kept()
    {
        var org = await App.CreateOrgAsync("snd");
        var admin = await App.OrgAdminAsync(org);
        (await Put(admin, new { sender_email = "advising@sender.test" })).GetProperty("sender_email").GetString().ShouldBe("advising@sender.test");

        (await Put(admin, new { sender_name = "Kept Sender" })).GetProperty("sender_email").GetString().ShouldBe("advising@sender.test");
        (await Current(admin)).GetProperty("sender_email").GetString().ShouldBe("advising@sender.test");

        (await Put(admin, new { sender_email = "" })).GetProperty("sender_email").ValueKind.ShouldBe(JsonValueKind.Null);
        var current = await Current(admin);
        current.GetProperty("sender_email").ValueKind.ShouldBe(JsonValueKind.Null);
        current.GetProperty("sender_name").GetString().ShouldBe("Kept Sender");

        // Blank is empty too; a later address sets it again.
        await Put(admin, new { sender_email = "again@sender.test" });
        (await Put(admin, new { sender_email = "   " })).GetProperty("sender_email").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task when_the_sender_email_is_not_an_address_it_is_refused_and_the_old_one_stays()
    {
        var org = await App.CreateOrgAsync("snd");
        var admin = await App.OrgAdminAsync(org);
        await Put(admin, new { sender_email = "advising@sender.test" });

        foreach (var bad in new[] { "not-an-address", new string('a', 250) + "@x.test" })
        {
            var problem = await Put(admin, new { sender_email = bad }, 400);
            problem.GetProperty("errors").GetProperty("sender_email")[0].GetString().ShouldBe("Sender email must be a valid address.");
        }
        (await Current(admin)).GetProperty("sender_email").GetString().ShouldBe("advising@sender.test");
    }

    [Theory]
    [InlineData("Advising <advising@sender.test>")]
    [InlineData("advising@sender.test, other@sender.test")]
    [InlineData("\"advising\"@sender.test")]
    [InlineData("advising@")]
    public async Task when_the_sender_email_is_not_one_bare_address_the_mailer_can_use_it_is_refused(string bad)
    {
        var org = await App.CreateOrgAsync("snd");
        var admin = await App.OrgAdminAsync(org);
        await Put(admin, new { sender_email = "advising@sender.test" });

        var problem = await Put(admin, new { sender_email = bad }, 400);
        problem.GetProperty("errors").TryGetProperty("sender_email", out _).ShouldBeTrue();
        (await Current(admin)).GetProperty("sender_email").GetString().ShouldBe("advising@sender.test");
    }

    [Fact]
    public async Task when_an_admin_empties_the_sender_email_on_the_agency_page_it_is_cleared()
    {
        var org = await App.CreateOrgAsync("snd");
        var admin = await App.OrgAdminAsync(org);
        await Put(admin, new { sender_email = "advising@sender.test" });
        (await App.PageAs(admin, "/org")).ShouldContain("value=\"advising@sender.test\"");

        var saved = await App.SubmitAs(admin, "/org", "/org?handler=Settings", new Dictionary<string, string>
        {
            ["name"] = $"Test agency {org.Slug}", ["time_zone"] = "America/New_York", ["sender_name"] = "Page Sender", ["sender_email"] = "",
        }, 200);

        (await saved.ReadAsTextAsync()).ShouldContain("Agency settings saved.");
        var current = await Current(admin);
        current.GetProperty("sender_email").ValueKind.ShouldBe(JsonValueKind.Null);
        current.GetProperty("sender_name").GetString().ShouldBe("Page Sender");
    }
}
