namespace SmartPick.Nudges.Sweeps;

/// <summary>What one sweep did with each due nudge, by key.</summary>
public sealed class NudgeSweepReport(string orgId, DateTimeOffset asOf)
{
    public string OrgId { get; } = orgId;
    public DateTimeOffset AsOf { get; } = asOf;
    public List<string> Sent { get; } = [];
    public List<string> Failed { get; } = [];
    public List<string> Suppressed { get; } = [];
    public List<string> SkippedOptedOut { get; } = [];
    public List<string> SkippedSuppressedAddress { get; } = [];
    public List<string> SkippedDelivered { get; } = [];
    public List<string> SkippedClaimedElsewhere { get; } = [];

    /// <summary>Keys re-sent after a stale claim: the first send may have left too (same Message-Id).</summary>
    public List<string> PossibleDuplicates { get; } = [];
}
