using MimeKit;

namespace SmartPick.Nudges.Email;

/// <summary>Applies a <see cref="RetryPolicy"/> around a mailer, waiting on the given clock.</summary>
internal static class RetryingDelivery
{
    public static async Task<(DeliveryOutcome Outcome, int Attempts)> SendAsync(
        INudgeMailer mailer,
        MimeMessage message,
        RetryPolicy policy,
        TimeProvider clock,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mailer);
        ArgumentNullException.ThrowIfNull(policy);
        var attempts = 0;
        while (true)
        {
            var outcome = await mailer.SendAsync(message, cancellationToken);
            attempts++;
            if (policy.NextDelay(attempts, outcome) is not { } delay)
            {
                return (outcome, attempts);
            }

            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, clock, cancellationToken);
            }
        }
    }
}
