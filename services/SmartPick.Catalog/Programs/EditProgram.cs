using System.Security.Claims;
using System.Text.Json.Serialization;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SmartPick.Catalog.Sheet;
using SmartPick.Contracts;
using SmartPick.Matching.Model;
using Wolverine;
using Wolverine.Http;

namespace SmartPick.Catalog.Programs;

/// <summary>
/// Replaces one program's values (every field; an omitted one becomes empty/unknown) in the catalog
/// editor. The program code comes from the route and cannot change here. <see cref="ExpectedVersion"/>,
/// when given, is the catalog version the editor loaded; a different current version refuses the edit (412).
/// </summary>
public sealed record EditProgram(
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
        ];
        return SheetRow.FromCells(cells, line: 1, errors);
    }
}

/// <summary>The catalog version after an edit, and the fields that changed (none when the values were already so).</summary>
public sealed record ProgramEdited(string CatalogVersion, int VersionNumber, ProgramView Program, IReadOnlyList<FieldChange> Changes);

public static class EditProgramEndpoint
{
    public static async Task<(CatalogEntry?, IEventStream<CatalogState>)> LoadAsync(string code, IDocumentSession session, CancellationToken ct) =>
        (await GetProgram.FindAsync(session, code, ct), await session.Events.FetchForWriting<CatalogState>(CatalogStream.Id, ct));

    public static ProblemDetails Validate(string code, EditProgram command, CatalogEntry? entry, IEventStream<CatalogState> catalog)
    {
        if (entry is null) return CatalogProblems.NotFound($"program {code} is not in this organization's catalog; add programs by importing a sheet");
        var errors = new List<SheetIssue>();
        if (command.ToProgram(entry.Id, errors) is null)
            return CatalogProblems.Invalid(errors.Select(e => (e.Column ?? "program", e.Message)));
        var current = catalog.Aggregate?.CatalogVersion ?? CatalogState.EmptyVersion;
        if (command.ExpectedVersion is { Length: > 0 } expected && expected != current)
            return CatalogProblems.StaleVersion(expected, current);
        return WolverineContinue.NoProblems;
    }

    [WolverinePut("/api/catalog/programs/{code}")]
    [Authorize(Policy = SmartPickPolicies.OrgAdmin)]
    public static async Task<(ProgramEdited, OutgoingMessages)> Put(EditProgram command, [NotBody] CatalogEntry entry,
        [NotBody] IEventStream<CatalogState> catalog, IDocumentSession session, OrganizationCatalogs catalogs, ClaimsPrincipal user,
        TimeProvider clock, CancellationToken ct)
    {
        var edited = command.ToProgram(entry.Id, [])!;
        var state = catalog.Aggregate;
        var current = await catalogs.ProgramsAtAsync(session, state?.CatalogVersion ?? CatalogState.EmptyVersion, ct);
        var fields = CatalogDiff.Fields(entry.Program, edited);
        if (fields.Count == 0)
            return (new ProgramEdited(current.Version, state?.VersionNumber ?? 0, ProgramView.Of(entry.Program), []), []);

        var next = current.Programs.Select(p => p.ProgramCode == entry.Id ? edited : p).ToList();
        var by = CatalogActors.Of(user);
        var now = clock.GetUtcNow();
        var label = state?.Label == CatalogState.DemoLabel ? CatalogState.DemoLabel : CatalogState.EditedLabel;
        var revision = CatalogRevision.Plan(current.Programs, next, state?.VersionNumber ?? 0, current.Version,
            ProgramChangeRecord.EditSource, label, by, now);
        revision.Stage(session);
        catalog.AppendOne(new CatalogProgramEdited(entry.Id, revision.CatalogVersion, current.Version, next.Count, fields, by, now));

        return (new ProgramEdited(revision.CatalogVersion, revision.Version.Number, ProgramView.Of(edited), fields),
            [new CatalogVersionPublished(revision.CatalogVersion)]);
    }
}
