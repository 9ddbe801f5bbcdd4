using SmartPick.Nudges.Http;
using SmartPick.Web.Pages.Shared;

namespace SmartPick.Web.Pages.Org;

/// <summary>A refused nudges answer on a form: its field errors on the page's fields, or "not found" as a general message.</summary>
internal static class NudgesForms
{
    public static FormErrors Errors<T>(this NudgesAnswer<T> answer, IEnumerable<string> formFields) where T : class =>
        answer.Invalid is { } invalid ? FormErrors.From(invalid, formFields)
        : answer.IsNotFound ? new FormErrors().AddGeneral("Not found.")
        : new FormErrors();
}
