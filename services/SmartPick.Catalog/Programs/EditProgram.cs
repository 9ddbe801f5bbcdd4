using System.Security.Claims;
using System.Text.Json.Serialization;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using SmartPick.Catalog.Sheet;
using SmartPick.Contracts;
using SmartPick.Matching.Model;
using Wolverine;
using Wolverine.Http;

namespace SmartPick.Catalog.Programs;

using Catalog = SmartPick.Matching.Model.Catalog;

/// <summary>
/// Replaces one program's values (every field; an omitted one becomes empty/unknown) in the catalog
/// editor. The program code comes from the route and cannot change here (the body may repeat it, so a
/// program read from the API can be sent back as it is). The evidence fields (interview rates as shares 0–1, their
/// source and yyyy-MM / yyyy-MM-dd date) follow the same rule: omitted means not published. <see cref="ExpectedVersion"/>,
/// when given, is the catalog version the editor loaded; a different current version refuses the edit (412).
/// </summary>
public sealed record EditProgram(
    [property: JsonPropertyName(SheetColumns.ProgramCode)] string? ProgramCode,
    [property: JsonPropertyName(SheetColumns.ProgramName)] string? ProgramName,
    [property: JsonPropertyName(SheetColumns.Institution)] string? Institution,
    [property: JsonPropertyName(SheetColumns.City)] string? City,
    [property: JsonPropertyName(SheetColumns.State)] string? State,
    [property: JsonPropertyName(SheetColumns.SpecialtyCode)] string? SpecialtyCode,
    [property: JsonPropertyName(SheetColumns.Specialty)] string? Specialty,
    [property: JsonPropertyName(SheetColumns.Track)] string? Track,
    [property: JsonPropertyName(SheetColumns.ProgramType)] string? ProgramType,
    [property: JsonPropertyName(SheetColumns.Positions)] int? Positions,
    [property: JsonPropertyName(SheetColumns.ImgShare)] decimal? ImgShare,
    [property: JsonPropertyName(SheetColumns.VisaJ1)] string? VisaJ1,
    [property: JsonPropertyName(SheetColumns.VisaH1b)] string? VisaH1b,
    [property: JsonPropertyName(SheetColumns.MinStep2Ck)] int? MinStep2Ck,
    [property: JsonPropertyName(SheetColumns.MinStep2CkStrictness)] string? MinStep2CkStrictness,
    [property: JsonPropertyName(SheetColumns.MaxYearsSinceGraduation)] int? MaxYearsSinceGraduation,
    [property: JsonPropertyName(SheetColumns.UsceRequired)] string? UsceRequired,
    [property: JsonPropertyName(SheetColumns.MinUsceMonths)] decimal? MinUsceMonths,
    [property: JsonPropertyName(SheetColumns.Notes)] string? Notes,
    [property: JsonPropertyName(SheetColumns.Source)] string? Source,
    [property: JsonPropertyName(SheetColumns.ObservedOn)] string? ObservedOn,
    [property: JsonPropertyName("expected_version")] string? ExpectedVersion)
{
    [JsonPropertyName(SheetColumns.NonUsImgInterviewRate)] public decimal? NonUsImgInterviewRate { get; init; }
    [JsonPropertyName(SheetColumns.UsImgInterviewRate)] public decimal? UsImgInterviewRate { get; init; }
    [JsonPropertyName(SheetColumns.SignalInterviewRate)] public decimal? SignalInterviewRate { get; init; }
    [JsonPropertyName(SheetColumns.NoSignalInterviewRate)] public decimal? NoSignalInterviewRate { get; init; }
    [JsonPropertyName(SheetColumns.EvidenceSource)] public string? EvidenceSource { get; init; }
    [JsonPropertyName(SheetColumns.EvidenceObservedOn)] public string? EvidenceObservedOn { get; init; }

    /// <summary>
    /// Reads the fields exactly as a sheet row is read (same spellings, same <see cref="ProgramRules"/>), so
    /// the editor can never save what an import would refuse. Returns null with the field errors otherwise.
    /// </summary>
    public CatalogProgram? ToProgram(string code, List<SheetIssue> errors)
    {
        string[] cells =
        [
            code, ProgramName ?? "", Institution ?? "", City ?? "", State ?? "", SpecialtyCode ?? "", Specialty ?? "",
            Track ?? "", ProgramType ?? "", SheetVocabulary.Spell(Positions), SheetVocabulary.Spell(ImgShare),
            VisaJ1 ?? "", VisaH1b ?? "", SheetVocabulary.Spell(MinStep2Ck), MinStep2CkStrictness ?? "",
            SheetVocabulary.Spell(MaxYearsSinceGraduation), UsceRequired ?? "", SheetVocabulary.Spell(MinUsceMonths),
            Notes ?? "", Source ?? "", ObservedOn ?? "",
            SheetVocabulary.Spell(NonUsImgInterviewRate), SheetVocabulary.Spell(UsImgInterviewRate),
            SheetVocabulary.Spell(SignalInterviewRate), SheetVocabulary.Spell(NoSignalInterviewRate),
            EvidenceSource ?? "", EvidenceObservedOn ?? "",
        ];
        return SheetRow.FromCells(cells, line: 1, errors);
    }
}

/// <summary>The catalog version after an edit, and the fields that changed (none when the values were already so).</summary>
public sealed record ProgramEdited(string CatalogVersion, int VersionNumber, ProgramView Program, IReadOnlyList<FieldChange> Changes);

public static class EditProgramEndpoint
{
    /// <summary>
    /// Decides the edit against the current catalog and stages it on <paramref name="session"/>: the new version's
    /// documents, its event, and (through <paramref name="bus"/>, enrolled in the session's outbox) the message that
    /// regenerates the organization's lists. The caller's unit of work commits them together; nothing is staged when
    /// the edit is refused.
    /// </summary>
    public static async Task<CatalogWrite<ProgramEdited>> EditAsync(string code, EditProgram command, IDocumentSession session, IMessageBus bus,
        OrganizationCatalogs catalogs, RecordedBy by, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentNullException.ThrowIfNull(catalogs);
        // Catalog writes are rare and whole-catalog: take the stream's row lock so a concurrent writer waits and
        // then sees the new version (a clean 409/412) instead of failing at commit.
        var catalog = await session.Events.FetchForExclusiveWriting<CatalogState>(CatalogStream.Id, ct);
        var state = catalog.Aggregate;
        var current = await catalogs.AtVersionAsync(session, state?.CatalogVersion ?? CatalogState.EmptyVersion, ct);

        if (CatalogReads.Find(current, code) is not { } before)
            return CatalogProblems.NotFound($"program {code} is not in this organization's catalog; add programs by importing a sheet");
        if (command.ProgramCode is { Length: > 0 } named && !string.Equals(named.Trim(), before.ProgramCode, StringComparison.OrdinalIgnoreCase))
            return FieldErrors.Of(SheetColumns.ProgramCode, $"cannot change in an edit (the program is {before.ProgramCode}); import a sheet to replace programs");
        var issues = new List<SheetIssue>();
        if (command.ToProgram(before.ProgramCode, issues) is not { } edited)
            return FieldErrors.From(issues.GroupBy(e => e.Column ?? "program", StringComparer.Ordinal)
                .Select(g => KeyValuePair.Create(g.Key, g.Select(e => e.Message).ToArray())));
        if (command.ExpectedVersion is { Length: > 0 } expected && expected != current.Version)
            return CatalogProblems.StaleVersion(expected, current.Version);

        var fields = CatalogDiff.Fields(before, edited);
        if (fields.Count == 0)
            return new ProgramEdited(current.Version, state?.VersionNumber ?? 0, ProgramView.Of(before), []);

        var next = current.Programs.Select(p => ReferenceEquals(p, before) ? edited : p).ToList();
        // An edited demo catalog is still mostly demo data; it keeps saying so until the agency imports its own sheet.
        var label = state?.Label == CatalogState.DemoLabel ? CatalogState.DemoLabel : CatalogState.EditedLabel;
        var revision = CatalogRevision.Plan(current.Programs, next, state?.VersionNumber ?? 0, CatalogState.EditSource, label, by, now);
        revision.Stage(session);
        catalog.AppendOne(new CatalogProgramEdited(before.ProgramCode, revision.Number, revision.CatalogVersion, revision.PreviousCatalogVersion,
            next.Count, fields, by, now));
        await bus.PublishAsync(new CatalogVersionPublished(revision.CatalogVersion));
        return new ProgramEdited(revision.CatalogVersion, revision.Number, ProgramView.Of(edited), fields);
    }

    [EndpointSummary("Replace one program's values in the catalog, which makes a new catalog version")]
    [WolverinePut("/api/catalog/programs/{code}")]
    [Authorize(Policy = SmartPickPolicies.OrgAdmin)]
    public static async Task<IResult> Put(string code, EditProgram command, IDocumentSession session, IMessageBus bus, OrganizationCatalogs catalogs,
        ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
        => (await EditAsync(code, command, session, bus, catalogs, user.Actor(), clock.GetUtcNow(), ct)).ToHttp();
}
