using SmartPick.Catalog.Sheet;
using SmartPick.Matching.Model;

namespace SmartPick.Catalog.Demo;

/// <summary>
/// Illustrative interview-rate evidence for the demo catalog: made up, and labelled so
/// (<see cref="Source"/>), but drawn to look like the published 2024–25 per-program rates. About 60% of the
/// programs in internal medicine, family medicine, pediatrics, psychiatry, neurology and pathology get some.
/// Per specialty, the non-US IMG rate follows the quantiles of that specialty's rates in the shared evidence file
/// (IM, 226 programs: 20% at 0, quartiles 0.01 / 0.02 / 0.03, 90th percentile 0.04, 99th 0.09, highest 0.16;
/// FM: 52% at 0, 90th 0.07, highest 0.31; pediatrics median 0.03, highest 0.23; psychiatry 43% at 0, 90th 0.07;
/// neurology median 0.03, highest 0.12; pathology median 0.04, 99th 0.14). The tail matters: a spread with a few
/// programs at 0.3 in IM made one demo program look like a 25% interview for the guide's worked example. Programs are placed on that
/// spread by their openness to IMGs (IMG share, else program type; J-1 sponsorship) plus noise, so a program
/// with more IMGs tends to invite more of them. The US IMG rate is a little higher; family medicine,
/// pediatrics and pathology, which used signals, get signal and no-signal rates several-fold apart.
/// </summary>
/// <remarks>
/// A separate random stream, so the rest of the demo catalog is the same with or without evidence; only
/// integer and basic IEEE arithmetic, so every runtime draws the same values. Rates are whole hundredths
/// without trailing zeros, as the real evidence file and a workbook round trip give them.
/// </remarks>
internal static class DemoEvidence
{
    public const string Source = "Demo data: illustrative rates, not observed";
    public const string ObservedOn = "2025-01";
    public const double ShareWithEvidence = 0.6;

    /// <summary>The non-US IMG rate's spread per specialty: (quantile, rate in hundredths), piecewise linear; below the first quantile the rate is 0.</summary>
    private static readonly IReadOnlyDictionary<string, (double Q, int Rate)[]> NonUsImgSpread = new Dictionary<string, (double, int)[]>
    {
        ["140"] = [(0.20, 1), (0.25, 1), (0.50, 2), (0.75, 3), (0.90, 4), (0.95, 6), (0.97, 7), (0.99, 9), (1.0, 16)],
        ["120"] = [(0.52, 1), (0.60, 1), (0.75, 3), (0.90, 7), (0.95, 9), (0.97, 11), (0.99, 14), (1.0, 31)],
        ["320"] = [(0.13, 1), (0.25, 1), (0.50, 3), (0.75, 7), (0.90, 12), (0.95, 14), (0.97, 16), (0.99, 20), (1.0, 23)],
        ["400"] = [(0.43, 1), (0.50, 1), (0.75, 3), (0.90, 7), (0.95, 8), (0.97, 9), (0.99, 11), (1.0, 13)],
        ["180"] = [(0.23, 1), (0.25, 1), (0.50, 3), (0.75, 5), (0.90, 7), (0.95, 10), (0.97, 11), (1.0, 12)],
        ["300"] = [(0.13, 1), (0.25, 1), (0.50, 4), (0.75, 6), (0.90, 10), (0.95, 12), (0.99, 14), (1.0, 38)],
    };

    /// <summary>Median signal and no-signal rates (hundredths) where the specialty used signals in 2024–25.</summary>
    private static readonly IReadOnlyDictionary<string, (int Signal, int NoSignal)> SignalRates = new Dictionary<string, (int, int)>
    {
        ["120"] = (43, 15),
        ["320"] = (59, 21),
        ["300"] = (33, 8),
    };

    public static bool Covers(string specialtyCode) => NonUsImgSpread.ContainsKey(specialtyCode);

    public static IReadOnlyList<CatalogProgram> AddTo(IReadOnlyList<CatalogProgram> programs, int seed)
    {
        var random = new SplitMix64(unchecked((ulong)seed * 0x9E3779B97F4A7C15UL + 0xD1B54A32D192ED03UL));
        var draws = new List<(int Index, double Pick, double Score, double SignalKey)>();
        for (var index = 0; index < programs.Count; index++)
        {
            // Draw for every program, covered or not, so one program's draws never depend on another's specialty.
            var pick = random.NextDouble();
            var noise = random.NextDouble() + random.NextDouble() + random.NextDouble() + random.NextDouble() - 2.0;
            var signalKey = random.NextDouble();
            if (Covers(programs[index].SpecialtyCode))
                draws.Add((index, pick, Openness(programs[index]) / 0.25 + noise / 0.577, signalKey));
        }

        var result = programs.ToArray();
        foreach (var group in draws.GroupBy(d => programs[d.Index].SpecialtyCode))
        {
            // Exactly the share with evidence per specialty, and ranks within it, so each specialty gets its own
            // spread whatever its size and mix of hospitals.
            var all = group.ToList();
            var covered = all.OrderBy(d => d.Pick).Take((int)Math.Round(all.Count * ShareWithEvidence, MidpointRounding.AwayFromZero)).ToList();
            var byScore = Ranks(covered, d => d.Score);
            var bySignalKey = Ranks(covered, d => d.SignalKey);
            foreach (var draw in covered)
            {
                var program = programs[draw.Index];
                var nonUsImg = Spread(NonUsImgSpread[group.Key], Quantile(byScore[draw.Index], covered.Count));
                result[draw.Index] = WithEvidence(program, nonUsImg, Quantile(bySignalKey[draw.Index], covered.Count), random);
            }
        }
        return result;

        Dictionary<int, int> Ranks(List<(int Index, double Pick, double Score, double SignalKey)> items, Func<(int Index, double Pick, double Score, double SignalKey), double> key) =>
            items.OrderBy(key).ThenBy(d => programs[d.Index].ProgramCode, StringComparer.Ordinal)
                .Select((d, rank) => (d.Index, rank)).ToDictionary(x => x.Index, x => x.rank);
    }

    private static double Quantile(int rank, int count) => (rank + 0.5) / count;

    /// <summary>How open the program looks to IMGs, about 0–1: its IMG share when known, else its type; J-1 sponsorship nudges it.</summary>
    private static double Openness(CatalogProgram p)
    {
        var open = p.ImgShare is { } share ? (double)share / 100.0 : p.ProgramType switch
        {
            ProgramType.Community => 0.5,
            ProgramType.CommunityUniversity => 0.32,
            ProgramType.University => 0.15,
            _ => 0.3,
        };
        return open + p.VisaJ1 switch { Tristate.Yes => 0.08, Tristate.No => -0.12, _ => 0.0 };
    }

    /// <summary>The rate in hundredths at <paramref name="quantile"/> of the spread.</summary>
    private static int Spread((double Q, int Rate)[] points, double quantile)
    {
        if (quantile < points[0].Q) return 0;
        for (var i = 1; i < points.Length; i++)
        {
            if (quantile > points[i].Q) continue;
            var (q0, r0) = points[i - 1];
            var (q1, r1) = points[i];
            var rate = r0 + (r1 - r0) * (quantile - q0) / (q1 - q0);
            return Math.Max(1, (int)Math.Round(rate, MidpointRounding.AwayFromZero));
        }
        return points[^1].Rate;
    }

    private static CatalogProgram WithEvidence(CatalogProgram program, int nonUsImg, double signalQuantile, SplitMix64 random)
    {
        // US IMGs (no visa, US citizens) are invited a little more often than non-US IMGs.
        var usImg = nonUsImg == 0
            ? (random.Chance(0.45) ? 1 : 0)
            : Math.Min(100, nonUsImg + random.Around(nonUsImg * 0.35 + 0.5, nonUsImg * 0.25 + 0.5, 0, 20));
        int? signal = null, noSignal = null;
        if (SignalRates.TryGetValue(program.SpecialtyCode, out var medians))
        {
            // Spread evenly from 60% to 140% of the median; the no-signal rate a noisy share of it, about the published ratio.
            var s = Math.Clamp((int)Math.Round(medians.Signal * (0.6 + 0.8 * signalQuantile), MidpointRounding.AwayFromZero), 2, 95);
            var ratio = medians.NoSignal / (double)medians.Signal;
            noSignal = Math.Clamp((int)Math.Round(s * ratio * (0.7 + 0.6 * random.NextDouble()), MidpointRounding.AwayFromZero), 0, s - 1);
            signal = s;
        }
        return program with
        {
            NonUsImgInterviewRate = Share(nonUsImg),
            UsImgInterviewRate = Share(usImg),
            SignalInterviewRate = signal is { } sig ? Share(sig) : null,
            NoSignalInterviewRate = noSignal is { } none ? Share(none) : null,
            EvidenceSource = Source,
            EvidenceObservedOn = ObservedOn,
        };
    }

    private static decimal? Share(int hundredths) => CatalogEvidence.Plain(hundredths / 100m);
}
