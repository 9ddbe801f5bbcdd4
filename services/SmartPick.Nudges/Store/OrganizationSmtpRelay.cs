using SmartPick.Nudges.Email;

namespace SmartPick.Nudges.Store;

/// <summary>
/// An organization's own outgoing SMTP server, for agencies that send through their relay instead of the
/// platform's <c>Smtp</c> configuration. One per tenant.
/// </summary>
public sealed class OrganizationSmtpRelay
{
    public const string SingletonId = "smtp-relay";

    public string Id { get; set; } = SingletonId;
    public required string Host { get; set; }
    public int Port { get; set; } = 587;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public bool UseStartTls { get; set; } = true;
    public required string FromAddress { get; set; }
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public SmtpSettings ToSettings() => new()
    {
        Host = Host,
        Port = Port,
        UserName = UserName,
        Password = Password,
        UseStartTls = UseStartTls,
        FromAddress = FromAddress,
        Timeout = Timeout,
    };
}
