using Microsoft.AspNetCore.Mvc.Filters;
using SmartPick.Contracts;

namespace SmartPick.Web.Pages.Shared;

/// <summary>A page whose forms report their problems in <see cref="Errors"/> and record nothing while there are any.</summary>
public interface IFormPage
{
    FormErrors Errors { get; }
}

/// <summary>
/// A posted value the model binder could not read (a tick box's "true" replaced by other text, a choice the form does
/// not offer): a browser never sends one, and taken as the field's default it would change what is recorded (a letter
/// from the US becomes a non-US one, a reminder is switched off). On a form page it becomes that field's error, so the
/// handler refuses the form as it refuses any other bad value, with the form shown again.
/// </summary>
public sealed class UnreadableValuesFilter : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (!HttpMethods.IsPost(context.HttpContext.Request.Method) || context.HandlerInstance is not IFormPage page) return;
        foreach (var (field, entry) in context.ModelState)
        {
            // A value that was sent and not read; an empty one is the form's own "none" (the field's default).
            if (entry.Errors.Count == 0 || entry.AttemptedValue is not { Length: > 0 } value) continue;
            page.Errors.Add(field, $"'{FieldErrors.Clip(value)}' is not one of the values this form offers; choose again.");
        }
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}
