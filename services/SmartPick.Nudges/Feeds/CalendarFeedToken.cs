using System.Security.Cryptography;
using SmartPick.Nudges.Email;

namespace SmartPick.Nudges.Feeds;

/// <summary>
/// The secret in a calendar subscription URL (<c>…/feeds/{token}.ics</c>). Calendar apps fetch without a
/// session, so the token alone must name the tenant and be unguessable (at least 128 random bits).
/// Revocable: storage keeps <see cref="Hash"/> with the feed's owner, and a revoked or regenerated feed
/// simply has no row for the old hash. Text form: <c>f1.{base64url(tenant)}.{base64url(secret)}</c>.
/// </summary>
internal readonly record struct CalendarFeedToken
{
    private const string Prefix = "f1";

    private CalendarFeedToken(string tenant, string value)
    {
        Tenant = tenant;
        Value = value;
    }

    public string Tenant { get; }

    public string Value { get; }

    public static CalendarFeedToken Create(string tenant, ReadOnlySpan<byte> randomSecret) =>
        new(tenant, TenantScopedToken.Format(Prefix, tenant, randomSecret));

    public static CalendarFeedToken NewRandom(string tenant) =>
        Create(tenant, RandomNumberGenerator.GetBytes(TenantScopedToken.DefaultSecretBytes));

    public static bool TryParse(string? value, out CalendarFeedToken token)
    {
        token = default;
        if (!TenantScopedToken.TryParse(Prefix, value, out var tenant))
        {
            return false;
        }

        token = new CalendarFeedToken(tenant, value!);
        return true;
    }

    public string Hash() => TenantScopedToken.Hash(Value);

    public override string ToString() => Value;
}
