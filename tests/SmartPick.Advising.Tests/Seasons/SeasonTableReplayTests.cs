using SmartPick.Matching.Model;
using SmartPick.Contracts;
using Shouldly;
using SmartPick.Advising.CandidateFiles;
using SmartPick.Advising.Seasons;
using SmartPick.Matching.Strategy;
using Xunit;

namespace SmartPick.Advising.Tests.Seasons;

/// <summary>A season's state and the organization's table rebuilt from events, and the decisions, without a database.</summary>
public class SeasonTableReplayTests
{
    private static readonly RecordedBy Admin = new("admin-1", "Agency admin");
    private static readonly DateTimeOffset At = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Season2026 = SeasonStreams.IdOf(2026);

    private static SeasonFactsValues Published2026(decimal token) =>
        SeasonFactsValues.Of(SeasonFactsTable.For(2026)) with { Fees = SeasonFactsValues.Of(SeasonFactsTable.For(2026)).Fees with { Token = token } };

    [Fact]
    public void a_season_stream_has_a_fixed_readable_id_per_season()
    {
        SeasonStreams.IdOf(2026).ToString().ShouldBe("5ea50000-0000-0000-0000-000000002026");
        SeasonStreams.IdOf(2027).ShouldNotBe(SeasonStreams.IdOf(2026));
    }

    [Fact]
    public void the_last_recorded_facts_are_the_seasons_until_a_reset_brings_the_defaults_back()
    {
        var edited = Replay.Aggregate<OrganizationSeason>(
            new SeasonFactsRecorded(Season2026, 2026, Published2026(170m), Admin, At),
            new SeasonFactsRecorded(Season2026, 2026, Published2026(180m), Admin, At.AddDays(1)));

        edited.Edited.ShouldBeTrue();
        edited.Facts!.Fees.Token.ShouldBe(180m);
        edited.ChangedAt.ShouldBe(At.AddDays(1));
        var table = OrganizationSeasons.TableOf([edited]);
        SeasonFactsTable.For(2026, table).Fees.Token.ShouldBe(180m);
        SeasonFactsTable.For(2030, table).Fees.Token.ShouldBe(180m);
        SeasonFactsTable.For(2024, table).Fees.ErasBands[0].Flat.ShouldBeTrue();

        var reset = Replay.Aggregate<OrganizationSeason>(
            new SeasonFactsRecorded(Season2026, 2026, Published2026(170m), Admin, At),
            new SeasonFactsReset(Season2026, 2026, Admin, At.AddDays(2)));

        reset.Edited.ShouldBeFalse();
        reset.Facts.ShouldBeNull();
        OrganizationSeasons.TableOf([reset]).ShouldBeSameAs(SeasonFactsTable.Defaults);
    }

    [Fact]
    public void a_season_the_defaults_do_not_have_joins_the_table_in_order()
    {
        var added = Replay.Aggregate<OrganizationSeason>(
            new SeasonFactsRecorded(SeasonStreams.IdOf(2025), 2025, Published2026(150m) with { MaxRegions = 0 }, Admin, At));

        var table = OrganizationSeasons.TableOf([added]);

        table.Select(f => f.Season).ShouldBe([2024, 2025, 2026]);
        SeasonFactsTable.For(2025, table).MaxRegions.ShouldBe(0);
        SeasonFactsTable.For(2026, table).Fees.Token.ShouldBe(165m);
    }

    [Fact]
    public void recording_the_same_facts_again_or_resetting_a_default_season_decides_nothing()
    {
        var stamp = new Stamp(Admin, At);
        var current = Replay.Aggregate<OrganizationSeason>(new SeasonFactsRecorded(Season2026, 2026, Published2026(170m), Admin, At));

        RecordSeasonFacts.Decide(2026, current, Published2026(170m), stamp).ShouldBeEmpty();
        RecordSeasonFacts.Decide(2026, current, Published2026(171m), stamp).Single().ShouldBeOfType<SeasonFactsRecorded>();
        RecordSeasonFacts.Decide(2026, null, Published2026(170m), stamp).Single().ShouldBeOfType<SeasonFactsRecorded>();
        ResetSeasonFacts.Decide(2026, null, stamp).ShouldBeEmpty();
        ResetSeasonFacts.Decide(2026, current, stamp).Single().ShouldBeOfType<SeasonFactsReset>().ResetBy.ShouldBe(Admin);
    }

    [Fact]
    public void the_facts_reach_the_engine_field_for_field()
    {
        var published = SeasonFactsTable.For(2024);

        var back = SeasonFactsValues.Of(published).ToEngine(2024);

        back.Fees.ErasFor(45).ShouldBe(published.Fees.ErasFor(45));
        back.Fees.NrmpFor(120).ShouldBe(published.Fees.NrmpFor(120));
        back.SignalsFor("internal_medicine").ShouldBe(published.SignalsFor("internal_medicine"));
        back.MaxRegions.ShouldBe(published.MaxRegions);
    }
}
