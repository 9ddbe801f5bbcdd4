using SmartPick.Contracts;
using SmartPick.Web.Identity;

namespace SmartPick.Web.Organizations;

/// <summary>
/// What an organization or invitation function answered, for the API and the pages alike: the value, or why not
/// (invalid input, something missing or not the caller's, a state that does not allow it, too many attempts, gone).
/// </summary>
public abstract record OrgOutcome<T>
{
    public sealed record Done(T Value) : OrgOutcome<T>;

    /// <summary>The input is wrong (400).</summary>
    public sealed record Invalid(FieldErrors Errors) : OrgOutcome<T>;

    /// <summary><paramref name="What"/> does not exist for this caller (404).</summary>
    public sealed record NotFound(string What) : OrgOutcome<T>;

    /// <summary>The state does not allow it (409).</summary>
    public sealed record Conflict(string Title, string Detail) : OrgOutcome<T>;

    /// <summary>Too many attempts in a short time (429).</summary>
    public sealed record TooMany : OrgOutcome<T>;

    /// <summary>It existed once and is over (410), such as an expired invitation.</summary>
    public sealed record Gone(string Title, string Detail) : OrgOutcome<T>;

    public static implicit operator OrgOutcome<T>(T value) => new Done(value);

    public static implicit operator OrgOutcome<T>(FieldErrors errors) => new Invalid(errors);

    /// <summary>The status the answer carries over HTTP, and the status a page answers with.</summary>
    public int Status => this switch
    {
        Done => StatusCodes.Status200OK,
        Invalid => StatusCodes.Status400BadRequest,
        NotFound => StatusCodes.Status404NotFound,
        Conflict => StatusCodes.Status409Conflict,
        TooMany => StatusCodes.Status429TooManyRequests,
        Gone => StatusCodes.Status410Gone,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>The refusal as a sentence for the top of a form (field errors are mapped onto the form's fields instead).</summary>
    public string? Sentence => this switch
    {
        NotFound n => $"{n.What} was not found.",
        Conflict c => c.Detail,
        TooMany => "Too many attempts in a short time. Wait a minute and try again.",
        Gone g => g.Detail,
        _ => null,
    };
}

/// <summary>The HTTP side of <see cref="OrgOutcome{T}"/>: the value as the endpoint answers it, or the problem.</summary>
public static class OrgHttp
{
    public static IResult Answer<T>(OrgOutcome<T> outcome, Func<T, IResult>? done = null) => outcome switch
    {
        OrgOutcome<T>.Done d => done is null ? Results.Ok(d.Value) : done(d.Value),
        OrgOutcome<T>.Invalid i => i.Errors.ToProblem(),
        OrgOutcome<T>.NotFound n => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"{n.What} not found"),
        OrgOutcome<T>.Conflict c => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: c.Title, detail: c.Detail),
        OrgOutcome<T>.TooMany => AuthThrottle.TooMany(),
        OrgOutcome<T>.Gone g => Results.Problem(statusCode: StatusCodes.Status410Gone, title: g.Title, detail: g.Detail),
        _ => throw new InvalidOperationException($"Unknown outcome {outcome.GetType().Name}."),
    };
}
