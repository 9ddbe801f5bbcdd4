using System.Text.Json;
using System.Text.RegularExpressions;
using Alba;
using Shouldly;
using SmartPick.Contracts;
using SmartPick.Web.Tests.Infrastructure;

namespace SmartPick.Web.Tests.Pages;

public sealed class AgencyPages(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task when_an_org_admin_opens_the_agency_page_the_settings_members_and_nudge_schedule_show()
    {
        var org = await App.CreateOrgAsync("ag");
        var admin = await App.CreateUserAsync(org, SmartPickRoles.OrgAdmin, name: "Ada Agency");
        var advisor = await App.AdvisorAsync(org);

        var html = await App.PageAs(admin, "/org");

        html.ShouldContain($"value=\"Test agency {org.Slug}\"");
        html.ShouldContain("value=\"America/New_York\"");
        html.ShouldContain("<label for=\"f-sender-email\">Sender email</label>");
        html.ShouldContain("value=\"84, 28, 7\"");
        html.ShouldContain("value=\"14, 7, 2\"");
        var members = PageForms.Text(Regex.Match(html, "<table [^>]*data-testid=\"members\">.*?</table>", RegexOptions.Singleline).Value);
        members.ShouldContain($"Ada Agency {admin.Email} Agency admin");
        members.ShouldContain($"{advisor.Email} Advisor");
        members.ShouldContain("2 members");
    }

    [Fact]
    public async Task when_an_advisor_or_a_candidate_asks_for_the_agency_pages_they_are_refused()
    {
        var org = await App.CreateOrgAsync("ag");
        var advisor = await App.AdvisorAsync(org);
        var candidate = await App.CreateUserAsync(org, SmartPickRoles.Candidate, Guid.NewGuid());
        foreach (var user in new[] { advisor, candidate })
        {
            await As(user, x => { x.Get.Url("/org"); x.StatusCodeShouldBe(403); });
            await As(user, x => { x.Get.Url("/org/calendar"); x.StatusCodeShouldBe(403); });
            await As(user, x => { x.Get.Url("/org/seasons"); x.StatusCodeShouldBe(403); });
        }
    }

    [Fact]
    public async Task when_the_settings_have_no_name_and_an_unknown_time_zone_each_field_says_why_and_nothing_changes()
    {
        var org = await App.CreateOrgAsync("ag");
        var admin = await App.OrgAdminAsync(org);

        var result = await App.SubmitAs(admin, "/org", "/org?handler=Settings", new Dictionary<string, string>
        {
            ["name"] = "  ", ["time_zone"] = "Mars/Olympus_Mons", ["sender_name"] = "Agency mail", ["sender_email"] = "not-an-address",
        }, 400);

        var html = System.Net.WebUtility.HtmlDecode(await result.ReadAsTextAsync());
        html.ShouldContain("id=\"f-name-error\">Name is 1–200 characters.");
        html.ShouldContain("id=\"f-time-zone-error\">Time zone must be an IANA id such as America/New_York.");
        html.ShouldContain("id=\"f-sender-email-error\">Sender email must be a valid address.");
        var current = await (await As(admin, x => x.Get.Url("/api/org"))).ReadAsJsonAsync<JsonElement>();
        current.GetProperty("time_zone").GetString().ShouldBe("America/New_York");
        current.GetProperty("sender_name").GetString().ShouldBe($"Test agency {org.Slug}");
    }

    [Fact]
    public async Task when_an_admin_saves_the_sender_and_time_zone_the_api_reads_them_back()
    {
        var org = await App.CreateOrgAsync("ag");
        var admin = await App.OrgAdminAsync(org);

        var result = await App.SubmitAs(admin, "/org", "/org?handler=Settings", new Dictionary<string, string>
        {
            ["name"] = "Renamed Agency", ["time_zone"] = "Europe/Berlin", ["sender_name"] = "Renamed Advising", ["sender_email"] = "advising@renamed.test",
        }, 200);

        (await result.ReadAsTextAsync()).ShouldContain("Agency settings saved.");
        var current = await (await As(admin, x => x.Get.Url("/api/org"))).ReadAsJsonAsync<JsonElement>();
        current.GetProperty("name").GetString().ShouldBe("Renamed Agency");
        current.GetProperty("time_zone").GetString().ShouldBe("Europe/Berlin");
        current.GetProperty("sender_name").GetString().ShouldBe("Renamed Advising");
        current.GetProperty("sender_email").GetString().ShouldBe("advising@renamed.test");
    }

    [Fact]
    public async Task when_the_nudge_schedule_has_a_bad_time_and_unreadable_offsets_the_fields_say_why()
    {
        var org = await App.CreateOrgAsync("ag");
        var admin = await App.OrgAdminAsync(org);

        var unreadable = await App.SubmitAs(admin, "/org", "/org?handler=Nudges", new Dictionary<string, string>
        {
            ["reapplication_offset_days"] = "ninety", ["rank_list_offset_days"] = "14, 7", ["send_at_local_time"] = "09:00", ["sweep_lookback_hours"] = "",
        }, 400);
        (await unreadable.ReadAsTextAsync()).ShouldContain("id=\"f-reapplication-offset-days-error\">Reapplication nudges: write whole numbers of days");

        var badTime = await App.SubmitAs(admin, "/org", "/org?handler=Nudges", new Dictionary<string, string>
        {
            ["reapplication_offset_days"] = "90, 30", ["rank_list_offset_days"] = "14, 7", ["send_at_local_time"] = "25:99", ["sweep_lookback_hours"] = "",
        }, 400);
        (await badTime.ReadAsTextAsync()).ShouldContain("id=\"f-send-at-local-time-error\">Send at local time must be a time of day as HH:mm.");

        var negative = await App.SubmitAs(admin, "/org", "/org?handler=Nudges", new Dictionary<string, string>
        {
            ["reapplication_offset_days"] = "90, -3", ["rank_list_offset_days"] = "14, 7", ["send_at_local_time"] = "09:00", ["sweep_lookback_hours"] = "",
        }, 400);
        (await negative.ReadAsTextAsync()).ShouldContain("id=\"f-reapplication-offset-days-error\"");

        var stored = await (await As(admin, x => x.Get.Url("/api/org/nudges/settings"))).ReadAsJsonAsync<JsonElement>();
        stored.GetProperty("reapplication_offset_days").EnumerateArray().Select(e => e.GetInt32()).ShouldBe([84, 28, 7]);
    }

    [Fact]
    public async Task when_an_admin_saves_the_nudge_schedule_the_api_reads_it_back()
    {
        var org = await App.CreateOrgAsync("ag");
        var admin = await App.OrgAdminAsync(org);

        await App.SubmitAs(admin, "/org", "/org?handler=Nudges", new Dictionary<string, string>
        {
            ["reapplication_offset_days"] = "60, 21", ["rank_list_offset_days"] = "10, 3", ["send_at_local_time"] = "08:30", ["sweep_lookback_hours"] = "48",
        }, 200);

        var stored = await (await As(admin, x => x.Get.Url("/api/org/nudges/settings"))).ReadAsJsonAsync<JsonElement>();
        stored.GetProperty("reapplication_offset_days").EnumerateArray().Select(e => e.GetInt32()).ShouldBe([60, 21]);
        stored.GetProperty("rank_list_offset_days").EnumerateArray().Select(e => e.GetInt32()).ShouldBe([10, 3]);
        stored.GetProperty("send_at_local_time").GetString().ShouldBe("08:30");
        stored.GetProperty("sweep_lookback_hours").GetInt32().ShouldBe(48);
    }

    [Fact]
    public async Task when_an_admin_invites_an_advisor_the_link_is_shown_once_and_the_invitation_waits_in_the_list()
    {
        var org = await App.CreateOrgAsync("ag");
        var admin = await App.OrgAdminAsync(org);
        var email = $"new-advisor-{Guid.NewGuid():N}@example.org";

        var created = await App.SubmitAs(admin, "/org", "/org?handler=Invite", new Dictionary<string, string>
        {
            ["email"] = email, ["role"] = SmartPickRoles.Advisor, ["candidate_id"] = "",
        }, 200);

        var html = await created.ReadAsTextAsync();
        var url = Regex.Match(html, "value=\"(https?://[^\"]+/invitations/[A-Za-z0-9_-]+)\"").Groups[1].Value;
        url.ShouldNotBeEmpty();
        var token = url.Split('/').Last();
        var preview = await Host.Scenario(x => { x.Get.Url($"/api/auth/invitations/{token}"); x.StatusCodeShouldBe(200); });
        (await preview.ReadAsJsonAsync<JsonElement>()).GetProperty("role").GetString().ShouldBe(SmartPickRoles.Advisor);

        var again = await App.PageAs(admin, "/org");
        again.ShouldNotContain(token);
        PageForms.Text(Regex.Match(again, "<table data-testid=\"pending-invitations\">.*?</table>", RegexOptions.Singleline).Value)
            .ShouldContain($"{email} Advisor");
    }

    [Fact]
    public async Task when_an_invitation_has_a_bad_email_or_a_candidate_without_a_file_the_fields_say_why()
    {
        var org = await App.CreateOrgAsync("ag");
        var admin = await App.OrgAdminAsync(org);

        var result = await App.SubmitAs(admin, "/org", "/org?handler=Invite", new Dictionary<string, string>
        {
            ["email"] = "nobody at example", ["role"] = SmartPickRoles.Candidate, ["candidate_id"] = "",
        }, 400);

        var html = await result.ReadAsTextAsync();
        html.ShouldContain("id=\"f-email-error\">A valid email address (at most 254 characters) is required.");
        html.ShouldContain("id=\"f-candidate-id-error\">A candidate invitation names the candidate file it opens.");
        var list = await (await As(admin, x => x.Get.Url("/api/org/invitations"))).ReadAsJsonAsync<JsonElement>();
        list.GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task when_an_admin_revokes_an_invitation_its_link_stops_working()
    {
        var org = await App.CreateOrgAsync("ag");
        var admin = await App.OrgAdminAsync(org);
        var invitation = await InviteAsync(admin, $"revoke-{Guid.NewGuid():N}@example.org");

        var result = await App.SubmitAs(admin, "/org", $"/org?handler=Revoke&id={invitation.Id}", new Dictionary<string, string>(), 200);

        (await result.ReadAsTextAsync()).ShouldContain("Invitation revoked");
        await Host.Scenario(x => { x.Get.Url($"/api/auth/invitations/{invitation.Token}"); x.StatusCodeShouldBe(404); });
    }

    [Fact]
    public async Task when_an_admin_revokes_another_organizations_invitation_it_is_not_found_and_stays_open()
    {
        var orgA = await App.CreateOrgAsync("aga");
        var orgB = await App.CreateOrgAsync("agb");
        var adminA = await App.OrgAdminAsync(orgA);
        var adminB = await App.OrgAdminAsync(orgB);
        var theirs = await InviteAsync(adminB, $"theirs-{Guid.NewGuid():N}@example.org");

        await App.SubmitAs(adminA, "/org", $"/org?handler=Revoke&id={theirs.Id}", new Dictionary<string, string>(), 404);

        (await App.PageAs(adminA, "/org")).ShouldNotContain(theirs.Email);
        await Host.Scenario(x => { x.Get.Url($"/api/auth/invitations/{theirs.Token}"); x.StatusCodeShouldBe(200); });
    }

    private async Task<(string Id, string Token, string Email)> InviteAsync(TestUser admin, string email)
    {
        var created = await As(admin, x =>
        {
            x.Post.Json(new { email, role = SmartPickRoles.Advisor }).ToUrl("/api/org/invitations");
            x.StatusCodeShouldBe(201);
        });
        var json = await created.ReadAsJsonAsync<JsonElement>();
        return (json.GetProperty("id").GetString()!, json.GetProperty("token").GetString()!, email);
    }
}
