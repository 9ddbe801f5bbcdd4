using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartPick.Catalog.Programs;
using SmartPick.Catalog.Sheet;
using SmartPick.Contracts;
using SmartPick.Web.Pages.Shared;

namespace SmartPick.Web.Pages.Catalog;

/// <summary>
/// Edits one program through the catalog module's own edit (<see cref="CatalogWrites.EditProgramAsync"/>): the sheet's
/// rules field by field, and the catalog version the form was loaded from, so an edit made on a catalog that
/// someone changed meanwhile is refused with a clear message instead of overwriting their change.
/// </summary>
[Authorize(Policy = SmartPickPolicies.OrgAdmin)]
public sealed class EditModel(IDocumentStore store, OrganizationCatalogs catalogs, CatalogWrites writes) : PageModel
{
    [BindProperty] public ProgramForm Form { get; set; } = new();
    public FormErrors Errors { get; private set; } = new();

    /// <summary>Set when the catalog changed since the form was loaded: the catalog's version now.</summary>
    public string? StaleAgainst { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        await using var session = store.QuerySession(User.Tenant());
        if (await CatalogReads.ProgramAsync(code, session, catalogs, ct) is not { } details) return NotFound();
        Form = ProgramForm.Of(details);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        var command = Form.ToCommand(Errors);
        if (Errors.Any) return Invalid(StatusCodes.Status400BadRequest);

        var outcome = await writes.EditProgramAsync(User.Tenant(), code, command!, User.Actor(), ct);
        if (outcome.Accepted is { } edited)
        {
            var target = $"/catalog/programs/{Uri.EscapeDataString(edited.Program.ProgramCode)}";
            return Redirect(edited.Changes.Count == 0 ? target : $"{target}?saved={edited.VersionNumber}");
        }
        if (outcome.Invalid is { } invalid)
        {
            Errors = FormErrors.From(invalid, SheetColumns.InOrder);
            return Invalid(StatusCodes.Status400BadRequest);
        }
        switch (outcome.Refused!)
        {
            case { Status: StatusCodes.Status404NotFound }:
                return NotFound();
            case { Status: StatusCodes.Status412PreconditionFailed } stale:
                StaleAgainst = stale.CurrentVersion;
                Errors.AddGeneral("Someone else changed the catalog while you were editing, so nothing was saved. "
                    + "Your values are still in the form: open the program again to see the current values, then make your change again.");
                return Invalid(StatusCodes.Status412PreconditionFailed);
            case var refused:
                Errors.AddGeneral(refused.Detail);
                return Invalid(refused.Status);
        }
    }

    private PageResult Invalid(int status)
    {
        Response.StatusCode = status;
        return Page();
    }
}

/// <summary>
/// The edit form: one field per sheet column, named as the column (so the module's field errors land on the field),
/// plus the catalog version the form was loaded from.
/// </summary>
public sealed class ProgramForm
{
    [BindProperty(Name = SheetColumns.ProgramCode)] public string? ProgramCode { get; set; }
    [BindProperty(Name = SheetColumns.ProgramName)] public string? ProgramName { get; set; }
    [BindProperty(Name = SheetColumns.Institution)] public string? Institution { get; set; }
    [BindProperty(Name = SheetColumns.City)] public string? City { get; set; }
    [BindProperty(Name = SheetColumns.State)] public string? State { get; set; }
    [BindProperty(Name = SheetColumns.SpecialtyCode)] public string? SpecialtyCode { get; set; }
    [BindProperty(Name = SheetColumns.Specialty)] public string? Specialty { get; set; }
    [BindProperty(Name = SheetColumns.Track)] public string? Track { get; set; }
    [BindProperty(Name = SheetColumns.ProgramType)] public string? ProgramType { get; set; }
    [BindProperty(Name = SheetColumns.Positions)] public string? Positions { get; set; }
    [BindProperty(Name = SheetColumns.ImgShare)] public string? ImgShare { get; set; }
    [BindProperty(Name = SheetColumns.VisaJ1)] public string? VisaJ1 { get; set; }
    [BindProperty(Name = SheetColumns.VisaH1b)] public string? VisaH1b { get; set; }
    [BindProperty(Name = SheetColumns.MinStep2Ck)] public string? MinStep2Ck { get; set; }
    [BindProperty(Name = SheetColumns.MinStep2CkStrictness)] public string? MinStep2CkStrictness { get; set; }
    [BindProperty(Name = SheetColumns.MaxYearsSinceGraduation)] public string? MaxYearsSinceGraduation { get; set; }
    [BindProperty(Name = SheetColumns.UsceRequired)] public string? UsceRequired { get; set; }
    [BindProperty(Name = SheetColumns.MinUsceMonths)] public string? MinUsceMonths { get; set; }
    [BindProperty(Name = SheetColumns.Notes)] public string? Notes { get; set; }
    [BindProperty(Name = SheetColumns.Source)] public string? Source { get; set; }
    [BindProperty(Name = SheetColumns.ObservedOn)] public string? ObservedOn { get; set; }
    [BindProperty(Name = SheetColumns.NonUsImgInterviewRate)] public string? NonUsImgInterviewRate { get; set; }
    [BindProperty(Name = SheetColumns.UsImgInterviewRate)] public string? UsImgInterviewRate { get; set; }
    [BindProperty(Name = SheetColumns.SignalInterviewRate)] public string? SignalInterviewRate { get; set; }
    [BindProperty(Name = SheetColumns.NoSignalInterviewRate)] public string? NoSignalInterviewRate { get; set; }
    [BindProperty(Name = SheetColumns.EvidenceSource)] public string? EvidenceSource { get; set; }
    [BindProperty(Name = SheetColumns.EvidenceObservedOn)] public string? EvidenceObservedOn { get; set; }
    [BindProperty(Name = "expected_version")] public string? ExpectedVersion { get; set; }

    public static readonly IReadOnlyList<Choice> Tristates = [new("unknown", "Unknown"), new("yes", "Yes"), new("no", "No")];
    public static readonly IReadOnlyList<Choice> Tracks =
        [new("categorical", "Categorical"), new("preliminary", "Preliminary"), new("advanced", "Advanced"), new("physician", "Physician"), new("primary", "Primary")];
    public static readonly IReadOnlyList<Choice> ProgramTypes =
        [new("unknown", "Unknown"), new("community", "Community"), new("community-university", "Community-university"), new("university", "University")];
    public static readonly IReadOnlyList<Choice> Strictnesses = [new("unknown", "Unknown"), new("cutoff", "Cutoff"), new("preference", "Preference")];

    public static ProgramForm Of(ProgramDetails details)
    {
        var p = details.Program;
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        return new ProgramForm
        {
            ProgramCode = p.ProgramCode, ProgramName = p.ProgramName, Institution = p.Institution, City = p.City, State = p.State,
            SpecialtyCode = p.SpecialtyCode, Specialty = p.Specialty, Track = p.Track, ProgramType = p.ProgramType,
            Positions = p.Positions?.ToString(inv), ImgShare = p.ImgShare?.ToString(inv), VisaJ1 = p.VisaJ1, VisaH1b = p.VisaH1b,
            MinStep2Ck = p.MinStep2Ck?.ToString(inv), MinStep2CkStrictness = p.MinStep2CkStrictness,
            MaxYearsSinceGraduation = p.MaxYearsSinceGraduation?.ToString(inv), UsceRequired = p.UsceRequired,
            MinUsceMonths = p.MinUsceMonths?.ToString(inv), Notes = p.Notes, Source = p.Source, ObservedOn = p.ObservedOn,
            NonUsImgInterviewRate = p.NonUsImgInterviewRate?.ToString(inv), UsImgInterviewRate = p.UsImgInterviewRate?.ToString(inv),
            SignalInterviewRate = p.SignalInterviewRate?.ToString(inv), NoSignalInterviewRate = p.NoSignalInterviewRate?.ToString(inv),
            EvidenceSource = p.EvidenceSource, EvidenceObservedOn = p.EvidenceObservedOn,
            ExpectedVersion = details.CatalogVersion,
        };
    }

    /// <summary>The module's command, or null with the numbers that could not be read added to <paramref name="errors"/>.</summary>
    public EditProgram? ToCommand(FormErrors errors)
    {
        var positions = FormParse.Int(errors, SheetColumns.Positions, Positions, "Positions");
        var imgShare = FormParse.Dec(errors, SheetColumns.ImgShare, ImgShare, "IMG share");
        var minStep2Ck = FormParse.Int(errors, SheetColumns.MinStep2Ck, MinStep2Ck, "Minimum Step 2 CK");
        var maxYears = FormParse.Int(errors, SheetColumns.MaxYearsSinceGraduation, MaxYearsSinceGraduation, "Years since graduation");
        var minUsce = FormParse.Dec(errors, SheetColumns.MinUsceMonths, MinUsceMonths, "Minimum USCE months");
        var nonUsImg = FormParse.Share(errors, SheetColumns.NonUsImgInterviewRate, NonUsImgInterviewRate, "Non-US IMG interview rate");
        var usImg = FormParse.Share(errors, SheetColumns.UsImgInterviewRate, UsImgInterviewRate, "US IMG interview rate");
        var signal = FormParse.Share(errors, SheetColumns.SignalInterviewRate, SignalInterviewRate, "Interview rate with a signal");
        var noSignal = FormParse.Share(errors, SheetColumns.NoSignalInterviewRate, NoSignalInterviewRate, "Interview rate without a signal");
        if (errors.Any) return null;
        return new EditProgram(ProgramCode, ProgramName, Institution, City, State, SpecialtyCode, Specialty, Track, ProgramType,
            positions, imgShare, VisaJ1, VisaH1b, minStep2Ck, MinStep2CkStrictness, maxYears, UsceRequired, minUsce,
            Notes, Source, ObservedOn, ExpectedVersion)
        {
            NonUsImgInterviewRate = nonUsImg, UsImgInterviewRate = usImg, SignalInterviewRate = signal, NoSignalInterviewRate = noSignal,
            EvidenceSource = EvidenceSource, EvidenceObservedOn = EvidenceObservedOn?.Trim(),
        };
    }
}
