using SmartPick.Catalog.Sheet;
using SmartPick.Matching.Model;

namespace SmartPick.Benchmarks.Matching;

/// <summary>The shared catalog (../shared/data next to the repository) and generated candidate profiles.</summary>
internal static class BenchmarkData
{
    public static SmartPick.Matching.Model.Catalog LoadSharedCatalog()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "SmartPick.sln"))) continue;
            var path = Path.Combine(dir.FullName, "..", "shared", "data", "catalog", "us-programs.csv");
            var sheet = CatalogCsv.ReadFile(path);
            if (!sheet.IsValid) throw new InvalidOperationException($"The shared catalog has {sheet.Errors.Count} bad rows.");
            // With the shared evidence merged in, as `rank --evidence` reads it: about a thousand programs get an observed rate.
            var evidence = EvidenceCsv.ReadFile(Path.Combine(dir.FullName, "..", "shared", "data", "evidence", "program-interview-rates.csv"));
            if (!evidence.IsValid) throw new InvalidOperationException($"The shared evidence has {evidence.Errors.Count} bad rows.");
            return new SmartPick.Matching.Model.Catalog(CatalogEvidence.Merge(sheet.Catalog.Programs, evidence.Rows).Programs);
        }
        throw new DirectoryNotFoundException("SmartPick.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The guide's worked example.</summary>
    public static CandidateProfile WorkedExample() => new()
    {
        ImgType = ImgType.NonUsImg,
        VisaNeed = VisaNeed.J1,
        YearOfGraduation = 2020,
        Season = 2026,
        Exams = [new ExamResult(ExamKind.Step1, 211, true), new ExamResult(ExamKind.Step2Ck, 228, true)],
        TargetSpecialties = ["internal_medicine"],
    };

    /// <summary>A cohort of varied profiles (fixed seed): scores, visa, USCE, letters, graduation year and specialties vary.</summary>
    public static CandidateProfile[] Cohort(int size)
    {
        var random = new Random(20260101);
        string[][] targets = [["internal_medicine"], ["family_medicine"], ["internal_medicine", "family_medicine"], ["pediatrics"], ["psychiatry"], ["neurology", "internal_medicine"]];
        var cohort = new CandidateProfile[size];
        for (var i = 0; i < size; i++)
        {
            cohort[i] = new CandidateProfile
            {
                ImgType = random.Next(4) == 0 ? ImgType.UsImg : ImgType.NonUsImg,
                VisaNeed = (VisaNeed)random.Next(4),
                YearOfGraduation = 2010 + random.Next(16),
                Season = 2026,
                Exams = [new ExamResult(ExamKind.Step1, null, true), new ExamResult(ExamKind.Step2Ck, 210 + random.Next(60), true)],
                Usce = [new UsceItem(random.Next(3) == 0 ? UsceKind.Observership : UsceKind.HandsOn, "internal_medicine", random.Next(7), "NY")],
                Letters = [.. Enumerable.Range(0, random.Next(4)).Select(_ => new LetterItem(true, "internal_medicine", "attending", LetterStrength.Strong))],
                TargetSpecialties = targets[random.Next(targets.Length)],
                Budget = new Budget(60 + random.Next(150)),
            };
        }
        return cohort;
    }
}
