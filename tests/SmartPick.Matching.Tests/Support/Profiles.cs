using SmartPick.Matching.Json;
using SmartPick.Matching.Model;

namespace SmartPick.Matching.Tests.Support;

public static class Profiles
{
    /// <summary>The guide's worked example: non-US IMG, YOG 2020, Step 1 211, Step 2 CK 228, no USCE, J-1, internal medicine, season 2026.</summary>
    public const string WorkedExampleJson = """
        {
          "img_type": "non_us_img",
          "visa_need": "j1",
          "year_of_graduation": 2020,
          "season": 2026,
          "exams": [
            { "exam": "step1", "score": 211, "passed": true, "attempt": 1 },
            { "exam": "step2ck", "score": 228, "passed": true, "attempt": 1 }
          ],
          "usce": [],
          "letters": [],
          "research": [],
          "target_specialties": ["internal_medicine"]
        }
        """;

    public static CandidateProfile WorkedExample()
    {
        var result = ProfileJson.Parse(WorkedExampleJson);
        result.Errors.Any.ShouldBeFalse();
        return result.Profile!;
    }
}
