using SmartPick.Contracts;
using SmartPick.Matching.Json;
using SmartPick.Matching.Model;
using SmartPick.Matching.Tests.Support;

namespace SmartPick.Matching.Tests;

public class ProfileJsonTests
{
    private sealed record Error(string Field, string Message);

    /// <summary>Every message with its field, one per line of the answer.</summary>
    private static List<Error> ErrorsOf(string json)
    {
        var result = ProfileJson.Parse(json);
        result.IsValid.ShouldBeFalse();
        result.Profile.ShouldBeNull();
        return Flat(result.Errors);
    }

    private static List<Error> Flat(FieldErrors errors) => [.. errors.Fields.SelectMany(f => f.Value.Select(m => new Error(f.Key, m)))];

    [Fact]
    public void the_worked_example_reads_into_the_profile_it_describes()
    {
        var profile = Profiles.WorkedExample();
        profile.ImgType.ShouldBe(ImgType.NonUsImg);
        profile.VisaNeed.ShouldBe(VisaNeed.J1);
        profile.YearOfGraduation.ShouldBe(2020);
        profile.Season.ShouldBe(2026);
        profile.Exams.ShouldBe([new ExamResult(ExamKind.Step1, 211, true), new ExamResult(ExamKind.Step2Ck, 228, true)]);
        profile.TargetSpecialties.ShouldBe(["internal_medicine"]);
        profile.UnknownSections.ShouldBe(ProfileSections.PreviousCycles);
    }

    [Fact]
    public void a_full_profile_reads_every_field()
    {
        var result = ProfileJson.Parse("""
            {"img_type":"us_img","visa_need":"either","year_of_graduation":2023,"season":2026,
             "exams":[{"exam":"step3","passed":true}],
             "usce":[{"kind":"observership","specialty":"family_medicine","months":1.5,"state":"OH"}],
             "letters":[{"us":true,"specialty":"family_medicine","writer_role":"program director","strength":"strong"}],
             "research":[{"kind":"qi","us_collaborators":true}],
             "target_specialties":["family_medicine","internal_medicine"],"preferred_states":["OH"],"avoided_states":["CA"],
             "budget":{"applications":90,"dollars":2500.50},
             "previous_cycles":[{"season":2025,"outcome":"unmatched","interviews":2}]}
            """);
        result.Errors.Any.ShouldBeFalse();
        var p = result.Profile!;
        p.Exams.Single().ShouldBe(new ExamResult(ExamKind.Step3, null, true, 1));
        p.Usce.Single().ShouldBe(new UsceItem(UsceKind.Observership, "family_medicine", 1.5m, "OH"));
        p.Letters.Single().Strength.ShouldBe(LetterStrength.Strong);
        p.Research.Single().UsCollaborators.ShouldBeTrue();
        p.Budget.ShouldBe(new Budget(90, 2500.50m));
        p.PreviousCycles.Single().ShouldBe(new PreviousCycle(2025, CycleOutcome.Unmatched, 2));
        p.UnknownSections.ShouldBe(ProfileSections.None);
    }

    [Fact]
    public void omitted_lists_are_unknown_not_empty()
    {
        var profile = ProfileJson.Parse("""{"target_specialties":["internal_medicine"]}""").Profile!;
        profile.UnknownSections.ShouldBe(ProfileSections.Exams | ProfileSections.Usce | ProfileSections.Letters | ProfileSections.Research | ProfileSections.PreviousCycles);
        profile.VisaNeed.ShouldBeNull();
    }

    [Fact]
    public void an_unknown_field_is_rejected_by_name()
    {
        var error = ErrorsOf("""{"target_specialties":["internal_medicine"],"step2_score":240}""").Single();
        error.Field.ShouldBe("step2_score");
        error.Message.ShouldContain("unknown field 'step2_score'");
    }

    [Fact]
    public void an_unknown_field_inside_a_list_item_is_named_with_its_path()
        => ErrorsOf("""{"exams":[{"exam":"step1","score":220,"percentile":40}]}""").Single().Field.ShouldBe("exams[0].percentile");

    [Fact]
    public void a_value_of_the_wrong_type_is_named_with_its_path()
    {
        var error = ErrorsOf("""{"year_of_graduation":"2020"}""").Single();
        error.Field.ShouldBe("year_of_graduation");
        error.Message.ShouldContain("whole number");
    }

    [Fact]
    public void a_step2ck_of_400_is_out_of_range()
    {
        var error = ErrorsOf("""{"exams":[{"exam":"step1","passed":true},{"exam":"step2ck","score":400}]}""").Single();
        error.Field.ShouldBe("exams[1].score");
        error.Message.ShouldContain("between 1 and 300");
    }

    [Fact]
    public void an_unknown_specialty_is_named()
    {
        var error = ErrorsOf("""{"target_specialties":["internal_medicine","cardiology"]}""").Single();
        error.Field.ShouldBe("target_specialties[1]");
        error.Message.ShouldContain("unknown specialty 'cardiology'");
    }

    [Theory]
    [InlineData("""{"preferred_states":["XX"]}""", "preferred_states[0]")]
    [InlineData("""{"usce":[{"kind":"hands_on","months":130}]}""", "usce[0].months")]
    [InlineData("""{"usce":[{"kind":"shadowing","months":1}]}""", "usce[0].kind")]
    [InlineData("""{"usce":[{"kind":"hands_on"}]}""", "usce[0].months")]
    [InlineData("""{"year_of_graduation":1900}""", "year_of_graduation")]
    [InlineData("""{"year_of_graduation":1960,"season":2027}""", "year_of_graduation")]
    [InlineData("""{"year_of_graduation":2028,"season":2027}""", "year_of_graduation")]
    [InlineData("""{"visa_need":"o1"}""", "visa_need")]
    [InlineData("""{"letters":[{"us":"yes"}]}""", "letters[0].us")]
    [InlineData("""{"budget":{"applications":-5}}""", "budget.applications")]
    [InlineData("""{"exams":[{"exam":"step2ck"}]}""", "exams[0]")]
    [InlineData("""{"previous_cycles":[{"season":2025,"outcome":"lost"}]}""", "previous_cycles[0].outcome")]
    [InlineData("""[1,2]""", "$")]
    [InlineData("""{"season": 2026""", "$")]
    public void bad_input_is_reported_against_the_field(string json, string field)
        => ErrorsOf(json).ShouldContain(e => e.Field == field);

    [Fact]
    public void several_problems_are_all_reported()
        => ErrorsOf("""{"img_type":"alien","season":"soon","exams":[{"exam":"step2ck","score":0}]}""")
            .Select(e => e.Field).ShouldBe(["img_type", "season"], ignoreOrder: true);

    [Fact]
    public void the_validation_is_reusable_on_a_profile_built_in_code()
    {
        var profile = new CandidateProfile { TargetSpecialties = ["astrology"], Exams = [new ExamResult(ExamKind.Step2Ck, 301, null)] };
        Flat(ProfileValidation.Validate(profile)).Select(e => e.Field).ShouldBe(["exams[0].score", "target_specialties[0]"]);
    }

    [Fact]
    public void writing_omits_unknowns_and_round_trips()
    {
        var json = ProfileJson.Write(Profiles.WorkedExample());
        json.ShouldNotContain("previous_cycles");
        json.ShouldContain("\"usce\":[]");
        ProfileJson.Write(ProfileJson.Parse(json).Profile!).ShouldBe(json);
    }
}
