using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartPick.Catalog.Demo;
using SmartPick.Matching;
using SmartPick.Matching.Json;
using SmartPick.Matching.Model;
using SmartPick.Web.Pages.Shared;

namespace SmartPick.Web.Pages;

/// <summary>
/// The home page shows the product at work: the field guide's worked example ranked against the demo catalog (its
/// first programs, the curve of its chance against the number of applications, and what a rebuild year would change).
/// Signed-in users go to their own home.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel : PageModel
{
    public HomeExample Example => HomeExample.Current;

    public IActionResult OnGet()
    {
        if (User.Identity?.IsAuthenticated == true && User.HomeOf() != "/") return Redirect(User.HomeOf());
        return Page();
    }
}

/// <summary>The worked example's result against the demo catalog, computed once per process (both are fixed).</summary>
public sealed record HomeExample(CandidateProfile Profile, RankResult Result, WhatIfResult Rebuild)
{
    /// <summary>The guide's worked example: non-US IMG, graduated 2020, Step 1 211, Step 2 CK 228, no USCE, no US letters, J-1, internal medicine, season 2026.</summary>
    public const string ProfileJsonText = """
        {"img_type": "non_us_img", "visa_need": "j1", "year_of_graduation": 2020, "season": 2026,
         "exams": [{"exam": "step1", "score": 211, "passed": true, "attempt": 1}, {"exam": "step2ck", "score": 228, "passed": true, "attempt": 1}],
         "usce": [], "letters": [], "research": [], "target_specialties": ["internal_medicine"]}
        """;

    /// <summary>How many of the list's programs the page shows.</summary>
    public const int Shown = 5;

    private static readonly Lazy<HomeExample> Computed = new(() =>
    {
        var profile = ProfileJson.Parse(ProfileJsonText).Profile ?? throw new InvalidOperationException("The worked example does not parse.");
        var catalog = DemoCatalog.Generate();
        var options = new RankOptions(DefaultSeason: profile.Season);
        var result = MatchingEngine.Rank(profile, catalog, options);
        var rebuild = MatchingEngine.WhatIf(result, profile, MatchingEngine.RebuildChanges(profile), catalog, options);
        return new HomeExample(profile, result, rebuild);
    });

    public static HomeExample Current => Computed.Value;
}
