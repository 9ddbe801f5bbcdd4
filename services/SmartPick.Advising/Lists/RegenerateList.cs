namespace SmartPick.Advising.Lists;

/// <summary>Recompute one candidate's list (the tenant travels with the message envelope).</summary>
public sealed record RegenerateList(Guid CandidateId);
