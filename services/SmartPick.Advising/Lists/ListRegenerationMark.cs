namespace SmartPick.Advising.Lists;

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
