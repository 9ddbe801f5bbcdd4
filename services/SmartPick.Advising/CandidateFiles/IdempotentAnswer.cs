namespace SmartPick.Advising.CandidateFiles;

/// <summary>
/// The first successful answer to a command sent with an Idempotency-Key, kept per tenant and keyed by the
/// key and the route. It is written in the same transaction as the command's events, so either both exist
/// or neither does; a repeat of the request gets this answer back and appends nothing.
/// </summary>
public sealed class IdempotentAnswer
{
    public string Id { get; set; } = "";
    public string RequestHash { get; set; } = "";
    public int Status { get; set; }
    public string Body { get; set; } = "";
    public string? Location { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    public static string IdFor(string method, string path, string key) => $"{method} {path} {key}";
}
