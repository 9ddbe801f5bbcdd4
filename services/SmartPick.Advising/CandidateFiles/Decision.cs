using SmartPick.Contracts;
namespace SmartPick.Advising.CandidateFiles;

/// <summary>Why a command was refused because of the file's state (not its input): 404 or 409.</summary>
public sealed record Refusal(int Status, string Title, string Detail)
{
    public static Refusal Conflict(string detail) => new(409, "The file does not allow this now", detail);
    public static Refusal NotFound(string detail) => new(404, "Not found", detail);
}

/// <summary>The outcome of a pure decision: the facts to append, or the reason nothing is appended.</summary>
public sealed record Decision(IReadOnlyList<object> Events, Refusal? Refusal)
{
    public bool Accepted => Refusal is null;

    public static Decision Append(params object[] events) => new(events, null);
    public static Decision Refuse(Refusal refusal) => new([], refusal);
    public static Decision Conflict(string detail) => Refuse(Refusal.Conflict(detail));
}

/// <summary>Who asks and when: passed into every decision so decisions stay pure.</summary>
public sealed record Stamp(RecordedBy By, DateTimeOffset At)
{
    public DateOnly Today => DateOnly.FromDateTime(At.UtcDateTime);
}
