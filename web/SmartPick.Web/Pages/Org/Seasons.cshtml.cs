using System.Globalization;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartPick.Advising.CandidateFiles;
using SmartPick.Advising.Seasons;
using SmartPick.Contracts;
using SmartPick.Matching.Model;
using SmartPick.Web.Pages.Shared;
using Wolverine;
using Wolverine.Marten.Publishing;

namespace SmartPick.Web.Pages.Org;

/// <summary>One input of the season form: its field name (as the API names it), label and value as typed.</summary>
public sealed record SeasonField(string Name, string Label, string? Value);

/// <summary>One ERAS band row of the form.</summary>
public sealed record BandRow(int Row, SeasonField UpTo, SeasonField Price, string FlatName, bool Flat);

/// <summary>One specialty's signal inputs.</summary>
public sealed record SignalRow(string Specialty, SeasonField Gold, SeasonField Silver);

/// <summary>
/// The agency's season table: every season's fees and signal counts, one season's form, its history, and putting it
/// back to the published figures. Saves through the advising module's own functions (<c>/api/org/seasons</c>), so the
/// page and the API refuse the same things with the same words.
/// </summary>
[Authorize(Policy = SmartPickPolicies.OrgAdmin)]
public sealed class SeasonsModel(IDocumentStore store, OutboxedSessionFactory sessions, IMessageBus bus, TimeProvider clock) : PageModel
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The fee inputs after the bands, by API field name.</summary>
    public static readonly IReadOnlyList<(string Name, string Label, string Hint)> FeeFields =
    [
        ("fees.token", "ECFMG token (once a season)", "US dollars."),
        ("fees.transcript", "USMLE transcript (once a season)", "US dollars."),
        ("fees.nrmp_registration", "NRMP registration", "US dollars, includes the ranks below."),
        ("fees.nrmp_included_ranks", "Ranks included in the NRMP registration", "A number of programs."),
        ("fees.nrmp_per_additional_rank", "NRMP fee per further rank", "US dollars."),
        ("fees.nrmp_long_list_above", "Long-list fee applies above this many ranks", "A number of programs."),
        ("fees.nrmp_long_list_fee", "NRMP long-list fee", "US dollars."),
    ];

    private const string MaxRegionsLabel = "Census divisions a candidate may name";
    private const string SourceLabel = "Where these figures come from";

    [BindProperty(SupportsGet = true)] public int? Season { get; set; }

    public SeasonTableAnswer? Table { get; private set; }
    public SeasonAnswer? Shown { get; private set; }
    public SeasonHistory? History { get; private set; }
    public IReadOnlyList<BandRow> Bands { get; private set; } = [];
    public IReadOnlyList<SeasonField> Fees { get; private set; } = [];
    public IReadOnlyList<SignalRow> Signals { get; private set; } = [];
    public SeasonField MaxRegions { get; private set; } = new("max_regions", MaxRegionsLabel, null);
    public SeasonField Source { get; private set; } = new("source", SourceLabel, null);
    public string? ExpectedVersion { get; private set; }
    public FormErrors SeasonErrors { get; private set; } = new();
    public FormErrors Errors { get; private set; } = new();
    public string? Done { get; private set; }

    public int SeasonShown => Season ?? Table?.NextMatchSeason ?? Advising.Seasons.MatchSeasons.Next(clock.GetUtcNow());

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(fillForm: true, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        var errors = new FormErrors();
        var (command, rowOf) = Read(errors);
        if (errors.Any) return await InvalidAsync(errors, StatusCodes.Status400BadRequest, ct);

        var outcome = await WriteAsync((session, stamp) => SeasonWrites.RecordAsync(session, bus, SeasonShown, command, stamp, command.ExpectedVersion, ct));
        if (outcome is not SeasonOutcome.Saved) return await InvalidAsync(ErrorsOf(outcome, rowOf), StatusOf(outcome), ct);
        Done = $"The {SeasonShown} season is saved; the agency's lists are being worked out again with it.";
        await LoadAsync(fillForm: true, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostResetAsync(CancellationToken ct)
    {
        var expected = long.TryParse(Request.Form["expected_version"], NumberStyles.None, Inv, out var v) ? v : (long?)null;
        var outcome = await WriteAsync((session, stamp) => SeasonWrites.ResetAsync(session, bus, SeasonShown, stamp, expected, ct));
        if (outcome is not SeasonOutcome.Saved) return await InvalidAsync(ErrorsOf(outcome, []), StatusOf(outcome), ct);
        Done = $"The {SeasonShown} season is back to the published figures; the agency's own stay in its history.";
        await LoadAsync(fillForm: true, ct);
        return Page();
    }

    /// <summary>"$11" or "$11.50".</summary>
    public static string Money(decimal amount) => "$" + (amount == decimal.Truncate(amount) ? amount.ToString("#,0", Inv) : amount.ToString("#,0.00", Inv));

    /// <summary>The ERAS bands in words: "$11 each for programs 1–30, $30 each from the 31st".</summary>
    public static string BandsInWords(IReadOnlyList<SeasonFeeBand> bands)
    {
        var parts = new List<string>();
        var from = 1;
        foreach (var b in bands)
        {
            var price = b.Flat ? $"{Money(b.Price)} in all" : $"{Money(b.Price)} each";
            parts.Add(b.UpTo is { } upTo ? $"{price} for programs {from}–{upTo}" : $"{price} from program {from} on");
            from = (b.UpTo ?? from) + 1;
        }
        return string.Join(", ", parts);
    }

    public static string InWords(SeasonFactsValues facts) =>
        $"ERAS {BandsInWords(facts.Fees.ErasBands)} (per specialty); token {Money(facts.Fees.Token)}; transcript {Money(facts.Fees.Transcript)}; "
        + $"NRMP {Money(facts.Fees.NrmpRegistration)} with {facts.Fees.NrmpIncludedRanks} ranks, {Money(facts.Fees.NrmpPerAdditionalRank)} per further rank, "
        + $"{Money(facts.Fees.NrmpLongListFee)} above {facts.Fees.NrmpLongListAbove} ranks; up to {facts.MaxRegions} census divisions; "
        + (facts.Signals.Count == 0 ? "no signals." : $"signals in {facts.Signals.Count} specialt{(facts.Signals.Count == 1 ? "y" : "ies")}.");

    private async Task<SeasonOutcome> WriteAsync(Func<IDocumentSession, Stamp, Task<SeasonOutcome>> write)
    {
        // The module publishes the list regeneration on this bus and commits the session itself; an outboxed
        // session stores the message in the same transaction as the events, for the user's tenant.
        bus.TenantId = User.Tenant();
        await using var session = sessions.OpenSession(bus);
        return await write(session, new Stamp(User.Actor(), clock.GetUtcNow()));
    }

    private static int StatusOf(SeasonOutcome outcome) => outcome switch
    {
        SeasonOutcome.Invalid => StatusCodes.Status400BadRequest,
        SeasonOutcome.Stale => StatusCodes.Status412PreconditionFailed,
        _ => StatusCodes.Status409Conflict,
    };

    /// <summary>The form as the API's command; blank band rows and specialties without signals are left out.</summary>
    private (RecordSeasonFacts Command, List<int> RowOf) Read(FormErrors errors)
    {
        string? Text(string name) => Request.Form[name].ToString() is { Length: > 0 } t ? t : null;
        var bands = new List<FeeBandInput?>();
        var rowOf = new List<int>();
        for (var row = 0; row < SeasonInput.MaxBands; row++)
        {
            var name = BandName(row);
            var upToText = Text($"{name}.up_to");
            var priceText = Text($"{name}.price");
            var flat = Request.Form[$"{name}.flat"].ToString() == "true";
            if (string.IsNullOrWhiteSpace(upToText) && string.IsNullOrWhiteSpace(priceText) && !flat) continue;
            bands.Add(new FeeBandInput(FormParse.Int(errors, $"{name}.up_to", upToText, $"Band {row + 1}: up to"),
                FormParse.Dec(errors, $"{name}.price", priceText, $"Band {row + 1}: price"), flat));
            rowOf.Add(row);
        }
        decimal? Dec(string name) => FormParse.Dec(errors, name, Text(name), LabelOf(name) ?? name);
        int? Int(string name) => FormParse.Int(errors, name, Text(name), LabelOf(name) ?? name);
        var fees = new SeasonFeesInput(bands, Dec("fees.token"), Dec("fees.transcript"), Dec("fees.nrmp_registration"),
            Int("fees.nrmp_included_ranks"), Dec("fees.nrmp_per_additional_rank"), Int("fees.nrmp_long_list_above"), Dec("fees.nrmp_long_list_fee"));

        var signals = new Dictionary<string, SignalsInput?>(StringComparer.Ordinal);
        foreach (var s in Specialties.All)
        {
            var gold = Text($"signals.{s.Key}.gold");
            var silver = Text($"signals.{s.Key}.silver");
            if (string.IsNullOrWhiteSpace(gold) && string.IsNullOrWhiteSpace(silver)) continue;
            signals[s.Key] = new SignalsInput(Int($"signals.{s.Key}.gold") ?? 0, Int($"signals.{s.Key}.silver") ?? 0);
        }
        var expected = Text("expected_version") is { } e && long.TryParse(e, NumberStyles.None, Inv, out var v) ? v : (long?)null;
        return (new RecordSeasonFacts(fees, signals, Int("max_regions"), Text("source"), expected), rowOf);
    }

    /// <summary>The module's refusal on the form's fields, in plain words; a band's index is turned back into its form row.</summary>
    private FormErrors ErrorsOf(SeasonOutcome outcome, List<int> rowOf)
    {
        var errors = new FormErrors();
        var refused = outcome is SeasonOutcome.Invalid invalid ? invalid.Errors.ToDictionary() : new Dictionary<string, string[]>();
        foreach (var (path, messages) in refused)
        {
            var field = path;
            if (path.StartsWith("fees.eras_bands[", StringComparison.Ordinal) && path.IndexOf(']') is var close and > 16
                && int.TryParse(path[16..close], NumberStyles.None, Inv, out var index) && index < rowOf.Count)
                field = BandName(rowOf[index]) + path[(close + 1)..];
            foreach (var message in messages)
            {
                if (field == "fees.eras_bands") errors.AddGeneral(FormErrors.Sentence("The ERAS fee bands", message));
                else if (field == "season") errors.AddGeneral(FormErrors.Sentence("The season", message));
                else if (field is "fees" or "signals" or "expected_version" or "if_match" || LabelOf(field) is null) errors.AddGeneral(FormErrors.Sentence(field, message));
                else errors.Add(field, FormErrors.Sentence(LabelOf(field)!, message));
            }
        }
        if (outcome is SeasonOutcome.Stale)
            errors.AddGeneral("Someone else changed this season while you were editing, so nothing was saved. Your values are still in the form: reload the season to see theirs, then make your change again.");
        else if (outcome is SeasonOutcome.Busy)
            errors.AddGeneral("Another change to this season was being recorded at the same moment, so nothing was saved. Your values are still in the form: reload the season, then make your change again.");
        return errors;
    }

    private async Task<IActionResult> InvalidAsync(FormErrors errors, int status, CancellationToken ct)
    {
        Errors = errors;
        await LoadAsync(fillForm: false, ct);
        Response.StatusCode = status;
        return Page();
    }

    private static string BandName(int row) => $"fees.eras_bands[{row}]";

    private static string? LabelOf(string field)
    {
        if (FeeFields.FirstOrDefault(f => f.Name == field) is { Name: not null } fee) return fee.Label;
        if (field == "max_regions") return MaxRegionsLabel;
        if (field == "source") return SourceLabel;
        if (field.StartsWith("fees.eras_bands[", StringComparison.Ordinal) && field.IndexOf(']') is var close and > 16
            && int.TryParse(field[16..close], NumberStyles.None, Inv, out var row))
            return $"Band {row + 1}: " + (field.EndsWith(".up_to", StringComparison.Ordinal) ? "up to" : field.EndsWith(".price", StringComparison.Ordinal) ? "price" : "band");
        var parts = field.Split('.');
        if (parts is ["signals", var key, var kind] && Specialties.ByKey(key) is { } s) return $"{s.Name}: {kind} signals";
        if (parts is ["signals", var other]) return $"Signals for {other}";
        return null;
    }

    private async Task LoadAsync(bool fillForm, CancellationToken ct)
    {
        await using var session = store.QuerySession(User.Tenant());
        Table = await SeasonReads.TableAsync(session, clock, ct);
        Shown = await SeasonReads.SeasonAsync(session, SeasonShown, ct);
        if (Shown is null)
        {
            SeasonErrors = FormErrors.From(SeasonInput.CheckSeason(new FieldErrors(), SeasonShown), ["season"]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        History = await SeasonReads.HistoryAsync(session, SeasonShown, ct);
        var facts = Shown!;

        string? Value(string name, string? stored) => fillForm ? stored : Request.HasFormContentType ? Request.Form[name].ToString() : stored;
        var rows = Math.Min(SeasonInput.MaxBands, facts.Fees.ErasBands.Count + 2);
        if (!fillForm && Request.HasFormContentType)
            for (var r = SeasonInput.MaxBands - 1; r >= rows; r--)
                if (!string.IsNullOrWhiteSpace(Request.Form[$"{BandName(r)}.up_to"]) || !string.IsNullOrWhiteSpace(Request.Form[$"{BandName(r)}.price"]))
                {
                    rows = r + 1;
                    break;
                }
        Bands = Enumerable.Range(0, rows).Select(r =>
        {
            var band = r < facts.Fees.ErasBands.Count ? facts.Fees.ErasBands[r] : null;
            var name = BandName(r);
            return new BandRow(r,
                new SeasonField($"{name}.up_to", $"Band {r + 1}: up to (program number)", Value($"{name}.up_to", band?.UpTo?.ToString(Inv))),
                new SeasonField($"{name}.price", $"Band {r + 1}: price (US dollars)", Value($"{name}.price", band?.Price.ToString(Inv))),
                $"{name}.flat",
                fillForm ? band?.Flat ?? false : Request.Form[$"{name}.flat"].ToString() == "true");
        }).ToList();
        Fees = FeeFields.Select(f => new SeasonField(f.Name, f.Label, Value(f.Name, f.Name switch
        {
            "fees.token" => facts.Fees.Token.ToString(Inv),
            "fees.transcript" => facts.Fees.Transcript.ToString(Inv),
            "fees.nrmp_registration" => facts.Fees.NrmpRegistration.ToString(Inv),
            "fees.nrmp_included_ranks" => facts.Fees.NrmpIncludedRanks.ToString(Inv),
            "fees.nrmp_per_additional_rank" => facts.Fees.NrmpPerAdditionalRank.ToString(Inv),
            "fees.nrmp_long_list_above" => facts.Fees.NrmpLongListAbove.ToString(Inv),
            _ => facts.Fees.NrmpLongListFee.ToString(Inv),
        }))).ToList();
        Signals = Specialties.All.Select(s =>
        {
            var allowed = facts.Signals.GetValueOrDefault(s.Key);
            return new SignalRow(s.Name,
                new SeasonField($"signals.{s.Key}.gold", $"{s.Name}: gold signals", Value($"signals.{s.Key}.gold", allowed?.Gold.ToString(Inv))),
                new SeasonField($"signals.{s.Key}.silver", $"{s.Name}: silver signals", Value($"signals.{s.Key}.silver", allowed?.Silver.ToString(Inv))));
        }).ToList();
        MaxRegions = MaxRegions with { Value = Value("max_regions", facts.MaxRegions.ToString(Inv)) };
        Source = Source with { Value = Value("source", facts.Edited ? facts.Source : null) };
        ExpectedVersion = Value("expected_version", facts.Version.ToString(Inv));
    }
}
