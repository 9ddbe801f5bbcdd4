using System.Security.Claims;
using SmartPick.Advising.CandidateFiles;
using SmartPick.Contracts;

namespace SmartPick.Advising.Http;

/// <summary>Who is recording: the signed-in user's id and display name.</summary>
public static class Recorder
{
    public static RecordedBy From(ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.Identity?.Name ?? "unknown",
        user.FindFirstValue(SmartPickClaims.DisplayName) ?? user.FindFirstValue(ClaimTypes.Name) ?? user.Identity?.Name ?? "unknown");

    /// <summary>The file a candidate user is bound to; only the claim counts, never the request.</summary>
    public static Guid? CandidateFileOf(ClaimsPrincipal user)
        => Guid.TryParse(user.FindFirstValue(SmartPickClaims.CandidateId), out var id) ? id : null;
}
