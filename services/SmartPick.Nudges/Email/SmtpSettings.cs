namespace SmartPick.Nudges.Email;

/// <summary>
/// Connection to the outgoing SMTP server. <see cref="FromAddress"/> is the envelope sender (where
/// bounces go) and the default From of nudges.
/// </summary>
public sealed record SmtpSettings
{
    public required string Host { get; init; }

    public int Port { get; init; } = 587;

    public string? UserName { get; init; }

    public string? Password { get; init; }

    /// <summary>Upgrade the connection with STARTTLS (required when true; plain SMTP when false).</summary>
    public bool UseStartTls { get; init; } = true;

    public required string FromAddress { get; init; }

    /// <summary>Per-command network timeout.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
}
