using SmartPick.Advising.Lists;
using SmartPick.Matching.Model;

namespace SmartPick.Web.Pages.Shared;

/// <summary>One reason shown in a program's details: a plain sentence and whether it helps or hurts the chance.</summary>
public sealed record ReasonLine(string Text, bool Helps);

/// <summary>
/// One ranked program as the pages show it, from the engine's result or from a recorded list: its place, where it
/// is, whether its interview rate was observed, which visas it says it sponsors, its chance and tier, the signal
/// the plan sends it ("gold", "silver" or null), whether it lies in a named census division, and the reasons that
/// are its own (the candidate's own facts, the same for every program, are said once above the table).
/// </summary>
public sealed record RankedRow(int Rank, string Code, string Name, string State, double P, Tier Tier, IReadOnlyList<ReasonLine> Reasons,
    string? Signal = null, bool InNamedRegion = false, bool Observed = false, string Visa = "")
{
    public static RankedRow Of(RankedProgram p, int index) => Of(p, index, null);

    public static RankedRow Of(RankedProgram p, int index, ProgramFacts? facts) => new(index + 1, p.ProgramCode, p.ProgramName, p.State, p.P, p.Tier,
        ReasonWords.Lines(p.Reasons.Select(r => (r.Code, (string?)r.Message, r.Weight)), aboutTheCandidate: false),
        SignalName(p.Signal), p.InNamedRegion, p.Basis == PBasis.Observed, facts?.Visa(p.ProgramCode) ?? "");

    public static RankedRow Of(ListedProgram p, int index) => Of(p, index, null);

    public static RankedRow Of(ListedProgram p, int index, ProgramFacts? facts) => new(index + 1, p.ProgramCode, p.ProgramName, p.State, p.P, p.Tier,
        ReasonWords.Lines(p.Reasons.Select(r => (r.Code, r.Message, r.Weight)), aboutTheCandidate: false),
        SignalName(p.Signal), p.InNamedRegion,
        p.Reasons.Any(r => r.Code == "observed_interview_rate") || facts?.Observed(p.ProgramCode) == true, facts?.Visa(p.ProgramCode) ?? "");

    private static string? SignalName(SignalKind? kind) => kind switch
    {
        SignalKind.Gold => "gold",
        SignalKind.Silver => "silver",
        _ => null,
    };
}

/// <summary>What the catalog says of the listed programs that a recorded list does not keep: visas and evidence.</summary>
public sealed class ProgramFacts(SmartPick.Matching.Model.Catalog catalog)
{
    private readonly Dictionary<string, CatalogProgram> _byCode = catalog.Programs
        .GroupBy(p => p.ProgramCode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    /// <summary>The visas the program says it sponsors: "J-1 and H-1B", "J-1", "H-1B", "none", or "not stated".</summary>
    public string Visa(string code)
    {
        if (!_byCode.TryGetValue(code, out var p)) return "";
        return (p.VisaJ1, p.VisaH1b) switch
        {
            (Tristate.Yes, Tristate.Yes) => "J-1 and H-1B",
            (Tristate.Yes, _) => "J-1",
            (_, Tristate.Yes) => "H-1B",
            (Tristate.No, Tristate.No) => "none",
            _ => "not stated",
        };
    }

    public bool Observed(string code) => _byCode.TryGetValue(code, out var p) && p.NonUsImgInterviewRate is not null;

    /// <summary>The program's name, or null when the catalog does not hold the code.</summary>
    public string? Name(string code) => _byCode.TryGetValue(code, out var p) ? p.ProgramName : null;

    /// <summary>A timeline line with each program it names written as "name (code)".</summary>
    public string Timeline(SmartPick.Advising.Views.TimelineEntry entry)
    {
        var text = entry.Summary;
        foreach (var code in entry.Programs ?? [])
            if (Name(code) is { } name)
                text = text.Replace(code, $"{name} ({code})", StringComparison.Ordinal);
        return text;
    }
}

/// <summary>
/// The filters and order a reader chose for a ranked list (query string: state, tier, visa, evidence, sort, all).
/// The first <see cref="FirstShown"/> programs are shown until the reader asks for all or filters.
/// </summary>
public sealed class ListFilter
{
    public const int FirstShown = 20;

    public string? State { get; set; }
    /// <summary>likely, target or reach.</summary>
    public string? Tier { get; set; }
    /// <summary>j1, h1b or any (says it sponsors a visa).</summary>
    public string? Visa { get; set; }
    /// <summary>observed: only programs with a published interview rate.</summary>
    public string? Evidence { get; set; }
    /// <summary>rank (default), chance, state or name.</summary>
    public string? Sort { get; set; }
    public bool All { get; set; }

    public bool Filters => !string.IsNullOrEmpty(State) || !string.IsNullOrEmpty(Tier) || !string.IsNullOrEmpty(Visa) || !string.IsNullOrEmpty(Evidence);

    public IReadOnlyList<RankedRow> Apply(IReadOnlyList<RankedRow> rows)
    {
        IEnumerable<RankedRow> q = rows;
        if (!string.IsNullOrEmpty(State)) q = q.Where(r => string.Equals(r.State, State, StringComparison.OrdinalIgnoreCase));
        if (Enum.TryParse<Tier>(Tier, ignoreCase: true, out var tier)) q = q.Where(r => r.Tier == tier);
        q = Visa switch
        {
            "j1" => q.Where(r => r.Visa.Contains("J-1", StringComparison.Ordinal)),
            "h1b" => q.Where(r => r.Visa.Contains("H-1B", StringComparison.Ordinal)),
            "any" => q.Where(r => r.Visa.Contains('-')),
            _ => q,
        };
        if (Evidence == "observed") q = q.Where(r => r.Observed);
        q = Sort switch
        {
            "chance" => q.OrderByDescending(r => r.P).ThenBy(r => r.Rank),
            "state" => q.OrderBy(r => r.State, StringComparer.Ordinal).ThenBy(r => r.Rank),
            "name" => q.OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Rank),
            _ => q,
        };
        return q.ToList();
    }

    /// <summary>The query string of these choices with one of them changed.</summary>
    public string Query(string? sort = null, bool? all = null)
    {
        var parts = new List<string>();
        void Add(string key, string? value) { if (!string.IsNullOrEmpty(value)) parts.Add($"{key}={Uri.EscapeDataString(value)}"); }
        Add("state", State); Add("tier", Tier); Add("visa", Visa); Add("evidence", Evidence);
        Add("sort", sort ?? Sort);
        if (all ?? All) parts.Add("all=true");
        return parts.Count == 0 ? "?" : "?" + string.Join("&", parts);
    }
}

/// <summary>
/// A ranked list as a page shows it. <paramref name="Path"/> is where filters and sorting go (null: a list without
/// them, as on /try); <paramref name="AboutTheCandidate"/> the reasons every program shares, said once.
/// </summary>
public sealed record RankedProgramsModel(IReadOnlyList<RankedRow> Rows, int Total, string Caption = "Ranked programs",
    string? Path = null, ListFilter? Filter = null, IReadOnlyList<ReasonLine>? AboutTheCandidate = null)
{
    public ListFilter Chosen => Filter ?? new ListFilter();

    /// <summary>The rows the filters keep, in the chosen order.</summary>
    public IReadOnlyList<RankedRow> Kept => Chosen.Apply(Rows);

    /// <summary>The rows shown: the kept rows, the first twenty of them unless the reader asked for all or filtered.</summary>
    public IReadOnlyList<RankedRow> Shown => Chosen.All || Chosen.Filters || Path is null ? Kept : Kept.Take(ListFilter.FirstShown).ToList();

    public IReadOnlyList<string> States => Rows.Select(r => r.State).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>The largest chance on the list: the bars are drawn against it.</summary>
    public double MaxP => Rows.Count == 0 ? 1 : Math.Max(0.01, Rows.Max(r => r.P));

    /// <summary>The reasons of the candidate's own facts found on a list's programs (each once), as plain sentences.</summary>
    public static IReadOnlyList<ReasonLine> CandidateReasons(IEnumerable<ListedProgram> programs) =>
        ReasonWords.Lines(programs.SelectMany(p => p.Reasons).Select(r => (r.Code, r.Message, r.Weight)), aboutTheCandidate: true);

    /// <summary>The same from the engine's result, with its own sentences.</summary>
    public static IReadOnlyList<ReasonLine> CandidateReasons(IEnumerable<RankedProgram> programs) =>
        ReasonWords.Lines(programs.Take(50).SelectMany(p => p.Reasons).Select(r => (r.Code, (string?)r.Message, r.Weight)), aboutTheCandidate: true);
}

/// <summary>What the application-plan panel shows: the plan, what would unlock programs, the recommended size and the first target specialty.</summary>
public sealed record ApplicationPlanModel(StrategyPlan Plan, IReadOnlyList<UnlockItem>? Unlock,
    int Recommended, string? Specialty);
