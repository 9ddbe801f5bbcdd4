using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using SmartPick.Nudges.Rules;

namespace SmartPick.Nudges.Email;

/// <summary>
/// Shared shape of the bearer tokens sent in emails and feed URLs:
/// <c>{prefix}.{base64url(tenant)}.{base64url(secret)}</c>. The tenant part lets an endpoint open the
/// right tenant without a session; the secret (at least 128 random bits) is what makes the token
/// unguessable. Storage keeps only <see cref="Hash"/>, so a leaked table holds no working token, and
/// revoking a token is deleting (or flagging) its row.
/// </summary>
internal static class TenantScopedToken
{
    public const int MinimumSecretBytes = 16;
    public const int DefaultSecretBytes = 32;

    public static string Format(string prefix, string tenant, ReadOnlySpan<byte> secret)
    {
        if (!NudgeKey.IsValidTenant(tenant))
        {
            throw new ArgumentException("A tenant id is 1–64 letters, digits, '-', '_' or '.'.", nameof(tenant));
        }

        if (secret.Length < MinimumSecretBytes)
        {
            throw new ArgumentException($"A token needs at least {MinimumSecretBytes * 8} random bits.", nameof(secret));
        }

        return $"{prefix}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(tenant))}.{Base64Url.EncodeToString(secret)}";
    }

    public static bool TryParse(string prefix, string? value, out string tenant)
    {
        tenant = "";
        var parts = value?.Split('.');
        if (parts is not { Length: 3 } || parts[0] != prefix || value!.Length > 512)
        {
            return false;
        }

        try
        {
            var decodedTenant = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1]));
            var secret = Base64Url.DecodeFromChars(parts[2]);
            if (!NudgeKey.IsValidTenant(decodedTenant) || secret.Length < MinimumSecretBytes
                || Format(prefix, decodedTenant, secret) != value)
            {
                return false;
            }

            tenant = decodedTenant;
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
