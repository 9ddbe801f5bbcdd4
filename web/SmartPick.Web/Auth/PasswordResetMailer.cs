using SmartPick.Web.Mail;
using System.Threading.Channels;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using SmartPick.Web.Identity;
using SmartPick.Web.Organizations;

namespace SmartPick.Web.Auth;

/// <summary>
/// Sends password reset links after the request has been answered: the answer is the same, and takes the
/// same time, whether or not an account uses the address. The mail takes the account's organization's
/// route (its relay, else the platform's SMTP server, else the pickup folder; <see cref="AccountMailSender"/>), as nudges do.
/// </summary>
/// <remarks>
/// The queue is in memory: a request caught by a node that stops before sending is lost, and the person
/// simply asks again. Nothing secret is queued (only the address); the token is made at sending time.
/// </remarks>
public sealed class PasswordResetMailer(IServiceScopeFactory scopes, AccountMailSender mail, AccountMailOptions options,
    OrganizationDirectory organizations, IOptions<DataProtectionTokenProviderOptions> tokens, TimeProvider clock, ILogger<PasswordResetMailer> logger)
    : BackgroundService
{
    private readonly Channel<string> _queue = Channel.CreateBounded<string>(new BoundedChannelOptions(1000)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    /// <summary>Queues a link for the account that uses <paramref name="email"/>, if any; false when the queue is full.</summary>
    public bool Enqueue(string email) => _queue.Writer.TryWrite(email);

    /// <summary>The page that takes the link: <c>/account/reset?user=…&amp;code=…</c>, on the app's public address.</summary>
    public static Uri LinkFor(string publicBaseUrl, string userId, string token) => new(
        $"{publicBaseUrl.TrimEnd('/')}/account/reset?user={Uri.EscapeDataString(userId)}&code={WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(token))}");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var email in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await SendAsync(email, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One bad account (an unusable stored address, a database hiccup) must not stop the links of others.
                logger.LogError(e, "A password reset link could not be sent");
            }
        }
    }

    private async Task SendAsync(string email, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByEmailAsync(email) is not { Email: { } address } user) return;

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var organization = user.OrganizationId is { } org ? await organizations.FindAsync(org, ct) : null;
        var route = await mail.RouteAsync(user.OrganizationId, ct);

        var from = string.IsNullOrWhiteSpace(organization?.SenderEmail) ? route.EnvelopeFrom : organization.SenderEmail;
        var fromName = organization is null ? "SmartPick" : string.IsNullOrWhiteSpace(organization.SenderName) ? organization.Name : organization.SenderName;
        var message = PasswordResetEmail.Compose(address, user.DisplayName, from, fromName, LinkFor(options.PublicBaseUrl, user.Id, token),
            tokens.Value.TokenLifespan, clock.GetUtcNow());
        var delivery = await mail.SendAsync(message, route, ct);
        if (delivery.Sent) logger.LogInformation("Password reset link sent to user {UserId}", user.Id);
        else logger.LogWarning("Password reset link for user {UserId} not delivered: {Reason}", user.Id, delivery.Detail);
    }
}
