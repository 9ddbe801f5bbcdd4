namespace SmartPick.Web.Organizations;

/// <summary>
/// The answers to a request that names something missing (404) or collides with what exists (409), as RFC 7807
/// problems; invalid input is answered by <see cref="Contracts.FieldErrors"/>.
/// </summary>
public static class StateProblems
{
    public static IResult NotFound(string what) => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"{what} not found");

    public static IResult Conflict(string title, string detail) => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail);
}
