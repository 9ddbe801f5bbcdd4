using SmartPick.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using SmartPick.Web.Pages.Shared;

namespace SmartPick.Web.Pages.Org;

/// <summary>
/// What an API function answered, read back for a page: the value on success, or the field errors or problem
/// it refused with. Pages call the API's own functions and show their answers; they add no rules of their own. Used for
/// the modules that answer only over HTTP; the catalog and nudges pages call those modules' typed functions instead.
/// </summary>
public sealed record EndpointAnswer(int Status, object? Value, FieldErrors FieldErrors, string? Problem)
{
    public bool Succeeded => Status is >= 200 and < 300;

    public T? ValueAs<T>() where T : class => Value as T;

    /// <summary>The field errors on the page's fields (named as the API names them), plus the problem as a general message.</summary>
    public FormErrors Errors(IEnumerable<string> formFields)
    {
        var errors = FormErrors.From(FieldErrors, formFields);
        if (Problem is { } problem) errors.AddGeneral(problem.EndsWith('.') ? problem : problem + ".");
        return errors;
    }

    public static EndpointAnswer Of(IResult result) => result switch
    {
        ProblemHttpResult { ProblemDetails: HttpValidationProblemDetails v } p => new(p.StatusCode, null, SmartPick.Contracts.FieldErrors.From(v.Errors), null),
        ValidationProblem v => new(v.StatusCode, null, SmartPick.Contracts.FieldErrors.From(v.ProblemDetails.Errors), null),
        ProblemHttpResult p => new(p.StatusCode, null, NoErrors(), p.ProblemDetails.Detail ?? p.ProblemDetails.Title),
        IValueHttpResult v when result is IStatusCodeHttpResult s => new(s.StatusCode ?? StatusCodes.Status200OK, v.Value, NoErrors(), null),
        IStatusCodeHttpResult s => new(s.StatusCode ?? StatusCodes.Status200OK, null, NoErrors(), null),
        _ => new(StatusCodes.Status500InternalServerError, null, NoErrors(), "The request could not be completed."),
    };

    private static FieldErrors NoErrors() => new();
}
