using SmartPick.Contracts;
namespace SmartPick.Advising.CandidateFiles;

/// <summary>
/// A command on an existing candidate file describes itself: what is wrong with its input (<see cref="Validate"/>,
/// pure, 400) and what it decides on the file as it is (<see cref="Decide"/>, pure, facts or a refusal).
/// <see cref="CandidateFileDoor"/> does the rest for every command alike.
/// </summary>
public interface IFileCommand<TSelf> where TSelf : IFileCommand<TSelf>
{
    static abstract FieldErrors Validate(TSelf command, Stamp stamp);

    static abstract Decision Decide(CandidateFile file, TSelf command, Stamp stamp);

    /// <summary>The file version the sender read (412 when the file has moved on); null to not check.</summary>
    long? ExpectedVersion { get; }
}

/// <summary>
/// A command that names programs (an interview, the applications sent, a match, a signal): each must be in the
/// organization's catalog, or the door answers a field error naming the one that is not.
/// </summary>
public interface INamesPrograms
{
    /// <summary>Each program code the command names, with the field (JSON path) it came in.</summary>
    IEnumerable<(string Field, string Code)> ProgramsNamed();
}

/// <summary>Which program codes the organization's catalog holds (the session is scoped to the organization).</summary>
public interface IProgramCatalog
{
    Task<IReadOnlySet<string>> CodesAsync(Marten.IQuerySession session, CancellationToken ct);
}

/// <summary>A fact that changes what the engine ranks on: recording one recomputes the candidate's list.</summary>
public interface IProfileFact;

/// <summary>A fact that records one item of the file (an exam, a letter, a note) that later commands name by its id.</summary>
public interface IFileItemFact
{
    Guid ItemId { get; }
}

/// <summary>
/// Recompute one candidate's list (the tenant travels with the message envelope). <paramref name="AtVersion"/> is
/// the file's version right after the change that asked for it; a request whose change an earlier regeneration
/// already took into account is settled without running the engine again. The door sends it, in the same
/// transaction as the facts, whenever a file is opened or a profile fact is recorded.
/// </summary>
public sealed record RegenerateList(Guid CandidateId, long? AtVersion = null);
