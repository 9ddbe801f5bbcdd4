using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using SmartPick.Contracts;

namespace SmartPick.Catalog.Programs;

/// <summary>The catalog endpoints' refusals as problem details: 400 with field errors, 404, 409 and 412.</summary>
internal static class CatalogProblems
{
    public static ProblemDetails Invalid(IEnumerable<(string Field, string Message)> errors, string title = "The request has invalid fields")
    {
        var byField = errors
            .GroupBy(e => e.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal);
        return new ValidationProblemDetails(byField) { Status = StatusCodes.Status400BadRequest, Title = title };
    }

    public static ProblemDetails Invalid(string field, string message, string title = "The request has invalid fields") =>
        Invalid([(field, message)], title);

    public static ProblemDetails NotFound(string detail) =>
        new() { Status = StatusCodes.Status404NotFound, Title = "Not found", Detail = detail };

    public static ProblemDetails Conflict(string detail) =>
        new() { Status = StatusCodes.Status409Conflict, Title = "Conflict with the current catalog", Detail = detail };

    public static ProblemDetails StaleVersion(string expected, string current) => new()
    {
        Status = StatusCodes.Status412PreconditionFailed,
        Title = "The catalog has changed",
        Detail = $"expected catalog version {expected} but the catalog is now at {current}; reload and edit again",
    };
}

/// <summary>Who is acting, taken from the signed-in user's claims.</summary>
internal static class CatalogActors
{
    public static CatalogActor Of(ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.FindFirstValue("sub") ?? user.Identity?.Name ?? "unknown";
        var name = user.FindFirstValue(SmartPickClaims.DisplayName) ?? user.Identity?.Name ?? user.FindFirstValue(ClaimTypes.Email) ?? id;
        return new CatalogActor(id, name);
    }
}
