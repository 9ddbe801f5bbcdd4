namespace SmartPick.Nudges.Email;

/// <summary>
/// How an organization's nudges are signed and where their unsubscribe links point.
/// </summary>
/// <param name="OrganizationName">Shown in the body and as the sender name when <paramref name="SenderName"/> is blank.</param>
/// <param name="SenderName">Display name of the From address, as set by the org admin.</param>
/// <param name="FromAddress">The configured sending address (a bare <c>local@domain</c>).</param>
/// <param name="UnsubscribeBaseUrl">Absolute http(s) URL of the app; links become <c>{base}/u/{token}</c>.</param>
/// <param name="UnsubscribeMailbox">Optional address for mail-based unsubscribe (second List-Unsubscribe entry).</param>
public sealed record NudgeSender(
    string OrganizationName,
    string SenderName,
    string FromAddress,
    string UnsubscribeBaseUrl,
    string? UnsubscribeMailbox = null);
