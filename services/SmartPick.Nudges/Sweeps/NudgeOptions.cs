using SmartPick.Nudges.Email;

namespace SmartPick.Nudges.Sweeps;

/// <summary>
/// Configuration of sending: the <c>Smtp</c> section (Host, Port, UserName, Password, UseStartTls,
/// FromAddress) and the <c>Nudges</c> section (PublicBaseUrl, StaleClaimAfter, MaxClaims, RetryDelays, MailFolder).
/// </summary>
public sealed class NudgeOptions
{
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;
    public string? SmtpUserName { get; set; }
    public string? SmtpPassword { get; set; }
    public bool SmtpUseStartTls { get; set; } = true;

    /// <summary>Envelope sender and default From address.</summary>
    public string FromAddress { get; set; } = "nudges@smartpick.local";

    /// <summary>Absolute URL of the app as candidates reach it; unsubscribe links and feed URLs start with it.</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>A claim this old whose sweep never recorded an outcome is taken to be from a dead worker.</summary>
    public TimeSpan StaleClaimAfter { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How many sweeps may take one nudge (first claim included) before it is left as failed.</summary>
    public int MaxClaims { get; set; } = 5;

    /// <summary>Waits between SMTP attempts within one sweep after a temporary (4xx) failure.</summary>
    public RetryPolicy Retry { get; set; } = RetryPolicy.Default;

    /// <summary>Where the development default writes .eml files when no SMTP host is set.</summary>
    public string MailFolder { get; set; } = PickupFolderNudgeMailer.DefaultFolder;

    public SmtpSettings? PlatformSmtp => string.IsNullOrWhiteSpace(SmtpHost)
        ? null
        : new SmtpSettings
        {
            Host = SmtpHost,
            Port = SmtpPort,
            UserName = SmtpUserName,
            Password = SmtpPassword,
            UseStartTls = SmtpUseStartTls,
            FromAddress = FromAddress,
        };
}
