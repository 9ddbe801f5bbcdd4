using SmartPick.Contracts;
using SmartPick.Advising.CandidateFiles;
using SmartPick.Advising.Lists;
using SmartPick.Benchmarks.Matching;
using SmartPick.Matching;
using SmartPick.Matching.Model;

namespace SmartPick.Benchmarks.Rebuild;

/// <summary>
/// Realistic candidate-file streams for a large event store, in the order an agency records them: the file is
/// opened, evidence arrives (exams, USCE, letters, research), each change followed by the regenerated list the
/// engine produced, a season runs its course (applications, interviews, rank list, outcome), and advisor notes
/// fall in between. Stored lists are real engine output (a few varied profiles ranked against the demo catalog),
/// re-addressed to each file. Seeded, so every run writes the same events.
/// </summary>
public sealed class CandidateFileStreams
{
    private static readonly string[] States = ["NY", "NJ", "PA", "OH", "MI", "IL", "TX", "FL", "CA", "MA"];
    private static readonly string[] Notes =
    [
        "Called about the Step 2 CK date; booked for next month.",
        "Discussed observership versus hands-on options in the north-east.",
        "Reminded about the letters; two writers confirmed.",
        "Reviewed the personal statement draft; needs a stronger opening.",
        "Interview practice session; good answers on the gap year.",
    ];

    private readonly (ListContent Content, RankedListRecorded First, RankedListRecorded Again, ProgramListRegenerated Outlook)[] _lists;
    private readonly RecordedBy _advisor = new("bench-advisor", "Advisor");

    public CandidateFileStreams(int listTemplates = 12)
    {
        var catalog = SmartPick.Catalog.Demo.DemoCatalog.Generate();
        var at = new DateTimeOffset(2025, 9, 1, 12, 0, 0, TimeSpan.Zero);
        // Each template is recorded as the handler records it: a file's first list differs from nothing (every
        // program added), and the file's later lists repeat it (so their stored difference is empty).
        _lists = BenchmarkData.Cohort(listTemplates)
            .Select(p => ListRecording.From(MatchingEngine.Rank(p, catalog, new RankOptions(DefaultSeason: 2026)), p.Budget?.Applications))
            .Select(c => (c, ListRecording.Record(Guid.Empty, null, c, RecordedBy.System, at).List,
                ListRecording.Record(Guid.Empty, c, c, RecordedBy.System, at).List, ListRecording.Record(Guid.Empty, null, c, RecordedBy.System, at).Outlook))
            .ToArray();
    }

    /// <summary>Average size of one stored list's JSON is what makes the store heavy; this says how many programs the templates hold.</summary>
    public double AverageListedPrograms => _lists.Average(l => l.Content.Programs.Count);

    /// <summary>One file's events, oldest first.</summary>
    public List<object> For(Guid id, int n, Random random)
    {
        var events = new List<object>(48);
        var at = new DateTimeOffset(2024, 1, 1, 9, 0, 0, TimeSpan.Zero).AddMinutes(random.Next(200_000));
        DateTimeOffset Next() => at = at.AddHours(1 + random.Next(72));
        var template = _lists[random.Next(_lists.Length)];
        var lists = 0;
        void List()
        {
            var when = Next();
            events.Add(template.Outlook with { CandidateId = id, RecordedAt = when });
            events.Add((lists++ == 0 ? template.First : template.Again) with { CandidateId = id, RecordedAt = when });
        }
        void Note()
        {
            if (random.Next(3) != 0) events.Add(new AdvisorNoteAdded(id, Guid.NewGuid(), Notes[random.Next(Notes.Length)], _advisor, Next()));
        }

        var budget = 40 + random.Next(160);
        events.Add(new CandidateFileOpened(id, $"Candidate {n:D6}", $"candidate{n}@example.org", "Pakistan", ImgType.NonUsImg,
            (VisaNeed)random.Next(4), 2008 + random.Next(18), ["internal_medicine"], [States[random.Next(States.Length)]], [], budget, null, _advisor, Next()));
        List();
        if (random.Next(2) == 0)
        {
            events.Add(new PreferencesChanged(id, VisaNeed.J1, ["internal_medicine", "family_medicine"], ["NY", "NJ"], [], budget, null, _advisor, Next()));
            List();
        }
        events.Add(new ExamTaken(id, Guid.NewGuid(), ExamKind.Step1, null, true, 1, new DateOnly(2023, 5, 10), _advisor, Next()));
        List();
        for (var attempt = 1; attempt <= 1 + random.Next(2); attempt++)
        {
            events.Add(new ExamTaken(id, Guid.NewGuid(), ExamKind.Step2Ck, 205 + random.Next(60), true, attempt, new DateOnly(2024, 2, 1), _advisor, Next()));
            List();
            Note();
        }
        for (var i = 0; i < 1 + random.Next(3); i++)
        {
            events.Add(new UsceAdded(id, Guid.NewGuid(), random.Next(3) == 0 ? UsceKind.Observership : UsceKind.HandsOn, "internal_medicine",
                $"Community Hospital {random.Next(200)}", States[random.Next(States.Length)], 1 + random.Next(4), null, null, _advisor, Next()));
            List();
            Note();
        }
        for (var i = 0; i < 2 + random.Next(3); i++)
        {
            events.Add(new LetterReceived(id, Guid.NewGuid(), "attending", random.Next(4) != 0, "internal_medicine", LetterStrength.Strong, null, _advisor, Next()));
            List();
            Note();
        }
        if (random.Next(2) == 0)
        {
            events.Add(new ResearchAdded(id, Guid.NewGuid(), "publication", random.Next(2) == 0, "Outcomes of a QI project", _advisor, Next()));
            List();
        }
        events.Add(new CycleStarted(id, 2026, _advisor, Next()));
        var codes = template.Content.Programs.Take(budget).Select(p => p.ProgramCode).ToList();
        events.Add(new ApplicationsSubmitted(id, 2026, codes.Count, codes, new DateOnly(2025, 9, 24), _advisor, Next()));
        var interviews = random.Next(Math.Min(9, codes.Count + 1));
        for (var i = 0; i < interviews; i++)
        {
            events.Add(new InterviewInvited(id, 2026, codes[i], new DateOnly(2025, 10, 15).AddDays(i * 5), _advisor, Next()));
            Note();
        }
        events.Add(new RankListCertified(id, 2026, interviews, new DateOnly(2026, 2, 25), _advisor, Next()));
        events.Add(interviews > 0 && random.Next(3) != 0
            ? new CycleMatched(id, 2026, codes[0], _advisor, Next())
            : new CycleUnmatched(id, 2026, _advisor, Next()));
        for (var i = 0; i < random.Next(6); i++) Note();
        return events;
    }
}
