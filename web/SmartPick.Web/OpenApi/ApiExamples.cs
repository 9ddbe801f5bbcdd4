using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace SmartPick.Web.OpenApi;

/// <summary>
/// Example bodies for the main requests, shown with the operation in the document. The candidate is the guide's
/// worked example: a non-US IMG who graduated in 2020, Step 1 211 and Step 2 CK 228, needing a J-1, applying in
/// internal medicine. Every example is one the API accepts (a test sends each of them).
/// </summary>
public static class ApiExamples
{
    public static readonly IReadOnlyDictionary<string, string> Requests = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["POST /api/auth/login"] = """
            {"email": "advisor@bridgeway-advising.example", "password": "a-long-passphrase-2026"}
            """,
        ["POST /api/candidates"] = """
            {"name": "Amina Qureshi", "email": "amina.qureshi@example.org", "medical_school_country": "Pakistan",
             "img_type": "non_us_img", "visa_need": "j1", "year_of_graduation": 2020,
             "target_specialties": ["internal_medicine"], "preferred_states": ["NY", "NJ", "PA"], "avoided_states": [],
             "budget": {"applications": 140, "dollars": 3500}}
            """,
        ["POST /api/candidates/{id}/exams"] = """
            {"exam": {"exam": "step2ck", "score": 228, "passed": true, "attempt": 1}, "taken_on": "2024-03-18"}
            """,
        ["POST /api/candidates/{id}/preferences"] = """
            {"preferred_states": ["NY", "NJ", "PA", "MI"], "budget": {"applications": 150}}
            """,
        ["POST /api/candidates/{id}/usce"] = """
            {"usce": {"kind": "hands_on", "specialty": "internal_medicine", "months": 3, "state": "NY"},
             "institution": "Brookside Community Hospital", "started_on": "2025-01-06", "ended_on": "2025-03-28"}
            """,
        ["POST /api/candidates/{id}/what-if"] = """
            {"changes": [{"code": "add_hands_on_usce", "months": 3, "specialty": "internal_medicine"}, {"code": "add_us_letters", "count": 2, "strength": "strong"}]}
            """,
        ["PUT /api/catalog/programs/{code}"] = """
            {"program_code": "1234140C0", "program_name": "Brookside Community Hospital - Internal Medicine",
             "institution": "Brookside Community Hospital", "city": "Paterson", "state": "NJ",
             "specialty_code": "140", "specialty": "Internal Medicine", "track": "categorical", "program_type": "community",
             "positions": 14, "img_share": 62, "visa_j1": "yes", "visa_h1b": "no",
             "min_step2ck": 220, "min_step2ck_strictness": "preference", "max_years_since_graduation": 5,
             "usce_required": "yes", "min_usce_months": 2,
             "notes": "Asks for hands-on US clinical experience; interviews by video.",
             "source": "Program website, checked by the agency", "observed_on": "2026-08-15"}
            """,
        ["PUT /api/org/settings"] = """
            {"name": "Bridgeway Advising", "time_zone": "America/New_York",
             "sender_name": "Bridgeway Advising", "sender_email": "advising@bridgeway-advising.example"}
            """,
    };

    /// <summary>Sets the JSON example of the operation's request body, when there is one for it.</summary>
    public static void Apply(OpenApiOperation operation, string method, string route)
    {
        if (!Requests.TryGetValue($"{method} {route}", out var json)) return;
        if (operation.RequestBody?.Content is not { } content || !content.TryGetValue("application/json", out var media)) return;
        if (media is OpenApiMediaType body) body.Example = JsonNode.Parse(json);
    }
}
