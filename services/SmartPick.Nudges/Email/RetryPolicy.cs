namespace SmartPick.Nudges.Email;

/// <summary>
/// When to try a temporarily failed delivery again: a fixed list of waits, one per retry. The default
/// is three retries after 1 s, 4 s and 16 s (four attempts in all). Permanent failures are never retried.
/// </summary>
public sealed record RetryPolicy(IReadOnlyList<TimeSpan> Delays)
{
    public static RetryPolicy Default { get; } = Exponential(3, TimeSpan.FromSeconds(1), 4);

    /// <summary><paramref name="retries"/> waits: first, first×factor, first×factor², …</summary>
    public static RetryPolicy Exponential(int retries, TimeSpan first, double factor)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(retries);
        ArgumentOutOfRangeException.ThrowIfLessThan(factor, 1.0);
        return new RetryPolicy(Enumerable.Range(0, retries).Select(i => first * Math.Pow(factor, i)).ToList());
    }

    /// <summary>Retries without waiting (tests).</summary>
    public static RetryPolicy Immediate(int retries) => new(Enumerable.Repeat(TimeSpan.Zero, retries).ToList());

    public int MaxAttempts => Delays.Count + 1;

    /// <summary>
    /// The wait before the next attempt after <paramref name="attemptsMade"/> attempts ended in
    /// <paramref name="outcome"/>; null when there is nothing more to do.
    /// </summary>
    public TimeSpan? NextDelay(int attemptsMade, DeliveryOutcome outcome) =>
        outcome is DeliveryOutcome.TemporaryFailure && attemptsMade >= 1 && attemptsMade <= Delays.Count
            ? Delays[attemptsMade - 1]
            : null;
}
