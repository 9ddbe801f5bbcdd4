namespace SmartPick.Web.Auth;

/// <summary>Small helpers that keep error answers uniform: RFC 7807 with snake_case field names.</summary>
public static class Problems
{
    public static IResult Validation(params (string Field, string Message)[] errors) =>
        Results.ValidationProblem(errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            title: "The request has invalid fields");

    public static IResult NotFound(string what) => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"{what} not found");

    public static IResult Conflict(string title, string detail) => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail);

    /// <summary>Collects field errors for a request; empty means valid.</summary>
    public sealed class Errors
    {
        private readonly List<(string, string)> _items = [];
        public bool Any => _items.Count > 0;
        public Errors Check(bool ok, string field, string message)
        {
            if (!ok) _items.Add((field, message));
            return this;
        }
        public IResult ToResult() => Validation([.. _items]);
    }
}
