using Microsoft.AspNetCore.Http;
using SmartPick.Contracts;

namespace SmartPick.Catalog.Programs;

/// <summary>
/// Why the catalog refuses a write although its input is well formed: 404 (no such program or import), 409 (the
/// write conflicts with the current catalog) or 412 (the catalog changed since the caller read it). What is wrong
/// with an input is <see cref="FieldErrors"/> instead.
/// </summary>
public sealed record CatalogRefusal(int Status, string Title, string Detail)
{
    /// <summary>The catalog version now, when the refusal is a stale version.</summary>
    public string? CurrentVersion { get; init; }

    public IResult ToProblem() => Results.Problem(statusCode: Status, title: Title, detail: Detail);
}

/// <summary>The catalog's refusals, worded in one place.</summary>
internal static class CatalogProblems
{
    public static CatalogRefusal NotFound(string detail) => new(StatusCodes.Status404NotFound, "Not found", detail);

    public static CatalogRefusal Conflict(string detail) => new(StatusCodes.Status409Conflict, "Conflict with the current catalog", detail);

    public static CatalogRefusal StaleVersion(string expected, string current) =>
        new(StatusCodes.Status412PreconditionFailed, "The catalog has changed",
            $"expected catalog version {expected} but the catalog is now at {current}; reload and edit again")
        { CurrentVersion = current };
}

/// <summary>
/// What a catalog write decided: accepted with its result, refused for what is wrong with the input, or refused by
/// the catalog's state. Its endpoint answers it over HTTP with <see cref="ToHttp"/>; its page shows it on the form.
/// </summary>
public sealed class CatalogWrite<T> where T : class
{
    private CatalogWrite(T? accepted, FieldErrors? invalid, CatalogRefusal? refused) => (Accepted, Invalid, Refused) = (accepted, invalid, refused);

    public T? Accepted { get; }
    public FieldErrors? Invalid { get; }
    public CatalogRefusal? Refused { get; }

    public static implicit operator CatalogWrite<T>(T accepted) => new(accepted ?? throw new ArgumentNullException(nameof(accepted)), null, null);

    public static implicit operator CatalogWrite<T>(FieldErrors invalid) => new(null, invalid ?? throw new ArgumentNullException(nameof(invalid)), null);

    public static implicit operator CatalogWrite<T>(CatalogRefusal refused) => new(null, null, refused ?? throw new ArgumentNullException(nameof(refused)));

    /// <summary>200 with the result as JSON, 400 with the field errors, or the refusal's problem details.</summary>
    public IResult ToHttp() =>
        Accepted is { } accepted ? Results.Json(accepted)
        : Invalid is { } invalid ? invalid.ToProblem()
        : Refused!.ToProblem();
}
