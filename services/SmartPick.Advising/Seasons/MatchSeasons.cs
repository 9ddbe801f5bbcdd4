namespace SmartPick.Advising.Seasons;

/// <summary>Which Match season "now" belongs to.</summary>
public static class MatchSeasons
{
    /// <summary>
    /// The Match year a candidate outside any season would apply to next: ERAS opens in June for the next
    /// year's Match, so from June on it is next year.
    /// </summary>
    public static int Next(DateTimeOffset now) => now.Month >= 6 ? now.Year + 1 : now.Year;
}
