namespace SmartPick.Catalog.Demo;

/// <summary>
/// A small seeded pseudo-random generator (SplitMix64) with integer-only arithmetic, so a seed gives the same
/// sequence on every runtime and platform (System.Random's algorithm is not promised to stay the same).
/// </summary>
internal sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A uniform double in [0, 1) from the top 53 bits: exact in IEEE arithmetic.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform integer in [0, count), without modulo bias.</summary>
    public int Next(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var bound = (ulong)count;
        var limit = ulong.MaxValue - ulong.MaxValue % bound;
        ulong value;
        do value = NextUInt64(); while (value >= limit);
        return (int)(value % bound);
    }

    /// <summary>A uniform integer in [min, max], both included.</summary>
    public int Between(int min, int max) => min + Next(max - min + 1);

    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>A roughly bell-shaped integer around <paramref name="mean"/> (sum of four uniforms), clamped to [min, max].</summary>
    public int Around(double mean, double spread, int min, int max)
    {
        var sum = NextDouble() + NextDouble() + NextDouble() + NextDouble() - 2.0; // mean 0, sd ≈ 0.577
        var value = (int)Math.Round(mean + sum * spread / 0.577, MidpointRounding.AwayFromZero);
        return Math.Clamp(value, min, max);
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>Picks by integer weights (integer arithmetic keeps the choice identical everywhere).</summary>
    public T Pick<T>(IReadOnlyList<(T Item, int Weight)> weighted)
    {
        var total = 0;
        foreach (var (_, weight) in weighted) total += weight;
        var ticket = Next(total);
        foreach (var (item, weight) in weighted)
        {
            if (ticket < weight) return item;
            ticket -= weight;
        }
        throw new InvalidOperationException("weights must be positive");
    }
}
