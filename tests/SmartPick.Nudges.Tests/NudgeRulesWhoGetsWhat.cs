using SmartPick.Nudges.Calendar;
using SmartPick.Nudges.Rules;
using static SmartPick.Nudges.Tests.Builders;

namespace SmartPick.Nudges.Tests;

public class NudgeRulesWhoGetsWhat
{
    private static IReadOnlyList<Nudge> Plan(params NudgeCandidate[] candidates) =>
        NudgeRules.Plan(Tenant, candidates, Seasons, NudgeSettings.Default);

    [Fact]
    public void an_unmatched_candidate_gets_reapplication_steps_12_4_and_1_week_before_eras_opens()
    {
        var nudges = Plan(UnmatchedIn(2025)).Where(n => n.Season == 2026).ToList();

        nudges.ShouldAllBe(n => n.Kind == NudgeKind.Reapplication && n.Milestone == Milestone.ErasOpens);
        nudges.Select(n => n.Key.OffsetDays).ShouldBe([84, 28, 7]);
        // ERAS opens June 4, 2025 at 9:00 EDT; each step is due at 9:00 New York time.
        nudges.Select(n => n.DueAt).ShouldBe([Utc(2025, 3, 12, 13), Utc(2025, 5, 7, 13), Utc(2025, 5, 28, 13)]);
    }

    [Fact]
    public void an_unmatched_candidate_who_sits_a_season_out_is_reminded_before_the_following_one()
    {
        var now = Utc(2026, 4, 1);

        var due = NudgeRules.DueAt(Tenant, [UnmatchedIn(2025)], Seasons, NudgeSettings.Default, now);

        due.Single().Key.ToString().ShouldBe($"nudge:acme:{CandidateId:N}:reapplication:2027:84d");
    }

    [Fact]
    public void a_candidate_with_interviews_and_no_certified_list_gets_rank_list_steps_14_7_and_2_days_before_the_deadline()
    {
        var nudges = Plan(InterviewingIn(2026));

        nudges.ShouldAllBe(n => n.Kind == NudgeKind.RankList && n.Season == 2026 && n.Milestone == Milestone.RankOrderListDeadline);
        nudges.Select(n => n.Key.OffsetDays).ShouldBe([14, 7, 2]);
        nudges.Select(n => n.DueAt).ShouldBe([Utc(2026, 2, 18, 14), Utc(2026, 2, 25, 14), Utc(2026, 3, 2, 14)]);
        nudges[0].InterviewPrograms.ShouldBe(["Mercy Hospital - Internal Medicine", "St. Luke's - Family Medicine"]);
    }

    [Fact]
    public void a_matched_candidate_gets_nothing()
    {
        Plan(Candidate(new NudgeCycle(2025, CycleOutcome.Matched, ["A"], true))).ShouldBeEmpty();
    }

    [Fact]
    public void a_candidate_who_started_the_next_season_gets_no_reapplication_nudge()
    {
        Plan(Candidate(new NudgeCycle(2026, null, [], false))).ShouldBeEmpty();
    }

    [Fact]
    public void a_certified_rank_list_stops_rank_list_nudges()
    {
        Plan(Candidate(new NudgeCycle(2026, null, ["Mercy Hospital"], RankListCertified: true))).ShouldBeEmpty();
    }

    [Fact]
    public void no_interviews_or_only_blank_program_names_mean_no_rank_list_nudge()
    {
        Plan(Candidate(new NudgeCycle(2026, null, [], false))).ShouldBeEmpty();
        Plan(Candidate(new NudgeCycle(2026, null, ["", "  "], false))).ShouldBeEmpty();
    }

    [Fact]
    public void an_opted_out_candidate_gets_nothing()
    {
        Plan(InterviewingIn(2026) with { OptedOut = true }).ShouldBeEmpty();
        Plan(UnmatchedIn(2025) with { OptedOut = true }).ShouldBeEmpty();
    }

    [Fact]
    public void a_candidate_without_an_email_address_gets_nothing()
    {
        Plan(InterviewingIn(2026) with { Email = " " }).ShouldBeEmpty();
    }

    [Fact]
    public void a_season_without_a_calendar_yields_no_rank_list_nudge()
    {
        NudgeRules.Plan(Tenant, [InterviewingIn(2026)], [Season2025, Season2027], NudgeSettings.Default).ShouldBeEmpty();
    }

    [Fact]
    public void offsets_come_from_the_organization_settings()
    {
        var settings = NudgeSettings.Default with { RankListOffsetDays = [10, 1] };

        NudgeRules.Plan(Tenant, [InterviewingIn(2026)], Seasons, settings).Select(n => n.Key.OffsetDays).ShouldBe([10, 1]);
    }

    [Fact]
    public void two_calendars_for_one_season_are_refused()
    {
        Should.Throw<ArgumentException>(() => NudgeRules.Plan(Tenant, [InterviewingIn(2026)], [Season2026, Season2026], NudgeSettings.Default));
    }

    [Fact]
    public void planning_is_deterministic_and_ordered_by_due_time()
    {
        var candidates = new[] { InterviewingIn(2026), UnmatchedIn(2025) with { CandidateId = Guid.Parse("00000000-0000-0000-0000-000000000001") } };

        var first = NudgeRules.Plan(Tenant, candidates, Seasons, NudgeSettings.Default);
        var second = NudgeRules.Plan(Tenant, candidates.Reverse(), Seasons.Reverse(), NudgeSettings.Default);

        second.Select(n => n.Key.ToString()).ShouldBe(first.Select(n => n.Key.ToString()));
        first.Select(n => n.DueAt).ShouldBe(first.Select(n => n.DueAt).Order());
    }
}

public class NudgeKeys
{
    [Fact]
    public void a_key_renders_as_a_stable_string_and_parses_back()
    {
        var key = new NudgeKey("acme", CandidateId, NudgeKind.RankList, 2026, 14);

        key.ToString().ShouldBe("nudge:acme:8f0c1f0e3a774b1e9d8a2f6a1c9b7e41:rank-list:2026:14d");
        NudgeKey.TryParse(key.ToString(), out var parsed).ShouldBeTrue();
        parsed.ShouldBe(key);
    }

    [Theory]
    [InlineData("nudge:acme:8f0c1f0e3a774b1e9d8a2f6a1c9b7e41:rank-list:2026:0d")]
    [InlineData("nudge:acme:8f0c1f0e3a774b1e9d8a2f6a1c9b7e41:other:2026:14d")]
    [InlineData("nudge:ac:me:8f0c1f0e3a774b1e9d8a2f6a1c9b7e41:rank-list:2026:14d")]
    [InlineData("nudge:acme:not-a-guid:rank-list:2026:14d")]
    [InlineData("nudge:acme:8f0c1f0e3a774b1e9d8a2f6a1c9b7e41:rank-list:2026:14")]
    [InlineData("")]
    public void malformed_keys_do_not_parse(string text)
    {
        NudgeKey.TryParse(text, out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData("ac me")]
    [InlineData("acme\r\nBcc: x@y")]
    [InlineData("a:b")]
    [InlineData("")]
    public void a_tenant_outside_the_safe_alphabet_is_refused(string tenant)
    {
        Should.Throw<ArgumentException>(() => new NudgeKey(tenant, CandidateId, NudgeKind.RankList, 2026, 14));
    }

    [Fact]
    public void the_message_id_depends_only_on_the_key()
    {
        var a = new NudgeKey("acme", CandidateId, NudgeKind.RankList, 2026, 14);
        var b = new NudgeKey("acme", CandidateId, NudgeKind.RankList, 2026, 7);

        a.MessageId("acme.example").ShouldBe(new NudgeKey("acme", CandidateId, NudgeKind.RankList, 2026, 14).MessageId("acme.example"));
        a.MessageId("acme.example").ShouldNotBe(b.MessageId("acme.example"));
        a.MessageId("acme.example").ShouldMatch("^nudge\\.[0-9a-f]{32}@acme\\.example$");
    }
}

public class NudgeSettingsValidation
{
    [Fact]
    public void the_defaults_are_valid()
    {
        NudgeSettingsValidator.Validate(NudgeSettings.Default).Any.ShouldBeFalse();
    }

    [Fact]
    public void zero_negative_or_repeated_offsets_are_refused()
    {
        NudgeSettingsValidator.Validate(NudgeSettings.Default with { RankListOffsetDays = [0] }).Any.ShouldBeTrue();
        NudgeSettingsValidator.Validate(NudgeSettings.Default with { RankListOffsetDays = [-3] }).Any.ShouldBeTrue();
        NudgeSettingsValidator.Validate(NudgeSettings.Default with { ReapplicationOffsetDays = [7, 7] }).Any.ShouldBeTrue();
    }

    [Fact]
    public void an_unknown_organization_zone_is_refused()
    {
        NudgeSettingsValidator.Validate(NudgeSettings.Default with { OrganizationTimeZone = "Eastern" }).Any.ShouldBeTrue();
    }
}
