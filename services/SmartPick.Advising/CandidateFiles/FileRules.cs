namespace SmartPick.Advising.CandidateFiles;

/// <summary>State rules shared by every command on an existing file.</summary>
internal static class FileRules
{
    /// <summary>Nothing may be appended to a file that does not exist or was archived.</summary>
    public static Refusal? Writable(CandidateFile? file)
    {
        if (file is null) return Refusal.NotFound("No candidate file with this id.");
        if (file.Archived) return Refusal.Conflict("The candidate file is archived; nothing more can be recorded in it.");
        return null;
    }

    /// <summary>Commands about a season need that season to be started and not concluded.</summary>
    public static Refusal? SeasonInProgress(CandidateFile file, int season)
    {
        var cycle = file.Cycle(season);
        if (cycle is null) return Refusal.Conflict($"Season {season} was never started for this candidate.");
        if (cycle.Outcome is not null) return Refusal.Conflict($"Season {season} is already concluded ({cycle.Outcome}).");
        return null;
    }
}
