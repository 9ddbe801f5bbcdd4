using System.Text.Json;
using Shouldly;
using SmartPick.Nudges.Store;
using SmartPick.Web.Tests.Infrastructure;

namespace SmartPick.Web.Tests.Nudges;

public sealed class OptOutAndSuppression(AppFixture app) : NudgeTest(app)
{
    private static readonly DateTimeOffset FourteenDaysBefore = new(2027, 2, 18, 15, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset SevenDaysBefore = new(2027, 2, 25, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task when_a_candidate_turns_rank_list_nudges_off_no_rank_list_nudge_is_sent()
    {
        var candidate = await CandidateAsync("Olga OptOut", Started(2027), Interview(2027, "IM-1"));
        var user = await CandidateUserAsync(candidate);

        var changed = await As(user, x => x.Put.Json(new { rank_list = false }).ToUrl("/api/me/nudges"));
        var answer = await changed.ReadAsJsonAsync<JsonElement>();
        var report = await SweepAsync(FourteenDaysBefore);

        answer.GetProperty("rank_list").GetBoolean().ShouldBeFalse();
        answer.GetProperty("reapplication").GetBoolean().ShouldBeTrue();
        report.Sent.ShouldBeEmpty();
        report.SkippedOptedOut.ShouldHaveSingleItem();
        Smtp.Messages.ShouldBeEmpty();
    }

    [Fact]
    public async Task when_a_candidate_turns_nudges_back_on_the_next_step_is_sent_and_listed_in_their_settings()
    {
        var candidate = await CandidateAsync("Otto OnAgain", Started(2027), Interview(2027, "IM-1"));
        var user = await CandidateUserAsync(candidate);
        await As(user, x => x.Put.Json(new { rank_list = false }).ToUrl("/api/me/nudges"));
        await SweepAsync(FourteenDaysBefore);

        await As(user, x => x.Put.Json(new { rank_list = true }).ToUrl("/api/me/nudges"));
        var report = await SweepAsync(SevenDaysBefore);
        var settings = await (await As(user, x => x.Get.Url("/api/me/nudges"))).ReadAsJsonAsync<JsonElement>();

        report.Sent.ShouldHaveSingleItem().ShouldEndWith(":rank-list:2027:7d");
        settings.GetProperty("sent").GetArrayLength().ShouldBe(1);
        settings.GetProperty("sent")[0].GetProperty("offset_days").GetInt32().ShouldBe(7);
    }

    [Fact]
    public async Task when_mail_cannot_go_out_the_org_admin_sees_each_failure_and_why()
    {
        var candidate = await CandidateAsync("Fay Failing", Started(2027), Interview(2027, "IM-1"));
        Smtp.RefusedRecipients[EmailOf("Fay Failing")] = true;
        var admin = await App.OrgAdminAsync(Org);
        var before = await (await As(admin, x => x.Get.Url("/api/org/nudges/failures"))).ReadAsJsonAsync<JsonElement>();

        var report = await SweepAsync(FourteenDaysBefore);

        before.GetArrayLength().ShouldBe(0);
        report.Suppressed.ShouldHaveSingleItem();
        var failures = await (await As(admin, x => x.Get.Url("/api/org/nudges/failures"))).ReadAsJsonAsync<JsonElement>();
        var failure = failures.EnumerateArray().ShouldHaveSingleItem();
        failure.GetProperty("candidate_id").GetGuid().ShouldBe(candidate);
        failure.GetProperty("email").GetString().ShouldBe(EmailOf("Fay Failing"));
        failure.GetProperty("state").GetString().ShouldBe("suppressed");
        failure.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
        await As(await App.AdvisorAsync(Org), x => { x.Get.Url("/api/org/nudges/failures"); x.StatusCodeShouldBe(403); });
    }

    [Fact]
    public async Task when_the_server_refuses_the_recipient_for_good_the_address_is_suppressed_and_never_tried_again()
    {
        var candidate = await CandidateAsync("Bo Bounce", Started(2027), Interview(2027, "IM-1"));
        Smtp.RefusedRecipients[EmailOf("Bo Bounce")] = true;

        var first = await SweepAsync(FourteenDaysBefore);
        var askedAfterFirst = Smtp.RecipientCommands;
        var later = await SweepAsync(SevenDaysBefore);

        first.Suppressed.ShouldHaveSingleItem();
        (await DeliveryAsync(first.Suppressed[0]))!.State.ShouldBe(DeliveryState.Suppressed);
        askedAfterFirst.ShouldBe(1);
        later.Sent.ShouldBeEmpty();
        later.SkippedSuppressedAddress.ShouldHaveSingleItem();
        Smtp.RecipientCommands.ShouldBe(1);
        Smtp.Messages.ShouldBeEmpty();
        (await TimelineNudgesAsync(candidate)).ShouldBeEmpty();
        await using var session = App.Session(Org);
        (await session.LoadAsync<SuppressedAddress>(EmailOf("Bo Bounce")))!.SmtpStatusCode.ShouldBe(550);
    }

    [Fact]
    public async Task when_the_server_says_try_later_the_sweep_retries_and_delivers_once()
    {
        await CandidateAsync("Tess Temporary", Started(2027), Interview(2027, "IM-1"));
        Smtp.TemporaryFailuresToGive = 1;

        var report = await SweepAsync(FourteenDaysBefore);

        report.Sent.ShouldHaveSingleItem();
        Smtp.Messages.Count.ShouldBe(1);
        Smtp.RecipientCommands.ShouldBe(2);
        (await DeliveryAsync(report.Sent[0]))!.Attempts.ShouldBe(2);
    }
}
