using System.Runtime.CompilerServices;
using SmartPick.Matching.Model;
using SmartPick.Matching.Parameters;
using SmartPick.Matching.Stages;

namespace SmartPick.Matching.Strategy;

/// <summary>
/// What a silver (or only-kind) signal does at each program of a catalog, on the log-odds scale: the program's own
/// evidence where it published interview rates with and without a signal, else the median of its specialty's
/// evidence programs (when the catalog has enough of them), else <see cref="ParameterSet.SignalOddsRatio"/>.
/// Computed once per catalog and parameter set.
/// </summary>
internal sealed class SignalEffects
{
    private static readonly ConditionalWeakTable<Catalog, ConditionalWeakTable<ParameterSet, SignalEffects>> Cache = new();

    /// <summary>Log odds ratio of a silver signal at each catalog position.</summary>
    public double[] LogOdds { get; }
    /// <summary>Whether the value at a position is the program's own evidence.</summary>
    public bool[] Observed { get; }
    /// <summary>Odds ratio of a silver and of a gold signal at each position.</summary>
    public double[] SilverOdds { get; }
    public double[] GoldOdds { get; }
    /// <summary>Census division index of each position's state (−1 when none).</summary>
    public int[] Division { get; }
    /// <summary>Odds ratio used for a specialty's programs without their own evidence, and whether it came from the catalog.</summary>
    public IReadOnlyDictionary<string, (double OddsRatio, int EvidencePrograms)> SpecialtyPrior { get; }

    /// <summary>A signal's log odds ratio is kept within ×1 and ×20: a program's rates are rounded to 0.01 and noisy.</summary>
    public const double MaxLogOdds = 3.0;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<SignalAllowance, double[]> _back = new();
    private readonly double _typicalApplications;

    /// <summary>
    /// log(1 − f + f·mean odds ratio) at each position for a specialty allowing <paramref name="allowance"/>: what the
    /// calibrated rate already holds of the average applicant's signals (f = signals over the typical applications).
    /// Computed once per allowance.
    /// </summary>
    public double[] Back(SignalAllowance allowance) => _back.GetOrAdd(allowance, a =>
    {
        var back = new double[LogOdds.Length];
        if (a.Total == 0) return back;
        var f = Math.Min(1, a.Total / _typicalApplications);
        for (var i = 0; i < back.Length; i++)
            back[i] = Math.Log(1 - f + f * (a.Gold * GoldOdds[i] + a.Silver * SilverOdds[i]) / a.Total);
        return back;
    });

    public static SignalEffects For(Catalog catalog, ParameterSet ps) =>
        Cache.GetValue(catalog, static _ => new()).GetValue(ps, p => new SignalEffects(catalog, p));

    private SignalEffects(Catalog catalog, ParameterSet ps)
    {
        var effects = ProgramEffects.For(catalog, ps);
        var programs = catalog.Programs;
        _typicalApplications = ps.TypicalApplications.Value;
        var own = new double?[programs.Count];
        var bySpecialty = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        for (var i = 0; i < programs.Count; i++)
        {
            var p = programs[i];
            if (p.SignalInterviewRate is not { } s || p.NoSignalInterviewRate is not { } n) continue;
            // Rates are rounded to 0.01: 0 and 1 are read as half a point inside.
            double Clip(decimal r) => Math.Clamp((double)r, 0.005, 0.995);
            var lor = Math.Clamp(ProgramEffects.Logit(Clip(s)) - ProgramEffects.Logit(Clip(n)), 0, MaxLogOdds);
            own[i] = lor;
            if (effects.KeyAt(i) is { } key)
            {
                if (!bySpecialty.TryGetValue(key, out var list)) bySpecialty[key] = list = [];
                list.Add(lor);
            }
        }
        var prior = Math.Log(ps.SignalOddsRatio.Value);
        var specialtyPrior = new Dictionary<string, (double, int)>(StringComparer.Ordinal);
        foreach (var (key, list) in bySpecialty)
            if (list.Count >= ps.MinEvidenceForCatalogBaseRate.Value)
            {
                list.Sort();
                var median = list.Count % 2 == 1 ? list[list.Count / 2] : (list[list.Count / 2 - 1] + list[list.Count / 2]) / 2;
                specialtyPrior[key] = (Math.Exp(median), list.Count);
            }
        SpecialtyPrior = specialtyPrior;

        LogOdds = new double[programs.Count];
        Observed = new bool[programs.Count];
        SilverOdds = new double[programs.Count];
        GoldOdds = new double[programs.Count];
        Division = new int[programs.Count];
        for (var i = 0; i < programs.Count; i++)
        {
            if (own[i] is { } lor) { LogOdds[i] = lor; Observed[i] = true; }
            else LogOdds[i] = effects.KeyAt(i) is { } key && specialtyPrior.TryGetValue(key, out var sp) ? Math.Log(sp.Item1) : prior;
            SilverOdds[i] = Math.Exp(LogOdds[i]);
            GoldOdds[i] = Math.Exp(ps.GoldSignalLogOddsMultiple.Value * LogOdds[i]);
            Division[i] = CensusDivisions.IndexOf(programs[i].State);
        }
    }
}
