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
}
