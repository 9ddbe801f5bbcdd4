using System.Globalization;
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
/// "Try it without an account": a profile in, a ranked list against the demo catalog out. Nothing is
/// stored; the page is limited per client address because every ranking costs real work.
/// </summary>
[AllowAnonymous]
public sealed class TryModel(TryLimiter limiter, TimeProvider clock) : PageModel
{
    [BindProperty] public TryForm Form { get; set; } = TryForm.Default;

    public FormErrors Errors { get; } = new();
    public RankResult? Result { get; private set; }
    public bool Limited { get; private set; }

    public void OnGet()
    {
    }

    public IActionResult OnPost()
    {
        if (!limiter.TryAcquire(HttpContext))
        {
            Limited = true;
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = "60";
            return Page();
        }
        var profile = Form.ToProfile(Errors, clock.GetUtcNow().Year);
        if (profile is not null && !Errors.Any)
        {
            var mapped = FormErrors.From(
                ProfileValidation.Validate(profile),
                TryForm.FieldOfPath, TryForm.FieldNames);
            foreach (var (field, messages) in mapped.Fields) foreach (var m in messages) Errors.Add(field, m);
            foreach (var g in mapped.General) Errors.AddGeneral(g);
        }
        if (Errors.Any || profile is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var options = new RankOptions(DefaultSeason: profile.Season);
        // The shipped demo catalog, built once per process and shared.
        var demo = DemoCatalog.Generate();
        Result = MatchingEngine.Rank(profile, demo, options);
        Result = Result with { Unlock = MatchingEngine.Unlock(profile, demo, options) };
        return Page();
    }
}

/// <summary>The try-it form as typed: text in, parsed with messages a person can act on.</summary>
public sealed class TryForm
{
    public string? ImgType { get; set; }
    public string? VisaNeed { get; set; }
    public string? YearOfGraduation { get; set; }
    public string? Season { get; set; }
    public string? Step1 { get; set; }
    public string? Step1Score { get; set; }
    public string? Step2Ck { get; set; }
    public string? Step3 { get; set; }
    public string? HandsOnMonths { get; set; }
    public string? ObservershipMonths { get; set; }
    public string? UsLetters { get; set; }
    public string? Research { get; set; }
    public string? Specialty { get; set; }
    public List<string> States { get; set; } = [];
    public string? Budget { get; set; }
    public string? BudgetUsd { get; set; }

    public static TryForm Default => new()
    {
        ImgType = "non_us_img", VisaNeed = "j1", Specialty = "internal_medicine", Step1 = "pass", Step3 = "",
        HandsOnMonths = "0", ObservershipMonths = "0", UsLetters = "0", Research = "0",
    };

    public static readonly IReadOnlyList<string> FieldNames =
    [
        "Form.ImgType", "Form.VisaNeed", "Form.YearOfGraduation", "Form.Season", "Form.Step1", "Form.Step1Score", "Form.Step2Ck",
        "Form.Step3", "Form.HandsOnMonths", "Form.ObservershipMonths", "Form.UsLetters", "Form.Research", "Form.Specialty", "Form.States", "Form.Budget",
        "Form.BudgetUsd",
    ];

    /// <summary>Where the engine's validation paths show up on this form.</summary>
    public static readonly IReadOnlyDictionary<string, string> FieldOfPath = new Dictionary<string, string>
    {
        ["year_of_graduation"] = "Form.YearOfGraduation",
        ["season"] = "Form.Season",
        ["target_specialties[0]"] = "Form.Specialty",
        ["budget.applications"] = "Form.Budget",
        ["budget.dollars"] = "Form.BudgetUsd",
    };

    public static readonly IReadOnlyList<Choice> ImgTypes = [new("non_us_img", "Non-US citizen, non-US medical school"), new("us_img", "US citizen or resident, non-US medical school")];
    public static readonly IReadOnlyList<Choice> VisaNeeds = [new("none", "No visa needed"), new("j1", "J-1"), new("h1b", "H-1B"), new("either", "J-1 or H-1B")];
    public static readonly IReadOnlyList<Choice> Step1Results = [new("", "Not taken yet"), new("pass", "Passed (pass/fail)"), new("fail", "Failed"), new("score", "Passed with a 3-digit score")];
    public static readonly IReadOnlyList<Choice> Step3Results = [new("", "Not taken"), new("pass", "Passed"), new("fail", "Failed")];
    public static IReadOnlyList<Choice> SpecialtyChoices => Specialties.All.OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => new Choice(s.Key, s.Name)).ToList();

    /// <summary>The engine's profile, or null when a field could not be read (its message is in <paramref name="errors"/>).</summary>
    public CandidateProfile? ToProfile(FormErrors errors, int thisYear)
    {
        ImgType? img = ImgType switch { "non_us_img" => Matching.Model.ImgType.NonUsImg, "us_img" => Matching.Model.ImgType.UsImg, _ => null };
        if (img is null) errors.Add("Form.ImgType", "Choose whether you are a US citizen or not.");
        VisaNeed? visa = VisaNeed switch { "none" => Matching.Model.VisaNeed.None, "j1" => Matching.Model.VisaNeed.J1, "h1b" => Matching.Model.VisaNeed.H1b, "either" => Matching.Model.VisaNeed.Either, _ => null };
        if (visa is null) errors.Add("Form.VisaNeed", "Choose the visa you need.");
        var yog = Int(errors, "Form.YearOfGraduation", YearOfGraduation, "Year of graduation", 1950, 2100, required: true);
        var season = Int(errors, "Form.Season", Season, "Match season", 2000, 2100, required: false);
        if (yog is { } y && season is { } s && y > s) errors.Add("Form.YearOfGraduation", "Year of graduation must not be after the Match season.");
        // A graduation decades before the season is a typing error (1950 for 2015).
        var seasonYear = season ?? thisYear + 1;
        if (yog is { } old && old >= 1950 && old < seasonYear - SmartPick.Matching.Json.ProfileValidation.OldestGraduationYears)
            errors.Add("Form.YearOfGraduation", $"Year of graduation must be {seasonYear - SmartPick.Matching.Json.ProfileValidation.OldestGraduationYears} or later: no applicant graduated more than {SmartPick.Matching.Json.ProfileValidation.OldestGraduationYears} years before the season.");

        var exams = new List<ExamResult>();
        switch (Step1)
        {
            case "pass": exams.Add(new ExamResult(ExamKind.Step1, null, true)); break;
            case "fail": exams.Add(new ExamResult(ExamKind.Step1, null, false)); break;
            case "score":
                var s1 = Int(errors, "Form.Step1Score", Step1Score, "Step 1 score", 1, 300, required: true);
                if (s1 is { } v1) exams.Add(new ExamResult(ExamKind.Step1, v1, null));
                break;
            case null or "": break;
            default: errors.Add("Form.Step1", "Choose a Step 1 result."); break;
        }
        if (Int(errors, "Form.Step2Ck", Step2Ck, "Step 2 CK score", 1, 300, required: false) is { } s2)
            exams.Add(new ExamResult(ExamKind.Step2Ck, s2, null));
        switch (Step3)
        {
            case "pass": exams.Add(new ExamResult(ExamKind.Step3, null, true)); break;
            case "fail": exams.Add(new ExamResult(ExamKind.Step3, null, false)); break;
            case null or "": break;
            default: errors.Add("Form.Step3", "Choose a Step 3 result."); break;
        }

        var handsOn = Dec(errors, "Form.HandsOnMonths", HandsOnMonths, "Hands-on USCE months");
        var observer = Dec(errors, "Form.ObservershipMonths", ObservershipMonths, "Observership months");
        var letters = Int(errors, "Form.UsLetters", UsLetters, "US letters", 0, 10, required: false) ?? 0;
        var research = Int(errors, "Form.Research", Research, "Research items", 0, 50, required: false) ?? 0;
        var budget = Int(errors, "Form.Budget", Budget, "Budget", 1, ProfileValidation.MaxApplications, required: false);
        var dollars = Int(errors, "Form.BudgetUsd", BudgetUsd?.Replace(",", "", StringComparison.Ordinal).TrimStart('$'), "Money to spend", 1, (int)ProfileValidation.MaxDollars, required: false);

        if (string.IsNullOrEmpty(Specialty)) errors.Add("Form.Specialty", "Choose the specialty you are aiming for.");
        else if (!Specialties.IsKnown(Specialty)) errors.Add("Form.Specialty", "Choose a specialty from the list.");
        var states = States.Where(x => !string.IsNullOrEmpty(x)).Distinct(StringComparer.Ordinal).ToList();
        if (states.Any(x => !UsStates.IsKnown(x))) errors.Add("Form.States", "Choose states from the list.");

        if (errors.Any) return null;
        var usce = new List<UsceItem>();
        if (handsOn > 0) usce.Add(new UsceItem(UsceKind.HandsOn, Specialty, handsOn, null));
        if (observer > 0) usce.Add(new UsceItem(UsceKind.Observership, Specialty, observer, null));
        return new CandidateProfile
        {
            ImgType = img,
            VisaNeed = visa,
            YearOfGraduation = yog,
            Season = season,
            Exams = exams,
            Usce = usce,
            Letters = Enumerable.Range(0, letters).Select(_ => new LetterItem(true, Specialty, null, null)).ToList(),
            Research = Enumerable.Range(0, research).Select(_ => new ResearchItem("research", false)).ToList(),
            TargetSpecialties = [Specialty!],
            PreferredStates = states,
            Budget = budget is null && dollars is null ? null : new Budget(budget, dollars),
            // Exams left blank are unknown, not failed: the engine then reasons with priors and says so.
            UnknownSections = exams.Count == 0 ? ProfileSections.Exams : ProfileSections.None,
        };
    }

    private static int? Int(FormErrors errors, string field, string? text, string label, int min, int max, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) errors.Add(field, $"Enter the {label.ToLowerInvariant()}.");
            return null;
        }
        if (!int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            errors.Add(field, $"{label} must be a whole number.");
            return null;
        }
        if (value < min || value > max)
        {
            errors.Add(field, $"{label} must be between {min} and {max}.");
            return null;
        }
        return value;
    }

    private static decimal Dec(FormErrors errors, string field, string? text, string label)
    {
        if (string.IsNullOrWhiteSpace(text)) return 0;
        if (!decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            errors.Add(field, $"{label} must be a number of months, such as 3 or 1.5.");
            return 0;
        }
        if (value < 0 || value > ProfileValidation.MaxMonths)
        {
            errors.Add(field, $"{label} must be between 0 and {ProfileValidation.MaxMonths}.");
            return 0;
        }
        return value;
    }
}
