using Microsoft.AspNetCore.Http;
using SmartPick.Nudges.Calendar;
using SmartPick.Nudges.Rules;

namespace SmartPick.Nudges.Http;

/// <summary>Small pieces the nudges endpoints share.</summary>
internal static class NudgesHttp
{
    public static IResult NotFound() => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static string ZoneOrEastern(string? zone) => OrgTime.IsKnownZone(zone) ? zone! : SeasonCalendarRules.EasternTimeZoneId;

    public static string KindName(NudgeKind kind) => NudgeKey.KindText(kind).Replace('-', '_');
}
