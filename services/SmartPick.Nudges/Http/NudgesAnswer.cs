using Microsoft.AspNetCore.Http;
using SmartPick.Contracts;

namespace SmartPick.Nudges.Http;

/// <summary>
/// What a nudges use case answered: its value, what is wrong with the input, or not found (no such organization or
/// candidate file in this tenant). Endpoints answer it over HTTP with <see cref="ToHttp"/>; pages show it on their forms.
/// </summary>
public sealed class NudgesAnswer<T> where T : class
{
    private NudgesAnswer(T? value, FieldErrors? invalid) => (Value, Invalid) = (value, invalid);

    public T? Value { get; }
    public FieldErrors? Invalid { get; }
    public bool IsNotFound => Value is null && Invalid is null;

    /// <summary>The HTTP status the answer stands for: 200, 400 or 404.</summary>
    public int Status => Value is not null ? StatusCodes.Status200OK : Invalid is not null ? StatusCodes.Status400BadRequest : StatusCodes.Status404NotFound;

    public static NudgesAnswer<T> NotFound { get; } = new(null, null);

    public static implicit operator NudgesAnswer<T>(T value) => new(value ?? throw new ArgumentNullException(nameof(value)), null);

    public static implicit operator NudgesAnswer<T>(FieldErrors errors) => new(null, errors ?? throw new ArgumentNullException(nameof(errors)));

    /// <summary>200 (or <paramref name="status"/>) with the value as JSON, 400 with the field errors, or 404.</summary>
    public IResult ToHttp(int status = StatusCodes.Status200OK) =>
        Value is { } value ? Results.Json(value, statusCode: status)
        : Invalid is { } errors ? errors.ToProblem()
        : NudgesHttp.NotFound();
}
