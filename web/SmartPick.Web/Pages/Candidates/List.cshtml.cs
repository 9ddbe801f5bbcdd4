using SmartPick.Advising.Lists;
using System.Globalization;
using System.Text;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MiniExcelLibs;
using SmartPick.Advising.CandidateFiles;
using SmartPick.Advising.Queries;
using SmartPick.Advising.Views;
using SmartPick.Catalog.Sheet;
using SmartPick.Contracts;
using SmartPick.Matching;
using SmartPick.Matching.Model;
using SmartPick.Web.Pages.Shared;

namespace SmartPick.Web.Pages.Candidates;

/// <summary>
/// The candidate's current ranked list as recorded (tiers, probabilities, reasons, the curve and the
/// recommended number, what changed since the previous list), plus the live parts the record does not keep:
/// excluded programs by name and the what-if panel. Export as CSV or Excel.
/// </summary>
[Authorize(Policy = SmartPickPolicies.Staff)]
public sealed class ListModel(IDocumentStore store, FileRanking ranking, CandidateFilePages writes) : PageModel
{
    public FormErrors Errors { get; private set; } = new();
    public StrategyForm Strategy { get; private set; } = new();
    /// <summary>Set after the advisor's choices were recorded: the list is being recomputed.</summary>
    [BindProperty(SupportsGet = true)] public bool Chosen { get; set; }

    public CandidateProfileView Profile { get; private set; } = null!;
    public CurrentList List { get; private set; } = null!;
    public RankResult? Live { get; private set; }
    public WhatIfResult? WhatIf { get; private set; }
    /// <summary>What the catalog says of the listed programs (visas, evidence).</summary>
    public ProgramFacts? Facts { get; private set; }
    /// <summary>An earlier list to show instead of the current one (its number); null for the current list.</summary>
    [BindProperty(SupportsGet = true)] public int? Number { get; set; }
    /// <summary>Whether the page shows an earlier list: recorded content only, without the live panels.</summary>
    public bool Earlier { get; private set; }
    /// <summary>Every list of the file, oldest first.</summary>
    public IReadOnlyList<ListHistoryEntry> History { get; private set; } = [];
    /// <summary>The number of the current list.</summary>
    public int CurrentNumber { get; private set; }
    /// <summary>The reader's filters and order for the programs.</summary>
    [BindProperty(SupportsGet = true)] public ListFilter Filter { get; set; } = new();

    [BindProperty(SupportsGet = true)] public bool AddUsce { get; set; }
    [BindProperty(SupportsGet = true)] public bool PassStep3 { get; set; }
    [BindProperty(SupportsGet = true)] public bool AddLetters { get; set; }
    [BindProperty(SupportsGet = true)] public bool WaitYear { get; set; }
    public bool AskedWhatIf => AddUsce || PassStep3 || AddLetters || WaitYear;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await using var session = store.QuerySession(User.Tenant());
        if (!await LoadAsync(session, id, ct)) return NotFound();
        Strategy = StrategyForm.Of(Profile.Strategy);
        await RankLiveAsync(session, ct);
        return Page();
    }

    /// <summary>The advisor's choices for signals and divisions: recorded in the file, the list recomputed with them.</summary>
    public async Task<IActionResult> OnPostStrategyAsync(Guid id, StrategyForm strategy, CancellationToken ct)
    {
        Strategy = strategy;
        var command = strategy.ToCommand(Errors);
        if (!Errors.Any)
        {
            var outcome = await writes.AppendAsync(HttpContext, id, command);
            if (outcome is FileOutcome.NotFound) return NotFound();
            if (outcome is FileOutcome.Accepted) return Redirect($"/candidates/{id}/list?chosen=true#plan-heading");
            Response.StatusCode = Errors.Take(outcome, FileForms.FieldOf("strategy"));
        }
        else
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        await using var session = store.QuerySession(User.Tenant());
        if (!await LoadAsync(session, id, ct)) return NotFound();
        await RankLiveAsync(session, ct);
        return Page();
    }

    private async Task RankLiveAsync(IQuerySession session, CancellationToken ct)
    {
        var (profile, catalog, options) = await ranking.InputsAsync(session, Profile, ct);
        Facts = new ProgramFacts(catalog);
        Live = MatchingEngine.Rank(profile, catalog, options);
        if (AskedWhatIf) WhatIf = MatchingEngine.WhatIf(profile, Changes(profile), catalog, options);
    }

    /// <summary>The recorded list as a file: CSV (formula-guarded) or an Excel workbook.</summary>
    public async Task<IActionResult> OnGetExportAsync(Guid id, string? format, CancellationToken ct)
    {
        await using var session = store.QuerySession(User.Tenant());
        if (!await LoadAsync(session, id, ct)) return NotFound();
        // Each application's ERAS fee, counted per specialty in list order, with the season's schedule the plan used.
        var fees = SmartPick.Matching.Model.SeasonFactsTable.For(List.Plan?.FeeSchedule).Fees;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = List.Programs.Select((p, i) =>
        {
            var nth = counts[p.Specialty] = counts.GetValueOrDefault(p.Specialty) + 1;
            return new ExportRow(i + 1, p.ProgramCode, p.ProgramName, p.State, Display.Specialty(p.Specialty),
                p.Tier.ToString(), Math.Round(p.P, 4),
                p.Signal switch { SmartPick.Matching.Model.SignalKind.Gold => "gold", SmartPick.Matching.Model.SignalKind.Silver => "silver", _ => "" },
                p.InNamedRegion ? "yes" : "", fees.ErasOfNth(nth),
                string.Join("; ", p.Reasons.Select(r => $"{Display.Words(r.Code)} ({Display.Signed(r.Weight)})")));
        }).ToList();
        var name = $"smartpick-list-{Slug(Profile.Name)}-{List.Number}";
        var about = About();
        if (string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase))
        {
            using var stream = new MemoryStream();
            var sheets = new Dictionary<string, object>
            {
                ["list"] = rows.Select(r => r.Guarded()),
                ["about"] = about.Select(a => new { field = a.Field, value = FormulaGuard.Guard(a.Value) }),
            };
            await stream.SaveAsAsync(sheets, cancellationToken: ct);
            return File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
        }
        var csv = new StringBuilder();
        foreach (var (field, value) in about) csv.Append(Cell(FormulaGuard.Guard(field))).Append(',').Append(Cell(FormulaGuard.Guard(value))).Append("\r\n");
        csv.Append("\r\n").Append(Csv(rows));
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", name + ".csv");
    }

    private async Task<bool> LoadAsync(IQuerySession session, Guid id, CancellationToken ct)
    {
        var profile = await session.LoadAsync<CandidateProfileView>(id, ct);
        var list = await session.LatestAsync<CurrentList>(id, ct);
        if (profile is null || list is null) return false;
        CurrentNumber = list.Number;
        History = (await session.LatestAsync<ListHistory>(id, ct))?.Entries ?? [];
        if (Number is { } number && number != list.Number)
        {
            // An earlier list that the file does not have is as absent as a file that is not the caller's.
            if (await CandidateReads.ListNumberAsync(session, id, number, ct) is not { Status: ListStatus.Ready } earlier) return false;
            (list, Earlier) = (earlier, true);
        }
        (Profile, List) = (profile, list);
        return true;
    }

    /// <summary>
    /// The header block of an export: whose list, which one and when, its chance and size, and the versions that
    /// make it reproducible. A blank line separates it from the table in CSV; in Excel it is the "about" sheet.
    /// </summary>
    private List<(string Field, string Value)> About() =>
    [
        ("candidate", Profile.Name),
        ("list", List.Number.ToString(CultureInfo.InvariantCulture)),
        ("computed", List.GeneratedAt is { } at ? at.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : ""),
        ("estimated chance of matching", List.PMatch is { } p ? Math.Round(p, 4).ToString(CultureInfo.InvariantCulture) : ""),
        ("recommended applications", List.RecommendedApplications.ToString(CultureInfo.InvariantCulture)),
        ("eligible programs", List.EligibleCount.ToString(CultureInfo.InvariantCulture)),
        ("engine version", List.Versions?.Engine ?? ""),
        ("parameters version", List.Versions?.Parameters ?? ""),
        ("catalog version", List.Versions?.Catalog ?? ""),
    ];

    private List<ProfileChange> Changes(CandidateProfile profile)
    {
        var changes = new List<ProfileChange>();
        if (AddUsce) changes.Add(new ProfileChange.AddHandsOnUsce(3, profile.TargetSpecialties.FirstOrDefault()));
        if (PassStep3) changes.Add(new ProfileChange.PassStep3());
        if (AddLetters) changes.Add(new ProfileChange.AddUsLetters(2));
        if (WaitYear) changes.Add(new ProfileChange.WaitOneYear());
        return changes;
    }

    private static string Csv(IEnumerable<ExportRow> rows)
    {
        var sb = new StringBuilder("rank,program_code,program_name,state,specialty,tier,interview_probability,signal,named_region,eras_fee_usd,reasons\r\n");
        foreach (var r in rows.Select(r => r.Guarded()))
        {
            sb.Append(CultureInfo.InvariantCulture, $"{r.Rank},{Cell(r.ProgramCode)},{Cell(r.ProgramName)},{Cell(r.State)},{Cell(r.Specialty)},{r.Tier},{r.InterviewProbability.ToString(CultureInfo.InvariantCulture)},{r.Signal},{r.NamedRegion},{r.ErasFeeUsd.ToString(CultureInfo.InvariantCulture)},{Cell(r.Reasons)}\r\n");
        }
        return sb.ToString();
    }

    private static string Cell(string text) => text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;

    private static string Slug(string name) => new(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());

    /// <summary>One exported row; text cells are guarded so a spreadsheet never runs a name as a formula.</summary>
    public sealed record ExportRow(int Rank, string ProgramCode, string ProgramName, string State, string Specialty, string Tier, double InterviewProbability,
        string Signal, string NamedRegion, decimal ErasFeeUsd, string Reasons)
    {
        public ExportRow Guarded() => this with
        {
            ProgramCode = FormulaGuard.Guard(ProgramCode), ProgramName = FormulaGuard.Guard(ProgramName),
            State = FormulaGuard.Guard(State), Reasons = FormulaGuard.Guard(Reasons),
        };
    }
}
