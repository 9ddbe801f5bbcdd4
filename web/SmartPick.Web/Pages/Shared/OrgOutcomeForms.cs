using SmartPick.Web.Organizations;

namespace SmartPick.Web.Pages.Shared;

/// <summary>How a page shows what an organization or invitation function answered.</summary>
public static class OrgOutcomeForms
{
    /// <summary>The refusal on the form's fields (named as the API names them), the rest as a sentence above the form.</summary>
    public static FormErrors ErrorsOf<T>(OrgOutcome<T> answer, IEnumerable<string> formFields)
    {
        var errors = answer is OrgOutcome<T>.Invalid invalid ? FormErrors.From(invalid.Errors, formFields) : new FormErrors();
        if (answer.Sentence is { } sentence) errors.AddGeneral(sentence);
        return errors;
    }

    /// <summary>The same, with the API's field names mapped onto the form's (<c>display_name</c> → <c>DisplayName</c>).</summary>
    public static FormErrors ErrorsOf<T>(OrgOutcome<T> answer, IReadOnlyDictionary<string, string> fieldFor)
    {
        var errors = answer is OrgOutcome<T>.Invalid invalid ? FormErrors.From(invalid.Errors, fieldFor, fieldFor.Values) : new FormErrors();
        if (answer.Sentence is { } sentence) errors.AddGeneral(sentence);
        return errors;
    }
}
