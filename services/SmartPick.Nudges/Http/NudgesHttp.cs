using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using SmartPick.Contracts;
using SmartPick.Nudges.Calendar;
using SmartPick.Nudges.Rules;

namespace SmartPick.Nudges.Http;

/// <summary>Small pieces the nudges endpoints share.</summary>
internal static class NudgesHttp
{
    /// <summary>The candidate file a candidate user is bound to (from the sign-in, never from the request).</summary>
    public static Guid? CandidateIdOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirst(SmartPickClaims.CandidateId)?.Value, out var id) ? id : null;

    public static string UserIdOf(ClaimsPrincipal user) =>
        user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? user.Identity?.Name ?? "unknown";

    public static IResult NotFound() => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static IResult Invalid(IDictionary<string, string[]> errors) => Results.ValidationProblem(errors);

    public static IResult Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static string ZoneOrEastern(string? zone) => OrgTime.IsKnownZone(zone) ? zone! : SeasonCalendarRules.EasternTimeZoneId;

    public static string KindName(NudgeKind kind) => NudgeKey.KindText(kind).Replace('-', '_');
}
