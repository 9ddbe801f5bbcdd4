using Shouldly;
using SmartPick.Catalog.Sheet;
using SmartPick.Matching.Model;

namespace SmartPick.Catalog.Tests;

public class ProgramRulesForOneProgram
{
    private static readonly CatalogProgram Valid = new()
    {
        ProgramCode = "1514140C0", ProgramName = "Demo Community Hospital - Internal Medicine", State = "NY",
        SpecialtyCode = "140", Specialty = "Internal Medicine", Track = Track.Categorical,
        ProgramType = ProgramType.Community, Positions = 20, ImgShare = 60m, VisaJ1 = Tristate.Yes,
        MinStep2Ck = 225, MinStep2CkStrictness = Strictness.Preference, MaxYearsSinceGraduation = 5,
        UsceRequired = Tristate.Yes, MinUsceMonths = 2.5m, ObservedOn = new DateOnly(2026, 9, 1),
    };

    private static string[] Fields(CatalogProgram program) => ProgramRules.Validate(program).Select(v => v.Field).ToArray();

    [Fact]
    public void a_complete_program_breaks_no_rule()
    {
        ProgramRules.Validate(Valid).ShouldBeEmpty();
    }

    [Fact]
    public void a_program_that_knows_nothing_beyond_its_code_name_and_specialty_breaks_no_rule()
    {
        ProgramRules.Validate(new CatalogProgram
        {
            ProgramCode = "AGENCY-17", ProgramName = "Somewhere - Internal Medicine", SpecialtyCode = "140", Specialty = "Internal Medicine",
        }).ShouldBeEmpty();
    }

    [Fact]
    public void violations_name_the_snake_case_field()
    {
        var program = Valid with
        {
            ProgramCode = "", State = "New York", Positions = -1, ImgShare = 100.5m, MinStep2Ck = 320,
            MaxYearsSinceGraduation = 99, MinUsceMonths = 200m, ObservedOn = new DateOnly(1990, 1, 1),
            Specialty = "Medicine",
        };
        Fields(program).ShouldBe([
            SheetColumns.ProgramCode, SheetColumns.State, SheetColumns.Specialty, SheetColumns.Positions,
            SheetColumns.ImgShare, SheetColumns.MinStep2Ck, SheetColumns.MaxYearsSinceGraduation,
            SheetColumns.MinUsceMonths, SheetColumns.ObservedOn,
        ]);
    }

    [Fact]
    public void an_enum_value_outside_the_allowed_ones_is_refused()
    {
        Fields(Valid with { VisaH1b = (Tristate)7, ProgramType = (ProgramType)9 })
            .ShouldBe([SheetColumns.ProgramType, SheetColumns.VisaH1b]);
    }

    [Fact]
    public void usce_months_contradicting_usce_not_required_are_refused()
    {
        Fields(Valid with { UsceRequired = Tristate.No }).ShouldBe([SheetColumns.MinUsceMonths]);
        Fields(Valid with { UsceRequired = Tristate.No, MinUsceMonths = 0m }).ShouldBeEmpty();
    }

    [Fact]
    public void line_breaks_are_allowed_in_notes_only()
    {
        Fields(Valid with { Notes = "first\r\nsecond" }).ShouldBeEmpty();
        Fields(Valid with { City = "New\nYork" }).ShouldBe([SheetColumns.City]);
    }

    [Fact]
    public void text_longer_than_the_limits_is_refused()
    {
        Fields(Valid with { ProgramName = new string('x', ProgramRules.MaxNameLength + 1) }).ShouldBe([SheetColumns.ProgramName]);
        Fields(Valid with { Notes = new string('x', ProgramRules.MaxNotesLength + 1) }).ShouldBe([SheetColumns.Notes]);
        Fields(Valid with { ProgramCode = new string('1', ProgramRules.MaxCodeLength + 1) }).ShouldBe([SheetColumns.ProgramCode]);
    }

    [Fact]
    public void an_nrmp_code_naming_another_specialty_is_refused_but_an_agency_code_is_not_checked()
    {
        Fields(Valid with { ProgramCode = "1514120C0" }).ShouldBe([SheetColumns.ProgramCode]);
        Fields(Valid with { ProgramCode = "RICHMOND-IM" }).ShouldBeEmpty();
    }
}
