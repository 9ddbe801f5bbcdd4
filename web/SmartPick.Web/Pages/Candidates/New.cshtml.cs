using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartPick.Advising.CandidateFiles;
using SmartPick.Contracts;
using SmartPick.Matching.Model;
using SmartPick.Web.Pages.Shared;

namespace SmartPick.Web.Pages.Candidates;

/// <summary>Opens a new candidate file through the advising module's own command.</summary>
[Authorize(Policy = SmartPickPolicies.Staff)]
public sealed class NewModel(CandidateFilePages writes) : PageModel
{
    [BindProperty] public NewFileForm Form { get; set; } = new();
    public FormErrors Errors { get; } = new();

    public static readonly IReadOnlyDictionary<string, string> FieldOf = new Dictionary<string, string>
    {
        ["name"] = "Form.Name", ["email"] = "Form.Email", ["medical_school_country"] = "Form.Country", ["img_type"] = "Form.ImgType",
        ["visa_need"] = "Form.VisaNeed", ["year_of_graduation"] = "Form.YearOfGraduation", ["target_specialties"] = "Form.Specialty",
        ["target_specialties[0]"] = "Form.Specialty", ["budget.applications"] = "Form.Budget",
    };

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var yog = FormParse.Int(Errors, "Form.YearOfGraduation", Form.YearOfGraduation, "Year of graduation");
        var budget = FormParse.Int(Errors, "Form.Budget", Form.Budget, "Budget");
        var img = FormParse.Enum<ImgType>(Errors, "Form.ImgType", Form.ImgType, "Citizenship");
        var visa = FormParse.Enum<VisaNeed>(Errors, "Form.VisaNeed", Form.VisaNeed, "Visa");
        if (!Errors.Any)
        {
            var command = new OpenCandidateFile(Form.Name, Form.Email, Form.Country, img, visa, yog,
                string.IsNullOrEmpty(Form.Specialty) ? [] : [Form.Specialty], [], [], budget is { } b ? new Budget(b) : null);
            var outcome = await writes.OpenAsync(HttpContext, command);
            if (outcome is FileOutcome.Accepted opened) return Redirect($"/candidates/{opened.Id}");
            Response.StatusCode = Errors.Take(outcome, FieldOf);
            return Page();
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}

public sealed class NewFileForm
{
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Country { get; set; }
    public string? ImgType { get; set; } = nameof(Matching.Model.ImgType.NonUsImg);
    public string? VisaNeed { get; set; } = nameof(Matching.Model.VisaNeed.J1);
    public string? YearOfGraduation { get; set; }
    public string? Specialty { get; set; } = "internal_medicine";
    public string? Budget { get; set; }
}
