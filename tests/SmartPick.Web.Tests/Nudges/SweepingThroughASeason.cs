using Shouldly;
using SmartPick.Nudges.Store;
using SmartPick.Web.Tests.Infrastructure;
using Wolverine.Tracking;

namespace SmartPick.Web.Tests.Nudges;

public sealed class SweepingThroughASeason(AppFixture app) : NudgeTest(app)
{
    [Fact]
    public async Task when_the_clock_moves_through_a_season_each_due_nudge_goes_once_to_the_right_candidate_and_shows_in_the_timeline()
    {
        var reapplicant = await CandidateAsync("Rhea Unmatched", Started(2026), Unmatched(2026));
        var interviewing = await CandidateAsync("Ian Interviewing", Started(2027), Interview(2027, "IM-100"), Interview(2027, "IM-200"));
        await CandidateAsync("Mia Matched", Started(2026), Matched(2026));
        await CandidateAsync("Carl Certified", Started(2027), Interview(2027, "IM-300"), Certified(2027));
        await CandidateAsync("Nina NoInterviews", Started(2027));

        // ERAS opens June 2, 2026 for the 2027 Match: steps 84, 28 and 7 days before, at 9:00 New York time.
        var spring = await SweepDailyAsync(new DateOnly(2026, 3, 1), new DateOnly(2026, 6, 3));
        // The 2027 rank order list deadline is March 3, 2027: steps 14, 7 and 2 days before.
        var winter = await SweepDailyAsync(new DateOnly(2027, 2, 1), new DateOnly(2027, 3, 4));

        spring.ShouldBe([Key(reapplicant, "reapplication", 2027, 84), Key(reapplicant, "reapplication", 2027, 28), Key(reapplicant, "reapplication", 2027, 7)]);
        winter.ShouldBe([Key(interviewing, "rank-list", 2027, 14), Key(interviewing, "rank-list", 2027, 7), Key(interviewing, "rank-list", 2027, 2)]);

        Smtp.Messages.Count.ShouldBe(6);
        Smtp.To(EmailOf("Rhea Unmatched")).Select(KeyHeader).ShouldBe(spring);
        Smtp.To(EmailOf("Ian Interviewing")).Select(KeyHeader).ShouldBe(winter);
        var rankList = Smtp.To(EmailOf("Ian Interviewing"))[0];
        (rankList.Subject ?? "").ShouldContain("Certify your rank order list");
        (rankList.TextBody ?? "").ShouldContain("IM-100");
        rankList.Headers["List-Unsubscribe-Post"].ShouldBe("List-Unsubscribe=One-Click");

        var reapplicantTimeline = await TimelineNudgesAsync(reapplicant);
        reapplicantTimeline.Count.ShouldBe(3);
        (await TimelineNudgesAsync(interviewing)).Count.ShouldBe(3);
        (await DeliveryAsync(spring[0]))!.State.ShouldBe(DeliveryState.Sent);
    }

    [Fact]
    public async Task when_a_sweep_runs_twice_at_the_same_instant_the_second_sends_nothing()
    {
        var candidate = await CandidateAsync("Dora Double", Started(2027), Interview(2027, "FM-1"));
        var at = new DateTimeOffset(2027, 2, 18, 15, 0, 0, TimeSpan.Zero);

        var first = await SweepAsync(at);
        var second = await SweepAsync(at);

        first.Sent.ShouldBe([Key(candidate, "rank-list", 2027, 14)]);
        second.Sent.ShouldBeEmpty();
        second.SkippedDelivered.ShouldBe(first.Sent);
        Smtp.Messages.Count.ShouldBe(1);
        (await TimelineNudgesAsync(candidate)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task when_two_sweeps_of_one_organization_run_at_once_each_nudge_is_sent_once()
    {
        var candidates = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            candidates.Add(await CandidateAsync($"Concurrent {i}", Started(2027), Interview(2027, $"IM-{i}")));
        }

        // Slow DATA phases keep both sweeps in the middle of sending at the same time.
        Smtp.DataDelay = TimeSpan.FromMilliseconds(150);
        var at = new DateTimeOffset(2027, 2, 25, 15, 0, 0, TimeSpan.Zero);

        var reports = await Task.WhenAll(SweepAsync(at), SweepAsync(at), SweepAsync(at));

        var sent = reports.SelectMany(r => r.Sent).ToList();
        sent.Count.ShouldBe(6);
        sent.Distinct().Count().ShouldBe(6);
        Smtp.Messages.Count.ShouldBe(6);
        Smtp.Messages.Select(KeyHeader).Distinct().Count().ShouldBe(6);
        reports.Sum(r => r.SkippedClaimedElsewhere.Count + r.SkippedDelivered.Count).ShouldBe(12);
        foreach (var candidate in candidates)
        {
            (await TimelineNudgesAsync(candidate)).Count.ShouldBe(1);
        }
    }

    [Fact]
    public async Task when_a_worker_died_after_claiming_a_nudge_the_next_sweep_sends_it_once_and_flags_a_possible_duplicate()
    {
        var dead = await CandidateAsync("Stale Claim", Started(2027), Interview(2027, "IM-1"));
        var busy = await CandidateAsync("Fresh Claim", Started(2027), Interview(2027, "IM-2"));
        var at = new DateTimeOffset(2027, 2, 18, 15, 0, 0, TimeSpan.Zero);
        var deadKey = Key(dead, "rank-list", 2027, 14);
        var busyKey = Key(busy, "rank-list", 2027, 14);
        await using (var session = App.Session(Org))
        {
            // One claim an hour old (its worker is gone), one claimed a moment ago (its worker is still sending).
            session.Insert(new NudgeDelivery { Id = deadKey, CandidateId = dead, State = DeliveryState.Claimed, ClaimedAt = DateTimeOffset.UtcNow.AddHours(-1), Claims = 1, ClaimedBy = "gone:1" });
            session.Insert(new NudgeDelivery { Id = busyKey, CandidateId = busy, State = DeliveryState.Claimed, ClaimedAt = DateTimeOffset.UtcNow, Claims = 1, ClaimedBy = "alive:2" });
            await session.SaveChangesAsync();
        }

        var first = await SweepAsync(at);
        var second = await SweepAsync(at);

        first.Sent.ShouldBe([deadKey]);
        first.PossibleDuplicates.ShouldBe([deadKey]);
        first.SkippedClaimedElsewhere.ShouldBe([busyKey]);
        second.Sent.ShouldBeEmpty();
        Smtp.Messages.Select(KeyHeader).ShouldBe([deadKey]);
        var delivery = (await DeliveryAsync(deadKey))!;
        delivery.State.ShouldBe(DeliveryState.Sent);
        delivery.Claims.ShouldBe(2);
        delivery.PossibleDuplicate.ShouldBeTrue();
    }

    [Fact]
    public async Task when_the_sweep_message_goes_through_wolverine_the_tenant_of_the_envelope_is_swept()
    {
        await CandidateAsync("Wolverine Path", Started(2027), Interview(2027, "IM-9"));
        var message = new SmartPick.Nudges.Sweeps.SweepNudges(Org.Slug, new DateTimeOffset(2027, 3, 2, 15, 0, 0, TimeSpan.Zero));

        await Host.InvokeMessageAndWaitAsync(message, Org.Slug, 30_000);

        Smtp.Messages.Select(KeyHeader).ShouldHaveSingleItem().ShouldEndWith(":rank-list:2027:2d");
    }

    private string Key(Guid candidate, string kind, int season, int offset) => $"nudge:{Org.Slug}:{candidate:N}:{kind}:{season}:{offset}d";
}
