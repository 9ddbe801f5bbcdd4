using SmartPick.Contracts;
using SmartPick.Advising.CandidateFiles;

namespace SmartPick.Advising.Seasons;

// The facts of an organization's season table: one stream per season (SeasonStreams.IdOf), in the organization's
// tenant. Every event names its stream first, then the season, who changed it and when.

/// <summary>An org admin recorded the agency's own fees and signal counts for a season, replacing the published defaults.</summary>
public sealed record SeasonFactsRecorded(Guid SeasonId, int Season, SeasonFactsValues Facts, RecordedBy RecordedBy, DateTimeOffset RecordedAt);

/// <summary>An org admin dropped the agency's own facts for a season; the published defaults apply again.</summary>
public sealed record SeasonFactsReset(Guid SeasonId, int Season, RecordedBy ResetBy, DateTimeOffset ResetAt);

/// <summary>Where a season's stream lives: a fixed id per season, the same in every tenant (conjoined tenancy keeps them apart).</summary>
internal static class SeasonStreams
{
    public const int FirstSeason = 2000;
    public const int LastSeason = 2100;

    /// <summary>The stream of <paramref name="season"/>, readable in the database: <c>5ea50000-0000-0000-0000-000000002026</c>.</summary>
    public static Guid IdOf(int season) => Guid.Parse($"5ea50000-0000-0000-0000-{season:D12}");
}

/// <summary>
/// One season of an organization's table as recorded (inline snapshot of its stream): the agency's own facts while
/// <see cref="Edited"/>, none after a reset. <see cref="Version"/> is the stream's version, for optimistic concurrency.
/// </summary>
public sealed class OrganizationSeason
{
    public Guid Id { get; set; }
    public int Season { get; set; }
    public long Version { get; set; }
    public bool Edited { get; set; }
    public SeasonFactsValues? Facts { get; set; }
    public RecordedBy? ChangedBy { get; set; }
    public DateTimeOffset? ChangedAt { get; set; }

    public static OrganizationSeason Create(SeasonFactsRecorded e) => new()
    {
        Id = e.SeasonId, Season = e.Season, Edited = true, Facts = e.Facts, ChangedBy = e.RecordedBy, ChangedAt = e.RecordedAt,
    };

    public void Apply(SeasonFactsRecorded e)
    {
        Edited = true;
        Facts = e.Facts;
        ChangedBy = e.RecordedBy;
        ChangedAt = e.RecordedAt;
    }

    public void Apply(SeasonFactsReset e)
    {
        Edited = false;
        Facts = null;
        ChangedBy = e.ResetBy;
        ChangedAt = e.ResetAt;
    }
}
