using Shouldly;
using SmartPick.Catalog.Programs;
using SmartPick.Contracts;
using SmartPick.Matching.Model;

namespace SmartPick.Web.Tests.Catalog;

using Catalog = SmartPick.Matching.Model.Catalog;

/// <summary>The catalog's pure decisions: differences, new versions, snapshot, search, upload format, edits.</summary>
public sealed class CatalogDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly RecordedBy Ada = new("u1", "Ada");

    private static CatalogProgram Program(string code, string name = "Program", string state = "NY", Tristate j1 = Tristate.Unknown) => new()
    {
        ProgramCode = code, ProgramName = name, Institution = "Hospital", City = "Albany", State = state,
        SpecialtyCode = code.Substring(4, 3), Specialty = Specialties.ByCode(code.Substring(4, 3))!.Name,
        Track = Track.Categorical, VisaJ1 = j1,
    };

    [Fact]
    public void when_a_sheet_adds_changes_removes_and_keeps_programs_the_diff_counts_each_and_names_changed_fields()
    {
        var kept = Program("1000140C0");
        var before = new[] { kept, Program("1001140C0", "Old name"), Program("1002140C0") };
        var after = new[] { kept, Program("1001140C0", "New name", state: "NJ"), Program("1003140C0") };

        var diff = CatalogDiff.Between(before, after);

        diff.Counts.ShouldBe(new CatalogChangeCounts(Added: 1, Changed: 1, Removed: 1, Unchanged: 1));
        diff.Changes.Single(c => c.Kind == ProgramChangeKind.Added).ProgramCode.ShouldBe("1003140C0");
        diff.Changes.Single(c => c.Kind == ProgramChangeKind.Removed).ProgramCode.ShouldBe("1002140C0");
        diff.Changes.Single(c => c.Kind == ProgramChangeKind.Changed).Fields.ShouldBe(
        [
            new FieldChange("program_name", "Old name", "New name"),
            new FieldChange("state", "NY", "NJ"),
        ]);
    }

    [Fact]
    public void when_only_the_order_changes_no_program_changes_but_the_version_does()
    {
        var a = Program("1000140C0");
        var b = Program("1001140C0");

        var revision = CatalogRevision.Plan([a, b], [b, a], 3, "sheet.csv", CatalogState.ImportedLabel, Ada, Now);

        revision.Diff.Changes.ShouldBeEmpty();
        revision.Diff.Counts.Unchanged.ShouldBe(2);
        revision.CatalogVersion.ShouldNotBe(revision.PreviousCatalogVersion);
        revision.Number.ShouldBe(4);
        revision.Version.Number.ShouldBe(4);
        revision.Content.Programs.ShouldBe([b, a]);
        revision.Content.CatalogVersion.ShouldBe(new Catalog([b, a]).Version);
    }

    [Fact]
    public void a_new_version_records_its_source_author_time_and_counts()
    {
        var revision = CatalogRevision.Plan([Program("1000140C0")], [Program("1000140C0", "Renamed")], 1,
            CatalogState.EditSource, CatalogState.EditedLabel, Ada, Now);

        revision.Version.ShouldSatisfyAllConditions(
            v => v.Source.ShouldBe("edit"),
            v => v.CreatedBy.ShouldBe(Ada),
            v => v.CreatedAt.ShouldBe(Now),
            v => v.Changed.ShouldBe(1),
            v => v.ProgramCount.ShouldBe(1),
            v => v.PreviousCatalogVersion.ShouldBe(new Catalog([Program("1000140C0")]).Version));
    }

    [Fact]
    public void the_catalog_state_follows_the_stream_and_an_edited_demo_catalog_stays_labelled_demo()
    {
        var state = new CatalogState();
        state.CatalogVersion.ShouldBe(CatalogState.EmptyVersion);

        state.Apply(new CatalogSeeded(1, "sha256:a", CatalogState.DemoLabel, 10, RecordedBy.System, Now));
        state.Apply(new CatalogProgramEdited("1000140C0", 2, "sha256:b", "sha256:a", 10, [], Ada, Now.AddMinutes(1)));
        state.Label.ShouldBe("demo");
        state.VersionNumber.ShouldBe(2);
        state.LastSource.ShouldBe("edit");

        state.Apply(new CatalogImportApplied(Guid.NewGuid(), "agency.csv", 3, "sha256:c", "sha256:b", 12, 2, 0, 0, 10, [], Ada, Now.AddMinutes(2)));
        state.Label.ShouldBe("imported");
        state.ProgramCount.ShouldBe(12);
        state.CatalogVersion.ShouldBe("sha256:c");
        state.LastChangedBy.ShouldBe(Ada);

        state.Apply(new CatalogProgramEdited("1000140C0", 4, "sha256:d", "sha256:c", 12, [], Ada, Now.AddMinutes(3)));
        state.Label.ShouldBe("edited");
    }

    [Fact]
    public void a_search_matches_text_in_any_case_and_counts_unknown_visa_as_not_sponsoring()
    {
        var catalog = new Catalog(
        [
            Program("1000140C0", "Albany Medical Center", j1: Tristate.Yes),
            Program("1001140C0", "Brooklyn Hospital", j1: Tristate.Unknown),
            Program("1002120C0", "Albany Family", state: "NJ", j1: Tristate.Yes),
        ]);

        new ProgramSearch("albany", null, null, "j1", 1, 50).Run(catalog).Items.Select(p => p.ProgramCode)
            .ShouldBe(["1000140C0", "1002120C0"]);
        new ProgramSearch(null, "internal medicine", "ny", null, 1, 50).Run(catalog).Total.ShouldBe(2);
        new ProgramSearch(null, "140", null, "j1", 1, 50).Run(catalog).Total.ShouldBe(1);

        var second = new ProgramSearch(null, null, null, null, 2, 2).Run(catalog);
        second.Total.ShouldBe(3);
        second.Items.Single().ProgramCode.ShouldBe("1002120C0");
    }

    [Fact]
    public void a_search_with_impossible_parameters_names_each_one()
    {
        new ProgramSearch(null, null, "New York", "maybe", 0, 1000).Problems().Fields.Select(p => p.Key)
            .ShouldBe(["page", "page_size", "visa", "state"], ignoreOrder: true);
        new ProgramSearch("x", "140", "NY", "either", 1, 50).Problems().Any.ShouldBeFalse();
    }

    [Theory]
    [InlineData("text/csv; charset=utf-8", "sheet.bin", "csv")]
    [InlineData("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "", "xlsx")]
    [InlineData("application/octet-stream", "agency.xlsx", "xlsx")]
    [InlineData("application/octet-stream", "agency.csv", "csv")]
    [InlineData("", "", "csv")]
    [InlineData("image/png", "", null)]
    public void an_upload_format_comes_from_the_content_type_then_the_file_name(string contentType, string fileName, string? format) =>
        UploadedSheet.FormatOf(contentType, fileName, "program_code"u8).ShouldBe(format);

    [Fact]
    public void an_unnamed_zip_upload_is_read_as_xlsx() =>
        UploadedSheet.FormatOf("application/octet-stream", "", "PK\u0003\u0004"u8).ShouldBe("xlsx");

    [Fact]
    public void an_edit_is_read_with_the_sheet_rules_and_reports_every_bad_field()
    {
        var good = new EditProgram(null, "Albany Medical Center", "AMC", "Albany", "ny", "140", "Internal Medicine", "Categorical",
            "community", 12, 45.5m, "yes", "no", 220, "cutoff", 5, "unknown", null, "", "agency", "2026-09-01", null);
        var errors = new List<SmartPick.Catalog.Sheet.SheetIssue>();

        var program = good.ToProgram("1000140C0", errors);

        errors.ShouldBeEmpty();
        program.ShouldNotBeNull();
        program.State.ShouldBe("NY");
        program.Track.ShouldBe(Track.Categorical);
        program.MinStep2CkStrictness.ShouldBe(Strictness.Cutoff);
        program.ObservedOn.ShouldBe(new DateOnly(2026, 9, 1));

        var bad = good with { ImgShare = 120m, VisaJ1 = "perhaps", ObservedOn = "1 Sept", MinStep2Ck = null };
        bad.ToProgram("1000140C0", errors).ShouldBeNull();
        errors.Select(e => e.Column).ShouldBe(["img_share", "visa_j1", "observed_on", "min_step2ck_strictness"], ignoreOrder: true);
    }
}
