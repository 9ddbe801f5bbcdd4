using SmartPick.Matching.Model;
using SmartPick.Matching.Parameters;
using SmartPick.Matching.Stages;

namespace SmartPick.Matching.Strategy;

/// <summary>
/// Signals, geographic preferences and money (docs/matching.md, "Strategy"). The calibrated rates are those of an
/// average applicant, who signalled some of their programs and named some divisions; so every program's logit is
/// first taken back to "no signal, outside a named division" (minus log(1 − f + f·OR) for the average share f), and
/// the plan then adds a signal's or a division's log odds ratio where it places them. Signals go where they add the
/// most P(match): Σ_nodes w·g(node)·Δp(node), with g the value of one more interview given the list (not at programs
/// already likely, where Δp is small, nor at programs that never interview the candidate's type). Divisions are
/// named by the same measure summed over the listed programs in them. Across several target specialties the list
/// is filled by chance per dollar, so a second specialty's cheaper first programs are taken when they buy more.
/// </summary>
internal static class StrategyPlanner
{
    /// <summary>Most applications a dollar budget alone can ask for (the curve's length).</summary>
    public const int MaxApplicationsForDollars = 400;

    internal sealed record Result(
        int[] Order,
        SignalKind?[] Signal,
        bool[] InRegion,
        ListOptimizer.Plan Optimized,
        StrategyPlan Plan,
        double[] MarginalP);

    /// <summary>
    /// P(match) of a list of <paramref name="n"/> applications for a changed profile (the rebuild outlook), placed the
    /// way <paramref name="like"/> was: the same divisions named, the signals at the best programs by logit (where a
    /// weak profile's signals go anyway). A fraction of <see cref="Plan"/>'s cost: no values, one optimizer pass.
    /// </summary>
    public static double PMatchLike(double[] bestFirstLogits, int[] positions, string[] keys, Catalog catalog, ParameterSet ps, SeasonFacts facts,
        MatchCurve curve, int n, StrategyPlan like)
    {
        var m = bestFirstLogits.Length;
        if (m == 0 || n == 0) return 0;
        var signalEffects = SignalEffects.For(catalog, ps);
        var geo = Math.Log(ps.GeographicPreferenceOddsRatio.Value);
        var goldMultiple = ps.GoldSignalLogOddsMultiple.Value;
        Span<bool> named = stackalloc bool[CensusDivisions.All.Count];
        foreach (var r in like.Regions) named[IndexOfDivision(r.Key)] = true;
        var used = new Dictionary<string, (int Gold, int Silver)>(StringComparer.Ordinal);
        var z = new double[m];
        for (var i = 0; i < m; i++)
        {
            var key = keys[i];
            var position = positions[i];
            var division = signalEffects.Division[position];
            var silver = signalEffects.LogOdds[position];
            var allowance = facts.SignalsFor(key);
            var back = Back(key, position, facts, signalEffects, ps) - (division >= 0 && named[division] ? geo : 0);
            if (allowance.Total > 0)
            {
                // Scored programs are best first: the first ones of each specialty take its signals, gold first.
                var (g, s) = used.GetValueOrDefault(key);
                if (g < allowance.Gold) { back -= goldMultiple * silver; g++; }
                else if (s < allowance.Silver) { back -= silver; s++; }
                used[key] = (g, s);
            }
            z[i] = bestFirstLogits[i] - back;
        }
        Array.Sort(z);
        Array.Reverse(z);
        var plan = ListOptimizer.Optimize(z, n, ps, curve);
        return plan.Curve.Count == 0 ? 0 : plan.Curve[^1].PMatch;
    }

    public static Result Plan(MatchingEngine.Scored scored, Catalog catalog, CandidateProfile profile, ParameterSet ps,
        SeasonFacts facts, MatchCurve curve, int budgetApplications, decimal? budgetDollars, StrategyChoices choices)
    {
        var m = scored.Logits.Length;
        var sd = ps.RandomEffectSd.Value;
        var signalEffects = SignalEffects.For(catalog, ps);
        var geo = Math.Log(ps.GeographicPreferenceOddsRatio.Value);
        var goldMultiple = ps.GoldSignalLogOddsMultiple.Value;

        // Back to "no signal, outside a named division".
        var z = new double[m];
        var division = new int[m];
        var silver = new double[m];
        var keys = new string[m];
        for (var i = 0; i < m; i++)
        {
            var key = scored.Programs[i].SpecialtyKey;
            var position = scored.Positions[i];
            keys[i] = key;
            division[i] = signalEffects.Division[position];
            silver[i] = signalEffects.LogOdds[position];
            z[i] = scored.Logits[i] - Back(key, position, facts, signalEffects, ps);
        }

        var specialties = DistinctInOrder(keys);
        var dollarsCap = budgetDollars is { } d ? d : (decimal?)null;
        var cap = dollarsCap is null ? budgetApplications : Math.Min(budgetApplications, MaxApplicationsForDollars);

        // The list without signals or divisions: its recommended length and the value of one more interview there.
        var noSignal = new SignalKind?[m];
        var baseOrder = OrderByValuePerDollar(z, keys, noSignal, specialties, facts.Fees);
        var baseCap = Math.Min(cap, Affordable(baseOrder, keys, facts.Fees, dollarsCap));
        var baseLogits = Gather(z, baseOrder);
        var values = new List<double[]>();
        var basePlan = ListOptimizer.Optimize(baseLogits, baseCap, ps, curve, values);
        var n0 = Math.Max(1, basePlan.RecommendedApplications);
        var atN0 = basePlan.Curve.Count == 0 ? -1 : IndexOfPoint(basePlan.Curve, n0);
        // No curve (nothing eligible, or no money for one application): nothing to value, so nothing is placed.
        var g = atN0 >= 0 ? values[atN0] : new double[GaussHermite.Nodes.Length];
        Span<double> factors = stackalloc double[GaussHermite.Nodes.Length];
        ListOptimizer.NodeFactors(sd, factors);
        var f9 = factors.ToArray();
        var displaced = n0 < baseLogits.Length ? baseLogits[n0 - 1] : double.NegativeInfinity;
        var rankInBase = new int[m];
        for (var r = 0; r < baseOrder.Length; r++) rankInBase[baseOrder[r]] = r;

        // Divisions: pinned first, then by the P(match) they add over the listed programs, up to the season's number.
        var regionGain = new double[CensusDivisions.All.Count];
        for (var r = 0; r < Math.Min(n0, baseOrder.Length); r++)
        {
            var i = baseOrder[r];
            if (division[i] < 0) continue;
            regionGain[division[i]] += Value(z[i], geo, g, f9);
        }
        var forbiddenRegions = new HashSet<string>(choices.ForbiddenRegions, StringComparer.Ordinal);
        var named = new List<(int Index, bool Pinned)>();
        foreach (var key in choices.PinnedRegions)
        {
            var idx = IndexOfDivision(key);
            if (idx >= 0 && named.Count < facts.MaxRegions && !named.Exists(x => x.Index == idx)) named.Add((idx, true));
        }
        foreach (var idx in Enumerable.Range(0, regionGain.Length).OrderByDescending(x => regionGain[x]).ThenBy(x => x))
        {
            if (named.Count >= facts.MaxRegions) break;
            if (regionGain[idx] <= 0 || forbiddenRegions.Contains(CensusDivisions.All[idx].Key) || named.Exists(x => x.Index == idx)) continue;
            named.Add((idx, false));
        }
        var inRegion = new bool[m];
        var z1 = new double[m];
        for (var i = 0; i < m; i++)
        {
            inRegion[i] = division[i] >= 0 && named.Exists(x => x.Index == division[i]);
            z1[i] = z[i] + (inRegion[i] ? geo : 0);
        }

        // Signals, specialty by specialty: pinned first, then gold where it adds most, then silver.
        var signal = new SignalKind?[m];
        var gain = new double[m];
        var pinnedSignal = new bool[m];
        var forbiddenSignals = new HashSet<string>(choices.ForbiddenSignals, StringComparer.Ordinal);
        var pinnedByCode = new Dictionary<string, PinnedSignal>(StringComparer.Ordinal);
        foreach (var pin in choices.PinnedSignals) pinnedByCode.TryAdd(pin.ProgramCode, pin);
        foreach (var key in specialties)
        {
            var allowance = facts.SignalsFor(key);
            if (allowance.Total == 0) continue;
            var gold = allowance.Gold;
            var silverLeft = allowance.Silver;
            // In the order of the list without signals, which is where signals can matter.
            var candidates = new List<int>();
            foreach (var i in baseOrder)
                if (keys[i] == key && (forbiddenSignals.Count == 0 || !forbiddenSignals.Contains(scored.Programs[i].Program.ProgramCode))) candidates.Add(i);
            foreach (var i in pinnedByCode.Count == 0 ? [] : candidates)
            {
                if (!pinnedByCode.TryGetValue(scored.Programs[i].Program.ProgramCode, out var pin)) continue;
                var kind = pin.Kind ?? (gold > 0 ? SignalKind.Gold : SignalKind.Silver);
                if (kind == SignalKind.Gold && gold == 0) kind = SignalKind.Silver;
                if (kind == SignalKind.Silver && silverLeft == 0)
                {
                    if (gold == 0) continue;
                    kind = SignalKind.Gold;
                }
                if (kind == SignalKind.Gold) gold--; else silverLeft--;
                signal[i] = kind;
                pinnedSignal[i] = true;
            }
            // Only the best-placed programs can be worth a signal: those in the list and a margin beyond it.
            var consider = Math.Min(candidates.Count, n0 + 3 * allowance.Total);
            double SignalValue(int i, double lor) => rankInBase[i] < n0
                ? Value(z1[i], lor, g, f9)
                : Math.Max(0, Worth(z1[i] + lor, g, f9) - Worth(displaced, g, f9));
            Pick(SignalKind.Gold, gold, goldMultiple);
            Pick(SignalKind.Silver, silverLeft, 1);

            void Pick(SignalKind kind, int count, double multiple)
            {
                if (count <= 0) return;
                var best = new List<(int I, double V)>(consider);
                for (var c = 0; c < consider; c++)
                {
                    var i = candidates[c];
                    if (signal[i] is not null) continue;
                    var v = SignalValue(i, multiple * silver[i]);
                    if (v > 1e-6) best.Add((i, v));
                }
                best.Sort((a, b) => b.V != a.V ? b.V.CompareTo(a.V) : a.I.CompareTo(b.I));
                for (var k = 0; k < Math.Min(count, best.Count); k++) signal[best[k].I] = kind;
            }
        }
        var zf = new double[m];
        for (var i = 0; i < m; i++)
        {
            zf[i] = z1[i] + (signal[i] switch { SignalKind.Gold => goldMultiple * silver[i], SignalKind.Silver => silver[i], _ => 0 });
            if (signal[i] is { } kind) gain[i] = SignalValueFinal(i, kind);
        }
        double SignalValueFinal(int i, SignalKind kind)
        {
            var lor = (kind == SignalKind.Gold ? goldMultiple : 1) * silver[i];
            return rankInBase[i] < n0 ? Value(z1[i], lor, g, f9) : Math.Max(0, Worth(z1[i] + lor, g, f9) - Worth(displaced, g, f9));
        }

        // The list: signalled programs first (one applies where one signals), then by chance per dollar.
        var order = OrderByValuePerDollar(zf, keys, signal, specialties, facts.Fees);
        var affordable = Affordable(order, keys, facts.Fees, dollarsCap);
        var finalCap = Math.Min(cap, affordable);
        var logits = Gather(zf, order);
        var optimized = ListOptimizer.Optimize(logits, finalCap, ps, curve);

        var marginal = new double[m];
        for (var i = 0; i < m; i++) marginal[i] = ListOptimizer.MarginalP(zf[i], sd);

        // Signals beyond the recommended list are not sent: one signals only programs one applies to.
        var listed = optimized.RecommendedApplications;
        var signals = new List<SignalPlacement>();
        var regionsListed = new int[CensusDivisions.All.Count];
        for (var r = 0; r < order.Length; r++)
        {
            var i = order[r];
            if (r >= listed) { signal[i] = null; continue; }
            if (inRegion[i]) regionsListed[division[i]]++;
            if (signal[i] is not { } kind) continue;
            var program = scored.Programs[i].Program;
            signals.Add(new SignalPlacement(program.ProgramCode, program.ProgramName, keys[i], kind,
                ListOptimizer.MarginalP(z1[i], sd), marginal[i], gain[i], pinnedSignal[i], signalEffects.Observed[scored.Positions[i]]));
        }
        for (var i = 0; i < m; i++)
            if (signal[i] is null && zf[i] != z1[i]) { zf[i] = z1[i]; marginal[i] = ListOptimizer.MarginalP(zf[i], sd); }
        var regions = named.Select(x => new RegionChoice(CensusDivisions.All[x.Index].Key, CensusDivisions.All[x.Index].Name,
            regionsListed[x.Index], regionGain[x.Index], x.Pinned)).ToList();

        // Money: the curve against dollars and the recommended list's price.
        var curveCosts = new List<CurveCost>(optimized.Curve.Count);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        double expected = 0;
        var at = 0;
        foreach (var point in optimized.Curve)
        {
            for (; at < point.N; at++)
            {
                var i = order[at];
                counts[keys[i]] = counts.GetValueOrDefault(keys[i]) + 1;
                expected += marginal[i];
            }
            curveCosts.Add(new CurveCost(point.N, CostOf(counts, expected, facts.Fees).Total, point.PMatch));
        }
        counts.Clear();
        expected = 0;
        for (var r = 0; r < listed; r++)
        {
            var i = order[r];
            counts[keys[i]] = counts.GetValueOrDefault(keys[i]) + 1;
            expected += marginal[i];
        }
        var cost = listed == 0 ? new ListCost(0, 0, 0, 0, 0) : CostOf(counts, expected, facts.Fees);
        var bySpecialty = specialties.Select(s => new SpecialtyApplications(s, counts.GetValueOrDefault(s), facts.Fees.ErasFor(counts.GetValueOrDefault(s))))
            .Where(s => s.Applications > 0).ToList();

        var plan = new StrategyPlan(cost, bySpecialty, signals, regions, facts.Season, curveCosts, budgetDollars,
            dollarsCap is null ? null : affordable);
        return new Result(order, signal, inRegion, optimized, plan, marginal);
    }

    /// <summary>
    /// What the calibrated rate at a program already holds of the average applicant's signals and geographic
    /// preferences: log(1 − f + f·OR) for each, f the average applicant's share of signalled programs (of the 129
    /// applications) and of programs in named divisions. Subtracting it leaves "no signal, outside a named division".
    /// A season without geographic preferences has nothing of them in its rates.
    /// </summary>
    private static double Back(string specialtyKey, int position, SeasonFacts facts, SignalEffects effects, ParameterSet ps)
    {
        var back = 0.0;
        if (facts.MaxRegions > 0 && effects.Division[position] >= 0)
        {
            var share = Math.Clamp(ps.TypicalShareInNamedDivisions.Value, 0, 1);
            back += Math.Log(1 - share + share * ps.GeographicPreferenceOddsRatio.Value);
        }
        var allowance = facts.SignalsFor(specialtyKey);
        return allowance.Total == 0 ? back : back + effects.Back(allowance)[position];
    }

    /// <summary>ERAS by specialty, token and transcript once, NRMP for the expected rank list (at least one rank).</summary>
    internal static ListCost CostOf(IReadOnlyDictionary<string, int> applicationsBySpecialty, double expectedInterviews, FeeSchedule fees)
    {
        decimal eras = 0;
        foreach (var (_, n) in applicationsBySpecialty) eras += fees.ErasFor(n);
        var ranks = Math.Max(1, (int)Math.Round(expectedInterviews));
        return new ListCost(eras, fees.Token, fees.Transcript, fees.NrmpFor(ranks), ranks);
    }

    /// <summary>How many applications of <paramref name="order"/> the dollars pay for, with the token, the transcript and the NRMP registration.</summary>
    private static int Affordable(int[] order, string[] keys, FeeSchedule fees, decimal? dollars)
    {
        if (dollars is not { } d) return order.Length;
        var spent = fees.Token + fees.Transcript + fees.NrmpFor(1);
        if (spent > d) return 0;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var r = 0; r < order.Length; r++)
        {
            var key = keys[order[r]];
            var nth = counts.GetValueOrDefault(key) + 1;
            var next = fees.ErasOfNth(nth);
            if (spent + next > d) return r;
            spent += next;
            counts[key] = nth;
        }
        return order.Length;
    }

    /// <summary>
    /// Signalled programs first, best first; then, with one specialty, by logit; with several, the program whose
    /// interview chance per dollar of its ERAS fee is highest next (each specialty's fee bands counted apart).
    /// </summary>
    private static int[] OrderByValuePerDollar(double[] z, string[] keys, SignalKind?[] signal, IReadOnlyList<string> specialties, FeeSchedule fees)
    {
        var m = z.Length;
        var order = new int[m];
        var sortKeys = new double[m];
        for (var i = 0; i < m; i++)
        {
            order[i] = i;
            // Best first; signalled programs ahead of all others (logits are far inside ±1e6).
            sortKeys[i] = -z[i] - (signal[i] is null ? 0 : 1e6);
        }
        Array.Sort(sortKeys, order);
        if (specialties.Count < 2) return order;

        var signalled = 0;
        while (signalled < m && signal[order[signalled]] is not null) signalled++;
        var queues = specialties.ToDictionary(s => s, _ => new Queue<int>(), StringComparer.Ordinal);
        var counts = specialties.ToDictionary(s => s, _ => 0, StringComparer.Ordinal);
        for (var r = 0; r < m; r++)
        {
            var i = order[r];
            if (r < signalled) counts[keys[i]]++;
            else queues[keys[i]].Enqueue(i);
        }
        var merged = new int[m];
        Array.Copy(order, merged, signalled);
        for (var r = signalled; r < m; r++)
        {
            string? best = null;
            var bestValue = double.NegativeInfinity;
            foreach (var s in specialties)
            {
                if (queues[s].Count == 0) continue;
                var price = (double)Math.Max(1m, fees.ErasOfNth(counts[s] + 1));
                var value = ListOptimizer.Sigmoid(z[queues[s].Peek()]) / price;
                if (value > bestValue) { bestValue = value; best = s; }
            }
            var next = queues[best!].Dequeue();
            counts[best!]++;
            merged[r] = next;
        }
        return merged;
    }

    /// <summary>Σ_nodes w·g·(σ(z + δ + σ·x) − σ(z + σ·x)): what adding δ to a listed program's logit adds to P(match), to first order.</summary>
    private static double Value(double z, double delta, double[] g, double[] factors)
    {
        var weights = GaussHermite.Weights;
        var e = Math.Exp(-z);
        var ed = e * Math.Exp(-delta);
        double v = 0;
        for (var j = 0; j < weights.Length; j++)
            v += weights[j] * g[j] * (1.0 / (1.0 + ed * factors[j]) - 1.0 / (1.0 + e * factors[j]));
        return v;
    }

    /// <summary>Σ_nodes w·g·σ(z + σ·x): a program's own worth to the list, to first order.</summary>
    private static double Worth(double z, double[] g, double[] factors)
    {
        if (double.IsNegativeInfinity(z)) return 0;
        var weights = GaussHermite.Weights;
        var e = Math.Exp(-z);
        double v = 0;
        for (var j = 0; j < weights.Length; j++) v += weights[j] * g[j] / (1.0 + e * factors[j]);
        return v;
    }

    private static int IndexOfPoint(IReadOnlyList<CurvePoint> curve, int n)
    {
        for (var i = 0; i < curve.Count; i++)
            if (curve[i].N == n) return i;
        return -1;
    }

    private static double[] Gather(double[] values, int[] order)
    {
        var result = new double[order.Length];
        for (var r = 0; r < order.Length; r++) result[r] = values[order[r]];
        return result;
    }

    private static List<string> DistinctInOrder(string[] keys)
    {
        var list = new List<string>(2);
        foreach (var k in keys)
            if (!list.Contains(k)) list.Add(k);
        return list;
    }

    private static int IndexOfDivision(string key)
    {
        for (var i = 0; i < CensusDivisions.All.Count; i++)
            if (CensusDivisions.All[i].Key == key) return i;
        return -1;
    }
}
