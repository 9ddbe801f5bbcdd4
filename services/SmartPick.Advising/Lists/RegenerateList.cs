namespace SmartPick.Advising.Lists;

/// <summary>
/// Recompute one candidate's list (the tenant travels with the message envelope). <paramref name="AtVersion"/> is
/// the file's version right after the change that asked for it; a request whose change an earlier regeneration
/// already took into account is settled without running the engine again.
/// </summary>
public sealed record RegenerateList(Guid CandidateId, long? AtVersion = null);

/// <summary>
/// Up to which version of a candidate's file the list was last recomputed (whether or not the list changed).
/// Operational state of the regeneration queue, not a view: it lets queued requests for changes already taken
/// into account be settled without running the engine, so a burst of changes to one file costs one regeneration.
/// </summary>
public sealed class ListRegenerationMark
{
    public Guid Id { get; set; }
    public long UpToVersion { get; set; }
}
