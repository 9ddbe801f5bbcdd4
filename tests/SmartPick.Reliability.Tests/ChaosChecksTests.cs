using Npgsql;
using Shouldly;
using SmartPick.Benchmarks.Attack;
using Xunit;

namespace SmartPick.Reliability.Tests;

/// <summary>
/// The chaos run's checks fail when they should: a ledger of acknowledged writes compared with a fabricated event
/// store and mail sink, each missing or doubling one thing.
/// </summary>
public sealed class ChaosChecksTests
{
    private const string Org = "chaos-1";
    private static readonly Guid File = Guid.NewGuid();
    private static readonly Guid OtherFile = Guid.NewGuid();

    private static Acknowledged Ledger()
    {
        var ledger = new Acknowledged();
        ledger.Files[File] = true;
        ledger.Files[OtherFile] = true;
        ledger.NudgeDueFiles[File] = true;
        ledger.Notes["note 1"] = File;
        ledger.Notes["note 2"] = OtherFile;
        ledger.Usce["Hospital 1"] = File;
        return ledger;
    }

    private static StoreFacts Whole() => new(
        new HashSet<Guid> { File, OtherFile }, new HashSet<string> { "note 1", "note 2" }, new HashSet<string> { "Hospital 1" },
        StreamsWithGaps: 0, ListsNotRegenerated: 0, DeadLetters: 0, InboxNotHandled: 0, MailKeys: [Figures.NudgeKey(Org, File)]);

    [Fact]
    public void everything_acknowledged_is_there_once_so_the_run_is_clean()
    {
        var figures = Figures.Of(Ledger(), Whole(), Org);

        figures.ShouldBe(new Figures(0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1));
        figures.Clean(kills: 0).ShouldBeTrue();
    }

    [Fact]
    public void an_acknowledged_note_missing_from_the_store_is_a_lost_write()
    {
        var figures = Figures.Of(Ledger(), Whole() with { NoteTexts = new HashSet<string> { "note 1" } }, Org);

        figures.NotesLost.ShouldBe(1);
        figures.Clean(kills: 3).ShouldBeFalse();
    }

    [Fact]
    public void an_acknowledged_file_or_usce_missing_from_the_store_is_a_lost_write()
    {
        Figures.Of(Ledger(), Whole() with { Streams = new HashSet<Guid> { File } }, Org).FilesLost.ShouldBe(1);
        var usce = Figures.Of(Ledger(), Whole() with { UsceInstitutions = new HashSet<string>() }, Org);
        usce.UsceLost.ShouldBe(1);
        usce.Clean(kills: 3).ShouldBeFalse();
    }

    [Fact]
    public void a_due_nudge_that_never_arrived_is_lost()
    {
        var figures = Figures.Of(Ledger(), Whole() with { MailKeys = [] }, Org);

        figures.NudgesLost.ShouldBe(1);
        figures.Clean(kills: 3).ShouldBeFalse();
    }

    [Fact]
    public void more_extra_copies_of_nudges_than_kills_fail_the_run()
    {
        var key = Figures.NudgeKey(Org, File);
        var figures = Figures.Of(Ledger(), Whole() with { MailKeys = [key, key, key] }, Org);

        figures.DuplicateNudges.ShouldBe(2);
        figures.Clean(kills: 2).ShouldBeTrue();
        figures.Clean(kills: 1).ShouldBeFalse();
    }

    [Theory]
    [InlineData("gap")]
    [InlineData("regeneration")]
    [InlineData("dead letter")]
    [InlineData("inbox")]
    public void a_gap_a_lost_regeneration_a_dead_letter_or_an_unhandled_message_fails_the_run(string fault)
    {
        var facts = fault switch
        {
            "gap" => Whole() with { StreamsWithGaps = 1 },
            "regeneration" => Whole() with { ListsNotRegenerated = 1 },
            "dead letter" => Whole() with { DeadLetters = 1 },
            _ => Whole() with { InboxNotHandled = 1 },
        };

        Figures.Of(Ledger(), facts, Org).Clean(kills: 50).ShouldBeFalse();
    }

    [DatabaseFact]
    public async Task a_gap_in_a_candidates_stream_counts_and_a_tombstone_marker_for_a_failed_append_does_not()
    {
        // The queries over the event store's own two tables, in a database of this test's.
        var cs = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("ConnectionStrings__postgres")) { Database = "smartpick_bench_chaos_checks" }.ConnectionString;
        await SmartPick.Benchmarks.Harness.BenchDatabase.RecreateAsync(cs);
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        var whole = Guid.NewGuid();
        var gapped = Guid.NewGuid();
        var tombstones = Guid.NewGuid();
        await using (var setup = new NpgsqlCommand($"""
            create schema smartpick;
            create table smartpick.mt_streams (id uuid, tenant_id text, type text, version bigint);
            create table smartpick.mt_events (seq_id bigint, id uuid, stream_id uuid, tenant_id text, version bigint, type text);
            insert into smartpick.mt_streams values ('{whole}', '{Org}', 'candidate_file', 2), ('{gapped}', '{Org}', 'candidate_file', 3),
              ('{tombstones}', '{Org}', null, 0);
            insert into smartpick.mt_events values (1, gen_random_uuid(), '{whole}', '{Org}', 1, 'candidate_file_opened'),
              (2, gen_random_uuid(), '{whole}', '{Org}', 2, 'advisor_note_added'),
              (3, gen_random_uuid(), '{gapped}', '{Org}', 1, 'candidate_file_opened'),
              (5, gen_random_uuid(), '{gapped}', '{Org}', 3, 'advisor_note_added'),
              (4737, gen_random_uuid(), '{tombstones}', '{Org}', 4737, 'tombstone'),
              (4738, gen_random_uuid(), '{tombstones}', '{Org}', 4738, 'tombstone');
            """, conn))
        {
            await setup.ExecuteNonQueryAsync();
        }

        (await Figures.CountAsync(conn, Figures.GapsQuery, Org)).ShouldBe(1, "the stream missing its version 2, not Marten's tombstones");
        (await Figures.CountAsync(conn, Figures.TombstonesQuery, Org)).ShouldBe(2);
        (await Figures.CountAsync(conn, Figures.GapsQuery, "another-org")).ShouldBe(0);
    }
}
