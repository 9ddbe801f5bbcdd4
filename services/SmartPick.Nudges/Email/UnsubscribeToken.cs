using System.Security.Cryptography;

namespace SmartPick.Nudges.Email;

/// <summary>
/// The token in a nudge's unsubscribe link (<c>https://…/u/{token}</c>). It names its tenant, so the
/// one-click endpoint can open that tenant without a session, and carries at least 128 random bits, so it
/// cannot be guessed. The server stores <see cref="Hash"/> with the candidate it unsubscribes.
/// Text form: <c>u1.{base64url(tenant)}.{base64url(secret)}</c> (URL-safe as is).
/// </summary>
public readonly record struct UnsubscribeToken
{
    private const string Prefix = "u1";

    private UnsubscribeToken(string tenant, string value)
    {
        Tenant = tenant;
        Value = value;
    }

    public string Tenant { get; }

    public string Value { get; }

    /// <summary>A token from caller-supplied random bytes (at least 16).</summary>
    public static UnsubscribeToken Create(string tenant, ReadOnlySpan<byte> randomSecret) =>
        new(tenant, TenantScopedToken.Format(Prefix, tenant, randomSecret));

    /// <summary>A token with 256 bits from the system's cryptographic generator.</summary>
    public static UnsubscribeToken NewRandom(string tenant) =>
        Create(tenant, RandomNumberGenerator.GetBytes(TenantScopedToken.DefaultSecretBytes));

    public static bool TryParse(string? value, out UnsubscribeToken token)
    {
        token = default;
        if (!TenantScopedToken.TryParse(Prefix, value, out var tenant))
        {
            return false;
        }

        token = new UnsubscribeToken(tenant, value!);
        return true;
    }

    /// <summary>SHA-256 of the token text: what storage keeps and looks up.</summary>
    public string Hash() => TenantScopedToken.Hash(Value);

    public override string ToString() => Value;
}
