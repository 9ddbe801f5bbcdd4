using SmartPick.Contracts;
using Marten.Events.Aggregation;
using SmartPick.Advising.CandidateFiles;
using SmartPick.Matching.Model;

namespace SmartPick.Advising.Lists;

public enum ListStatus { Pending, Ready }

/// <summary>
/// The candidate's current ranked list in the engine's output shape, with what changed since the previous
/// list. <see cref="ListStatus.Pending"/> until the first list is computed.
/// </summary>
public sealed class CurrentList
{
    public Guid Id { get; set; }
    public ListStatus Status { get; set; }
    public int Number { get; set; }
    public IReadOnlyList<ListedProgram> Programs { get; set; } = [];
    public int EligibleCount { get; set; }
    public IReadOnlyList<ExclusionCount> Excluded { get; set; } = [];
    public IReadOnlyList<CurvePoint> Curve { get; set; } = [];
    public int RecommendedApplications { get; set; }
    public double PMatch { get; set; }
    public IReadOnlyList<string> RiskFactors { get; set; } = [];
    public IReadOnlyList<ListedAdvice> Advice { get; set; } = [];
    /// <summary>The curve with expected interviews, as recorded with the list (null for lists recorded before it was).</summary>
    public IReadOnlyList<ListPoint>? Points { get; set; }
    /// <summary>The application plan (price, signals, regions) recorded with the list; null for lists recorded before plans.</summary>
    public SmartPick.Matching.Model.StrategyPlan? Plan { get; set; }
    /// <summary>What would open programs, recorded with the list; null for lists recorded before it.</summary>
    public IReadOnlyList<SmartPick.Matching.Model.UnlockItem>? Unlock { get; set; }
    public EngineVersions? Versions { get; set; }
    public DateTimeOffset? GeneratedAt { get; set; }
    public ListChanges? Changes { get; set; }
}

public partial class CurrentListProjection : SingleStreamProjection<CurrentList, Guid>
{
    public CurrentList Create(CandidateFileOpened e) => new() { Id = e.CandidateId, Status = ListStatus.Pending };

    public void Apply(ProgramListRegenerated e, CurrentList view)
    {
        view.Status = ListStatus.Ready;
        view.Number++;
        view.EligibleCount = e.EligibleCount;
        view.RecommendedApplications = e.RecommendedApplications;
        view.PMatch = e.PMatch;
        view.RiskFactors = e.RiskFactors;
        view.Advice = e.Advice;
        view.Points = e.Points;
        view.Versions = new EngineVersions(e.EngineVersion, e.ParametersVersion, e.CatalogVersion);
        view.GeneratedAt = e.RecordedAt;
    }

    public void Apply(RankedListRecorded e, CurrentList view)
    {
        view.Programs = e.Programs;
        view.Excluded = e.Excluded;
        view.Curve = e.Curve;
        view.Changes = e.Changes;
        view.Plan = e.Plan;
        view.Unlock = e.Unlock;
    }

    /// <summary>A list recorded the earlier way: read as the two facts it would be now, its difference from the list this view holds.</summary>
    public void Apply(ProgramListRegeneratedV1 e, CurrentList view)
    {
        var (outlook, list) = ListRecording.Record(e.CandidateId, ListContent.Of(view), ListContent.Of(e), e.RecordedBy, e.RecordedAt);
        Apply(outlook, view);
        Apply(list, view);
    }
}

public sealed record ListHistoryEntry(
    int Number,
    DateTimeOffset GeneratedAt,
    EngineVersions Versions,
    double PMatch,
    int RecommendedApplications,
    int Programs,
    IReadOnlyList<string> RiskFactors,
    ListChanges Changes);

/// <summary>Every list the candidate was given, oldest first, each with its difference from the one before.</summary>
public sealed class ListHistory
{
    public Guid Id { get; set; }
    public List<ListHistoryEntry> Entries { get; set; } = [];

    /// <summary>
    /// Only while the file's lists are of the earlier kind (<see cref="ProgramListRegeneratedV1"/>), which do not
    /// carry their difference: the last of them, to compare the next with. Null otherwise.
    /// </summary>
    public ListContent? PreviousV1 { get; set; }
}

public partial class ListHistoryProjection : SingleStreamProjection<ListHistory, Guid>
{
    public ListHistory Create(CandidateFileOpened e) => new() { Id = e.CandidateId };

    public void Apply(ProgramListRegenerated e, ListHistory view)
    {
        // The difference comes with the programs, in the RankedListRecorded that follows.
        view.Entries.Add(new ListHistoryEntry(view.Entries.Count + 1, e.RecordedAt,
            new EngineVersions(e.EngineVersion, e.ParametersVersion, e.CatalogVersion), e.PMatch, e.RecommendedApplications,
            e.ProgramsListed, e.RiskFactors, ListChanges.None(e.PMatch, e.RecommendedApplications)));
        view.PreviousV1 = null;
    }

    public void Apply(RankedListRecorded e, ListHistory view)
    {
        if (view.Entries.Count > 0) view.Entries[^1] = view.Entries[^1] with { Changes = e.Changes };
    }

    public void Apply(ProgramListRegeneratedV1 e, ListHistory view)
    {
        var next = ListContent.Of(e);
        var (outlook, list) = ListRecording.Record(e.CandidateId, view.PreviousV1, next, e.RecordedBy, e.RecordedAt);
        Apply(outlook, view);
        Apply(list, view);
        view.PreviousV1 = next;
    }
}
