using System.Globalization;
using System.Runtime.CompilerServices;
using SmartPick.Matching.Model;
using SmartPick.Matching.Parameters;

namespace SmartPick.Matching.Stages;

/// <summary>
/// The program effect of model v2 for one applicant type: the logit of the rate at which the program interviews an
/// average applicant of that type. <see cref="ObservedRate"/> is the catalog's evidence (null when none),
/// <see cref="PriorRate"/> what the prior says, <see cref="Rate"/> the two combined.
/// </summary>
internal readonly record struct ProgramEffect(double Logit, double Rate, double? ObservedRate, double PriorRate, PBasis Basis, Reason Reason);

/// <summary>
/// Program effects of every program of a catalog, computed once per catalog and parameter set (the catalog is
/// immutable, so they are cached beside it). The prior for a program is built from the catalog's own evidence:
/// the specialty's mean observed rate, then a state effect and an institution effect, each the mean logit residual
/// of the evidence programs concerned, shrunk towards the guide's value by a pseudo-count (docs/matching.md).
/// An observed rate is combined with the prior in rate space with the prior weighing
/// <see cref="ParameterSet.EvidencePriorShare"/>, so a program observed at 0% keeps a small, non-zero rate.
/// </summary>
internal sealed class ProgramEffects
{
    private static readonly ConditionalWeakTable<Catalog, ConditionalWeakTable<ParameterSet, ProgramEffects>> Cache = new();

    private readonly ProgramEffect[] _nonUs;
    private readonly ProgramEffect[] _usImg;
    private readonly Dictionary<CatalogProgram, int> _index;

    private readonly string?[] _keys;
    private readonly Dictionary<string, int[]> _bySpecialty;

    /// <summary>The specialty key of the catalog's program at <paramref name="index"/> (null for a code the registry does not know).</summary>
    public string? KeyAt(int index) => _keys[index];

    /// <summary>Positions in the catalog of the programs of one specialty, ascending (empty when none).</summary>
    public IReadOnlyList<int> ProgramsOf(string specialtyKey) => _bySpecialty.TryGetValue(specialtyKey, out var list) ? list : [];

    /// <summary>Mean observed (or published) non-US IMG rate per specialty key: the baseline of the prior.</summary>
    public IReadOnlyDictionary<string, double> BaseRates { get; }

    public static ProgramEffects For(Catalog catalog, ParameterSet parameters) =>
        Cache.GetValue(catalog, static _ => new()).GetValue(parameters, ps => new ProgramEffects(catalog.Programs, ps, holdOut: null));

    /// <summary>
    /// Effects computed with the evidence of <paramref name="holdOut"/> programs hidden (k-fold evaluation of the prior):
    /// those programs get their prior as if they had no evidence, and their evidence does not inform anyone's prior.
    /// </summary>
    public static ProgramEffects WithHeldOut(IReadOnlyList<CatalogProgram> programs, ParameterSet parameters, IReadOnlySet<string> holdOut) =>
        new(programs, parameters, holdOut);

    public ProgramEffect Of(CatalogProgram program, ImgType type) =>
        _index.TryGetValue(program, out var i) ? (type == ImgType.UsImg ? _usImg[i] : _nonUs[i]) : throw new ArgumentException("Program not in this catalog.", nameof(program));

    /// <summary>The position in the catalog of one of its programs.</summary>
    public int PositionOf(CatalogProgram program) =>
        _index.TryGetValue(program, out var i) ? i : throw new ArgumentException("Program not in this catalog.", nameof(program));

    /// <summary>The effect of the catalog's program at <paramref name="index"/>.</summary>
    public ref readonly ProgramEffect At(int index, ImgType type) => ref (type == ImgType.UsImg ? ref _usImg[index] : ref _nonUs[index]);

    public bool TryGet(CatalogProgram program, ImgType type, out ProgramEffect effect)
    {
        if (_index.TryGetValue(program, out var i)) { effect = type == ImgType.UsImg ? _usImg[i] : _nonUs[i]; return true; }
        effect = default;
        return false;
    }

    public static double Logit(double p) => Math.Log(p / (1 - p));
    public static double Sigmoid(double z) => 1.0 / (1.0 + Math.Exp(-z));

    private ProgramEffects(IReadOnlyList<CatalogProgram> programs, ParameterSet ps, IReadOnlySet<string>? holdOut)
    {
        _index = new Dictionary<CatalogProgram, int>(programs.Count, ReferenceEqualityComparer.Instance);
        for (var i = 0; i < programs.Count; i++) _index.TryAdd(programs[i], i);

        var keys = new string?[programs.Count];
        for (var i = 0; i < programs.Count; i++) keys[i] = Specialties.ByCode(programs[i].SpecialtyCode)?.Key;
        _keys = keys;
        _bySpecialty = keys.Select((k, i) => (k, i)).Where(x => x.k is not null).GroupBy(x => x.k!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.i).ToArray(), StringComparer.Ordinal);

        double? Observed(int i, ImgType type)
        {
            var p = programs[i];
            if (holdOut is not null && holdOut.Contains(p.ProgramCode)) return null;
            var rate = type == ImgType.UsImg ? p.UsImgInterviewRate : p.NonUsImgInterviewRate;
            return rate is null ? null : Math.Clamp((double)rate.Value, 0, 1);
        }

        // Baseline per specialty: the catalog's mean observed non-US IMG rate where it has enough evidence, else the published figure.
        var sums = new Dictionary<string, (double Sum, int N)>(StringComparer.Ordinal);
        for (var i = 0; i < programs.Count; i++)
            if (keys[i] is { } key && Observed(i, ImgType.NonUsImg) is { } r)
            {
                var (s, n) = sums.GetValueOrDefault(key);
                sums[key] = (s + r, n + 1);
            }
        var baseRates = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var info in Specialties.All)
        {
            var published = PublishedBaseRate(info.Key, ps);
            baseRates[info.Key] = sums.TryGetValue(info.Key, out var sn) && sn.N >= ps.MinEvidenceForCatalogBaseRate.Value
                // Shrunk towards the published figure so a specialty with a dozen programs of evidence is not over-read.
                ? Math.Max(1e-4, (sn.Sum + published * ps.StatePriorPseudoPrograms.Value) / (sn.N + ps.StatePriorPseudoPrograms.Value))
                : published;
        }
        BaseRates = baseRates;

        _nonUs = Build(programs, keys, ps, baseRates, i => Observed(i, ImgType.NonUsImg), ImgType.NonUsImg);
        // A US IMG's baseline is the non-US IMG one times the published ratio of the two medians.
        var usBase = baseRates.ToDictionary(kv => kv.Key, kv => Math.Min(0.5, kv.Value * ps.UsImgRateMultiplier.Value), StringComparer.Ordinal);
        _usImg = Build(programs, keys, ps, usBase, i => Observed(i, ImgType.UsImg), ImgType.UsImg);
    }

    internal static double PublishedBaseRate(string key, ParameterSet ps) =>
        ps.SpecialtyBaseRates.TryGetValue(key, out var r) ? r
        : GuideGroups.Competitiveness(key) switch
        {
            SpecialtyCompetitiveness.Competitive => ps.BaseRateCompetitive.Value,
            SpecialtyCompetitiveness.Moderate => ps.BaseRateModerate.Value,
            _ => ps.BaseRateImgFriendly.Value,
        };

    private static ProgramEffect[] Build(IReadOnlyList<CatalogProgram> programs, string?[] keys, ParameterSet ps,
        IReadOnlyDictionary<string, double> baseRates, Func<int, double?> observed, ImgType type)
    {
        var n = programs.Count;
        var share = ps.EvidencePriorShare.Value;
        // Residual of each evidence program against its specialty's baseline, on the logit scale (rates smoothed
        // towards the baseline so a 0% does not become minus infinity).
        var residual = new double?[n];
        for (var i = 0; i < n; i++)
        {
            if (keys[i] is not { } key || observed(i) is not { } r) continue;
            var b = baseRates[key];
            residual[i] = Logit((1 - share) * r + share * b) - Logit(b);
        }

        // State effect: shrunk towards the guide's term for the state.
        var byState = new Dictionary<string, (double Sum, int N)>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
            if (residual[i] is { } r && programs[i].State.Length > 0)
            {
                var (s, c) = byState.GetValueOrDefault(programs[i].State);
                byState[programs[i].State] = (s + r, c + 1);
            }
        double StateEffect(string state, out int evidencePrograms)
        {
            var guide = GuideGroups.ImgFriendlyStates.Contains(state) ? ps.ImgFriendlyState.Value
                : GuideGroups.ToughStates.Contains(state) ? ps.ToughState.Value : 0;
            var k = ps.StatePriorPseudoPrograms.Value;
            var (s, c) = state.Length > 0 ? byState.GetValueOrDefault(state) : default;
            evidencePrograms = c;
            return (s + k * guide) / (c + k);
        }

        // Institution effect: residuals after the state effect, of the institution's evidence programs (all specialties).
        var byInstitution = new Dictionary<string, (double Sum, int N)>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
            if (residual[i] is { } r && InstitutionOf(programs[i]) is { } inst)
            {
                var (s, c) = byInstitution.GetValueOrDefault(inst);
                byInstitution[inst] = (s + r - StateEffect(programs[i].State, out _), c + 1);
            }

        var effects = new ProgramEffect[n];
        var typeName = type == ImgType.UsImg ? "US IMG" : "non-US IMG";
        for (var i = 0; i < n; i++)
        {
            var p = programs[i];
            var key = keys[i];
            var b = key is null ? ps.BaseRateModerate.Value : baseRates[key];
            var z = Logit(b);
            var state = StateEffect(p.State, out var stateEvidence);
            z += state;
            var basis = new List<string>(3);
            if (stateEvidence > 0) basis.Add($"{stateEvidence} programs with evidence in {p.State}");
            if (InstitutionOf(p) is { } inst && byInstitution.TryGetValue(inst, out var ie))
            {
                // Leave the program's own evidence out of its institution's effect.
                var (s, c) = residual[i] is { } own ? (ie.Sum - (own - state), ie.N - 1) : ie;
                if (c > 0)
                {
                    z += s / (c + ps.InstitutionPriorPseudoPrograms.Value);
                    basis.Add($"{c} other program{(c == 1 ? "" : "s")} of this institution");
                }
            }
            if (p.ImgShare is { } img)
                z += ps.ImgSharePer10Points.Value * ((double)img - 30) / 10.0;
            var prior = Sigmoid(z);
            var name = key is null ? "its specialty" : Specialties.ByKey(key)?.Name ?? key;

            if (observed(i) is { } r)
            {
                var rate = Math.Clamp((1 - share) * r + share * prior, 1e-5, 1 - 1e-5);
                var when = p.EvidenceObservedOn.Length > 0 ? $", {p.EvidenceObservedOn}" : "";
                var reason = new Reason("observed_interview_rate",
                    $"Invited {Percent(r)} of {typeName} applicants to interview (observed{when}; {name} average {Percent(b)}).",
                    Logit(rate) - Logit(b));
                effects[i] = new ProgramEffect(Logit(rate), rate, r, prior, PBasis.Observed, reason);
            }
            else
            {
                var from = basis.Count == 0 ? $"the {name} average" : $"the {name} average, {string.Join(" and ", basis)}";
                var reason = new Reason("estimated_interview_rate",
                    $"No published interview rate; {Percent(prior)} of {typeName} applicants estimated from {from}.",
                    z - Logit(b));
                effects[i] = new ProgramEffect(z, prior, null, prior, PBasis.Estimated, reason);
            }
        }
        return effects;
    }

    /// <summary>The NRMP institution: the first four digits of the program code.</summary>
    public static string? InstitutionOf(CatalogProgram p) =>
        p.ProgramCode.Length >= 4 && char.IsAsciiDigit(p.ProgramCode[0]) ? p.ProgramCode[..4] : null;

    public static string Percent(double rate) =>
        rate <= 0 ? "0%" : rate < 0.01 ? "<1%" : (rate * 100).ToString(rate < 0.1 ? "0.#" : "0", CultureInfo.InvariantCulture) + "%";
}
