using SmartPick.Nudges.Rules;

namespace SmartPick.Nudges.Store;

/// <summary>Where one nudge's delivery stands.</summary>
public enum DeliveryState
{
    /// <summary>A sweep owns the key and is sending; a claim older than the stale threshold means that sweep died.</summary>
    Claimed,

    /// <summary>The mail server accepted the message and <c>NudgeSent</c> is in the candidate's stream.</summary>
    Sent,

    /// <summary>Delivery failed (temporary failures after all retries, or a problem on our side); a later sweep may try again.</summary>
    Failed,

    /// <summary>The server refused the recipient for good; the address is suppressed and never emailed again.</summary>
    Suppressed,
}

/// <summary>
/// The at-most-once record of one nudge, keyed by the deterministic <see cref="NudgeKey"/> text. A sweep
/// inserts it (the claim) in its own transaction before talking to the mail server; the unique key means
/// only one sweep on any node can own a nudge at a time.
/// </summary>
public sealed class NudgeDelivery
{
    public required string Id { get; set; }

    /// <summary>Marten's document version: a retake or an outcome is written only over the version it read.</summary>
    public Guid Version { get; set; }

    public Guid CandidateId { get; set; }
    public NudgeKind Kind { get; set; }
    public int Season { get; set; }
    public int OffsetDays { get; set; }
    public string Email { get; set; } = "";
    public DeliveryState State { get; set; }

    /// <summary>Wall-clock time of the latest claim (not the simulated sweep time): staleness is about real elapsed time.</summary>
    public DateTimeOffset ClaimedAt { get; set; }

    /// <summary>How many times a sweep took this key (1 for a first claim; more after a stale claim or a failure).</summary>
    public int Claims { get; set; }

    /// <summary>SMTP attempts made across all claims.</summary>
    public int Attempts { get; set; }

    public string ClaimedBy { get; set; } = "";
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset? DueAt { get; set; }
    public string? Detail { get; set; }

    /// <summary>Set when a stale claim was taken over: the message may have left twice (same Message-Id).</summary>
    public bool PossibleDuplicate { get; set; }

    public static NudgeDelivery ClaimFor(Nudge nudge, string node, DateTimeOffset claimedAt) => new()
    {
        Id = nudge.Key.ToString(),
        CandidateId = nudge.Key.CandidateId,
        Kind = nudge.Kind,
        Season = nudge.Season,
        OffsetDays = nudge.Key.OffsetDays,
        Email = nudge.Candidate.Email,
        State = DeliveryState.Claimed,
        ClaimedAt = claimedAt,
        Claims = 1,
        ClaimedBy = node,
        DueAt = nudge.DueAt,
    };

    /// <summary>Whether a sweep may take this key over: a claim whose sweep died, or a failure worth another try.</summary>
    public bool CanBeRetaken(DateTimeOffset wallClockNow, TimeSpan staleAfter, int maxClaims) => State switch
    {
        DeliveryState.Claimed => wallClockNow - ClaimedAt >= staleAfter,
        DeliveryState.Failed => Claims < maxClaims,
        _ => false,
    };
}
