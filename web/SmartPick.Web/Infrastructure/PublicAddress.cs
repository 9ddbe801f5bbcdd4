namespace SmartPick.Web.Infrastructure;

/// <summary>
/// The address people reach the app at, for links in emails and calendar feeds: <c>Nudges:PublicBaseUrl</c> when
/// configured (behind a proxy or a domain), else where the app listens (<c>--urls</c>/<c>ASPNETCORE_URLS</c>), with a
/// wildcard host read as this machine; else the default of <c>./infra/smartpick up</c>.
/// </summary>
public static class PublicAddress
{
    public const string Fallback = "http://127.0.0.1:5080";

    public static string Of(string? configured, string? listening)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return configured.Trim().TrimEnd('/');
        var first = (listening ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .OrderBy(u => u.StartsWith("https:", StringComparison.OrdinalIgnoreCase) ? 0 : 1).FirstOrDefault();
        if (first is null) return Fallback;
        // Kestrel's wildcards (http://+:80, http://*:80, http://0.0.0.0:80, http://[::]:80) are not addresses a link can use.
        var normalized = first.Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal).Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal);
        return Uri.TryCreate(normalized, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri.GetLeftPart(UriPartial.Authority)
            : Fallback;
    }
}
