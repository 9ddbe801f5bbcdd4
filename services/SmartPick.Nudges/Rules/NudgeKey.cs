using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SmartPick.Nudges.Rules;

/// <summary>
/// The identity of one nudge: tenant, candidate, kind, season and step (days before the milestone).
/// A nudge with a given key is sent at most once; the key's text is stable across releases because it is
/// written into sent-nudge events and into the email's Message-Id.
/// </summary>
public readonly record struct NudgeKey
{
    public NudgeKey(string tenant, Guid candidateId, NudgeKind kind, int season, int offsetDays)
    {
        if (!IsValidTenant(tenant))
        {
            throw new ArgumentException("A tenant id is 1–64 letters, digits, '-', '_' or '.'.", nameof(tenant));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(offsetDays);
        Tenant = tenant;
        CandidateId = candidateId;
        Kind = kind;
        Season = season;
        OffsetDays = offsetDays;
    }

    public string Tenant { get; }

    public Guid CandidateId { get; }

    public NudgeKind Kind { get; }

    public int Season { get; }

    /// <summary>Whole days before the milestone this step belongs to.</summary>
    public int OffsetDays { get; }

    /// <summary><c>nudge:{tenant}:{candidateId:N}:{kind}:{season}:{offset}d</c>, e.g. <c>nudge:acme:…:rank-list:2026:14d</c>.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"nudge:{Tenant}:{CandidateId:N}:{KindText(Kind)}:{Season}:{OffsetDays}d");

    /// <summary>
    /// A Message-Id derived only from the key, so a second send of the same nudge carries the same id and
    /// can be recognised downstream. The key's colons are not allowed in a Message-Id, hence the hash.
    /// </summary>
    public string MessageId(string domain)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(ToString()));
        return $"nudge.{Convert.ToHexStringLower(hash.AsSpan(0, 16))}@{domain}";
    }

    public static bool TryParse(string? text, out NudgeKey key)
    {
        key = default;
        var parts = text?.Split(':');
        if (parts is not { Length: 6 } || parts[0] != "nudge" || !IsValidTenant(parts[1])
            || !Guid.TryParseExact(parts[2], "N", out var candidateId)
            || KindFromText(parts[3]) is not { } kind
            || !int.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out var season)
            || !parts[5].EndsWith('d')
            || !int.TryParse(parts[5].AsSpan(0, parts[5].Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            || offset <= 0)
        {
            return false;
        }

        key = new NudgeKey(parts[1], candidateId, kind, season, offset);
        return true;
    }

    /// <summary>Tenant ids travel inside keys, tokens and headers, so they are kept to a safe alphabet.</summary>
    public static bool IsValidTenant(string? tenant) =>
        !string.IsNullOrEmpty(tenant) && tenant.Length <= 64
        && tenant.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    public static string KindText(NudgeKind kind) => kind switch
    {
        NudgeKind.Reapplication => "reapplication",
        NudgeKind.RankList => "rank-list",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown nudge kind."),
    };

    private static NudgeKind? KindFromText(string text) => text switch
    {
        "reapplication" => NudgeKind.Reapplication,
        "rank-list" => NudgeKind.RankList,
        _ => null,
    };
}
