using SmartPick.Contracts;
using Marten;
using Microsoft.AspNetCore.Identity;
using SmartPick.Advising.CandidateFiles;
using SmartPick.Advising.Lists;
using SmartPick.Advising.Views;
using SmartPick.Matching.Model;
using SmartPick.Web.Identity;

namespace SmartPick.Web.Demo;

/// <summary>
/// About fifty demo candidate files whose histories look real: the field guide's worked example (the demo
/// candidate user's own file), a reapplicant with two unmatched cycles and new evidence, and a cohort drawn
/// with a fixed seed across specialties, scores, visas and stages of the season. Seeded once.
/// </summary>
public sealed class DemoCohort(IDocumentStore store, ICurrentCatalog catalogs, UserManager<AppUser> users, ILogger<DemoCohort> logger) : IDemoDataSeeder
{
    /// <summary>The worked example's file, bound to the demo candidate user.</summary>
    public static readonly Guid WorkedExampleId = Guid.Parse("5e1d0c0a-0000-4000-8000-000000000001");
    public static readonly Guid ReapplicantId = Guid.Parse("5e1d0c0a-0000-4000-8000-000000000002");

    private static readonly string[] FirstNames =
    [
        "Aisha", "Rahul", "Fatima", "Omar", "Priya", "Chinedu", "Mariam", "Tariq", "Sofia", "Karim", "Nadia", "Arjun",
        "Leila", "Kwame", "Ana", "Hassan", "Mei", "Yusuf", "Elena", "Sanjay", "Amina", "Diego", "Rania", "Vikram", "Ngozi",
    ];
    private static readonly string[] LastNames =
    [
        "Khan", "Patel", "Hassan", "Okonkwo", "Sharma", "Haddad", "Silva", "Rahman", "Mendoza", "Ali", "Nwosu", "Iyer",
        "Farouk", "Mensah", "Costa", "Qureshi", "Chen", "Demir", "Petrova", "Reddy", "Bello", "Garcia", "Saleh", "Nair",
    ];
    private static readonly string[] Countries =
    [
        "India", "Pakistan", "Nigeria", "Egypt", "Philippines", "Brazil", "Mexico", "Jordan", "Nepal", "Bangladesh",
        "Syria", "Ukraine", "Ghana", "Iran", "Sri Lanka",
    ];
    private static readonly (string Key, int Weight)[] SpecialtyWeights =
    [
        ("internal_medicine", 55), ("family_medicine", 18), ("pediatrics", 10), ("psychiatry", 8), ("neurology", 5), ("pathology", 4),
    ];
    private static readonly string[] ImgFriendlyStates = ["NY", "NJ", "MI", "OH", "PA", "IL", "TX", "FL", "MD", "CT"];

    public async Task<Guid?> SeedAsync(string organizationId, CancellationToken ct)
    {
        await using var session = store.LightweightSession(organizationId);
        if (await session.LoadAsync<CandidateSummary>(WorkedExampleId, ct) is not null) return WorkedExampleId;

        var advisor = await users.FindByEmailAsync(DemoSeeder.AdvisorEmail);
        var by = new RecordedBy(advisor?.Id ?? "demo", advisor?.DisplayName ?? "Adam Advisor");
        var files = new List<(Guid Id, object[] Events)>
        {
            (WorkedExampleId, WorkedExample(by)),
            (ReapplicantId, Reapplicant(by)),
        };
        var random = new Random(2026);
        for (var i = 0; i < 48; i++)
        {
            files.Add(Drawn(random, i, by));
        }

        foreach (var (id, events) in files)
        {
            session.Events.StartStream<CandidateFile>(id, events);
        }
        await session.SaveChangesAsync(ct);

        var catalog = await catalogs.ForTenantAsync(session, ct);
        foreach (var (id, events) in files)
        {
            var last = events.Select(RecordedAtOf).Max();
            await ListRegeneration(organizationId, catalog, id, last, ct);
        }
        logger.LogInformation("Seeded {Count} demo candidate files in {Org}", files.Count, organizationId);
        return WorkedExampleId;
    }

    private async Task ListRegeneration(string org, SmartPick.Matching.Model.Catalog catalog, Guid id, DateTimeOffset at, CancellationToken ct)
    {
        await using var session = store.LightweightSession(org);
        await RegenerateListHandler.RegenerateAsync(session, catalog, id, at.AddMinutes(1), ct);
        await session.SaveChangesAsync(ct);
    }

    private static DateTimeOffset RecordedAtOf(object e) => (DateTimeOffset)e.GetType().GetProperty("RecordedAt")!.GetValue(e)!;

    private static DateTimeOffset At(int y, int m, int d) => new(y, m, d, 15, 0, 0, TimeSpan.Zero);

    /// <summary>The field guide's example: non-US IMG, YOG 2020, Step 1 211, Step 2 CK 228, no USCE, J-1, internal medicine.</summary>
    private static object[] WorkedExample(RecordedBy by)
    {
        var id = WorkedExampleId;
        return
        [
            new CandidateFileOpened(id, "Dr. Amara Okafor", "amara.okafor@example.org", "Nigeria", ImgType.NonUsImg, VisaNeed.J1, 2020,
                ["internal_medicine"], ["NY", "NJ", "MI"], [], 150, 15_000m, by, At(2026, 10, 6)),
            new ExamTaken(id, Guid.Parse("5e1d0c0a-0000-4000-8001-000000000001"), ExamKind.Step1, 211, true, 1, new DateOnly(2019, 5, 14), by, At(2026, 10, 6)),
            new ExamTaken(id, Guid.Parse("5e1d0c0a-0000-4000-8001-000000000002"), ExamKind.Step2Ck, 228, true, 1, new DateOnly(2021, 3, 2), by, At(2026, 10, 6)),
            new AdvisorNoteAdded(id, Guid.Parse("5e1d0c0a-0000-4000-8002-000000000001"),
                "First call: low scores, no USCE yet, needs J-1. Plan a rebuild year: 3–4 months hands-on IM USCE, 2–3 US letters, a QI project.",
                by, At(2026, 10, 7)),
        ];
    }

    /// <summary>Unmatched in 2025 and 2026, with hands-on USCE, US letters and Step 3 added in between; now in the 2027 season.</summary>
    private static object[] Reapplicant(RecordedBy by)
    {
        var id = ReapplicantId;
        Guid G(int n) => Guid.Parse($"5e1d0c0a-0000-4000-8003-{n:D12}");
        return
        [
            new CandidateFileOpened(id, "Dr. Rahul Mehta", "rahul.mehta@example.org", "India", ImgType.NonUsImg, VisaNeed.J1, 2019,
                ["internal_medicine"], ["NY", "NJ", "PA", "OH"], ["CA"], 120, 12_000m, by, At(2024, 5, 20)),
            new ExamTaken(id, G(1), ExamKind.Step1, null, true, 1, new DateOnly(2022, 8, 9), by, At(2024, 5, 20)),
            new ExamTaken(id, G(2), ExamKind.Step2Ck, 226, true, 1, new DateOnly(2023, 11, 21), by, At(2024, 5, 20)),
            new UsceAdded(id, G(3), UsceKind.Observership, "internal_medicine", "Brooklyn community hospital", "NY", 1m, new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 31), by, At(2024, 5, 21)),
            new LetterReceived(id, G(4), "attending", false, "internal_medicine", LetterStrength.Standard, new DateOnly(2024, 6, 1), by, At(2024, 6, 3)),
            new CycleStarted(id, 2025, by, At(2024, 6, 5)),
            new ApplicationsSubmitted(id, 2025, 120, [], new DateOnly(2024, 9, 4), by, At(2024, 9, 4)),
            new InterviewInvited(id, 2025, "DEMO-IM-1", new DateOnly(2024, 11, 12), by, At(2024, 11, 12)),
            new InterviewInvited(id, 2025, "DEMO-IM-2", new DateOnly(2024, 12, 3), by, At(2024, 12, 3)),
            new InterviewInvited(id, 2025, "DEMO-IM-3", new DateOnly(2025, 1, 9), by, At(2025, 1, 9)),
            new RankListCertified(id, 2025, 3, new DateOnly(2025, 2, 26), by, At(2025, 2, 26)),
            new CycleUnmatched(id, 2025, by, At(2025, 3, 17)),
            new UsceAdded(id, G(5), UsceKind.HandsOn, "internal_medicine", "Detroit teaching hospital", "MI", 2m, new DateOnly(2025, 4, 1), new DateOnly(2025, 5, 31), by, At(2025, 6, 2)),
            new LetterReceived(id, G(6), "attending", true, "internal_medicine", LetterStrength.Strong, new DateOnly(2025, 6, 10), by, At(2025, 6, 11)),
            new CycleStarted(id, 2026, by, At(2025, 6, 12)),
            new ApplicationsSubmitted(id, 2026, 140, [], new DateOnly(2025, 9, 3), by, At(2025, 9, 3)),
            new InterviewInvited(id, 2026, "DEMO-IM-4", new DateOnly(2025, 10, 20), by, At(2025, 10, 20)),
            new InterviewInvited(id, 2026, "DEMO-IM-5", new DateOnly(2025, 11, 4), by, At(2025, 11, 4)),
            new InterviewInvited(id, 2026, "DEMO-IM-6", new DateOnly(2025, 11, 18), by, At(2025, 11, 18)),
            new InterviewInvited(id, 2026, "DEMO-IM-7", new DateOnly(2025, 12, 2), by, At(2025, 12, 2)),
            new RankListCertified(id, 2026, 4, new DateOnly(2026, 3, 2), by, At(2026, 3, 2)),
            new CycleUnmatched(id, 2026, by, At(2026, 3, 16)),
            new UsceAdded(id, G(7), UsceKind.HandsOn, "internal_medicine", "Newark community hospital", "NJ", 2m, new DateOnly(2026, 4, 1), new DateOnly(2026, 5, 31), by, At(2026, 6, 1)),
            new LetterReceived(id, G(8), "program_director", true, "internal_medicine", LetterStrength.Strong, new DateOnly(2026, 6, 5), by, At(2026, 6, 5)),
            new ExamTaken(id, G(9), ExamKind.Step3, 221, true, 1, new DateOnly(2026, 5, 20), by, At(2026, 6, 6)),
            new ResearchAdded(id, G(10), "qi", true, "Sepsis bundle compliance on a community medicine ward", by, At(2026, 6, 8)),
            new CycleStarted(id, 2027, by, At(2026, 6, 10)),
            new ApplicationsSubmitted(id, 2027, 150, [], new DateOnly(2026, 9, 2), by, At(2026, 9, 2)),
            new InterviewInvited(id, 2027, "DEMO-IM-8", new DateOnly(2026, 10, 28), by, At(2026, 10, 28)),
            new InterviewInvited(id, 2027, "DEMO-IM-9", new DateOnly(2026, 11, 17), by, At(2026, 11, 17)),
        ];
    }

    private static (Guid, object[]) Drawn(Random r, int index, RecordedBy by)
    {
        var id = new Guid($"5e1d0c0a-0000-4000-9000-{index:D12}");
        var name = $"Dr. {FirstNames[r.Next(FirstNames.Length)]} {LastNames[r.Next(LastNames.Length)]}";
        var email = $"{name[4..].ToLowerInvariant().Replace(' ', '.')}.{index}@example.org";
        var specialty = Pick(r, SpecialtyWeights);
        var yog = 2014 + r.Next(12);
        var visa = r.NextDouble() switch { < 0.6 => VisaNeed.J1, < 0.7 => VisaNeed.H1b, < 0.75 => VisaNeed.Either, _ => VisaNeed.None };
        var img = visa == VisaNeed.None && r.NextDouble() < 0.6 ? ImgType.UsImg : ImgType.NonUsImg;
        var states = ImgFriendlyStates.OrderBy(_ => r.Next()).Take(2 + r.Next(3)).Order(StringComparer.Ordinal).ToArray();
        // Stage of the season, spread evenly by index so the cohort always shows every stage (and so every risk level):
        // preparing, in the 2027 season before or after submitting, interviewing, matched or unmatched in 2026 (some of
        // the unmatched reapplying), or certified for 2026 with the outcome not yet recorded.
        var kind = (DemoStage)(index % 8);
        var opened = kind is DemoStage.Matched2026 or DemoStage.Unmatched2026 or DemoStage.Certified2026
            ? At(2024, 9, 1).AddDays(r.Next(240)) : At(2025, 1, 10).AddDays(r.Next(470));
        var step2 = Math.Clamp((int)Math.Round(238 + 11 * Normal(r)), 205, 275);
        var events = new List<object>
        {
            new CandidateFileOpened(id, name, email, Countries[r.Next(Countries.Length)], img, visa, yog, [specialty], states, [],
                80 + 10 * r.Next(10), null, by, opened),
        };
        Guid G(int n) => new($"5e1d0c0a-{index:D4}-4000-a000-{n:D12}");
        var step1Date = new DateOnly(Math.Min(yog, 2025), 6, 1);
        events.Add(step1Date.Year < 2022
            ? new ExamTaken(id, G(1), ExamKind.Step1, Math.Clamp(step2 - 8 - r.Next(12), 196, 260), true, 1, step1Date, by, opened)
            : new ExamTaken(id, G(1), ExamKind.Step1, null, true, r.NextDouble() < 0.1 ? 2 : 1, step1Date, by, opened));
        events.Add(new ExamTaken(id, G(2), ExamKind.Step2Ck, step2, true, 1, step1Date.AddMonths(10), by, opened));
        var when = opened;
        var usceMonths = r.Next(0, 5);
        if (usceMonths > 0)
        {
            when = when.AddDays(30 + r.Next(60));
            events.Add(new UsceAdded(id, G(3), r.NextDouble() < 0.7 ? UsceKind.HandsOn : UsceKind.Observership, specialty,
                "Community teaching hospital", states[0], usceMonths, null, null, by, when));
        }
        var letters = r.Next(0, 4);
        for (var l = 0; l < letters; l++)
        {
            when = when.AddDays(7 + r.Next(20));
            events.Add(new LetterReceived(id, G(10 + l), "attending", usceMonths > 0 && r.NextDouble() < 0.8, specialty,
                r.NextDouble() < 0.4 ? LetterStrength.Strong : LetterStrength.Standard, null, by, when));
        }
        if (r.NextDouble() < 0.3)
        {
            when = when.AddDays(10);
            events.Add(new ResearchAdded(id, G(20), r.NextDouble() < 0.5 ? "qi" : "publication", r.NextDouble() < 0.5, null, by, when));
        }

        void Interviews(int season, int count, DateOnly from, int overDays)
        {
            for (var k = 0; k < count; k++)
            {
                var day = from.AddDays(r.Next(overDays));
                events.Add(new InterviewInvited(id, season, $"DEMO-{index}-{season}-{k + 1}", day, by, new DateTimeOffset(day.ToDateTime(new TimeOnly(15, 0)), TimeSpan.Zero)));
            }
        }

        switch (kind)
        {
            case DemoStage.Preparing:
                break;
            case DemoStage.Matched2026 or DemoStage.Unmatched2026 or DemoStage.Certified2026:
            {
                events.Add(new CycleStarted(id, 2026, by, At(2025, 6, 10)));
                events.Add(new ApplicationsSubmitted(id, 2026, 100 + r.Next(60), [], new DateOnly(2025, 9, 3), by, At(2025, 9, 3)));
                var held = kind switch { DemoStage.Matched2026 => r.Next(3, 9), DemoStage.Unmatched2026 => r.Next(1, 3), _ => r.Next(1, 7) };
                Interviews(2026, held, new DateOnly(2025, 10, 1), 90);
                events.Add(new RankListCertified(id, 2026, held, new DateOnly(2026, 2, 25), by, At(2026, 2, 25)));
                if (kind == DemoStage.Matched2026)
                {
                    events.Add(new CycleMatched(id, 2026, $"DEMO-{index}-2026-1", by, At(2026, 3, 20)));
                }
                else if (kind == DemoStage.Unmatched2026)
                {
                    events.Add(new CycleUnmatched(id, 2026, by, At(2026, 3, 16)));
                    // Every other unmatched candidate is back for 2027 with applications out.
                    if (index % 16 == 6)
                    {
                        events.Add(new CycleStarted(id, 2027, by, At(2026, 6, 8)));
                        events.Add(new ApplicationsSubmitted(id, 2027, 120 + r.Next(40), [], new DateOnly(2026, 9, 2), by, At(2026, 9, 2)));
                    }
                }
                break;
            }
            default:
            {
                events.Add(new CycleStarted(id, 2027, by, At(2026, 6, 5).AddDays(r.Next(20))));
                if (kind == DemoStage.Started2027) break;
                events.Add(new ApplicationsSubmitted(id, 2027, 90 + r.Next(80), [], new DateOnly(2026, 9, 2), by, At(2026, 9, 2)));
                if (kind is DemoStage.Interviewing2027 or DemoStage.Interviewing2027Too) Interviews(2027, r.Next(2, 9), new DateOnly(2026, 10, 1), 60);
                break;
            }
        }
        return (id, [.. events.OrderBy(RecordedAtOf)]);
    }

    /// <summary>Where a drawn demo candidate stands; indexes cycle through these, two of eight interviewing.</summary>
    private enum DemoStage { Preparing, Started2027, Applied2027, Interviewing2027, Interviewing2027Too, Matched2026, Unmatched2026, Certified2026 }

    private static string Pick(Random r, (string Key, int Weight)[] weights)
    {
        var roll = r.Next(weights.Sum(w => w.Weight));
        foreach (var (key, weight) in weights)
        {
            if (roll < weight) return key;
            roll -= weight;
        }
        return weights[0].Key;
    }

    private static double Normal(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());
}
