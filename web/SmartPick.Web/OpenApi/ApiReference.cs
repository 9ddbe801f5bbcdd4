using Scalar.AspNetCore;

namespace SmartPick.Web.OpenApi;

/// <summary>
/// The browsable API reference at <c>/scalar</c>. It works offline: its script is served from the package, the
/// fonts are the browser's own, and nothing reports home or calls the vendor's services (telemetry, the AI chat,
/// MCP). The vendor's buttons are hidden: "Open in API client", the developer toolbar (share, SDKs, deploy) and
/// the "Powered by" link. Requests tried from the page go to this server only; <see cref="ContentSecurityPolicy"/>
/// holds the page to that.
/// </summary>
public static class ApiReference
{
    public const string Path = "/scalar";

    /// <summary>
    /// The page's own policy, looser than the app's for what the reference's script needs (its inline start-up
    /// script and styles), and as strict on where anything may come from or go to: this server only.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; form-action 'self'; frame-ancestors 'none'; " +
        "base-uri 'self'; object-src 'none'";

    /// <summary>The sidebar's "Powered by Scalar" link (the package's licence notice stays in its script).</summary>
    private const string HideVendorLinks = "a[href*=\"scalar.com\"] { display: none !important; }";

    public static IEndpointConventionBuilder MapApiReference(this IEndpointRouteBuilder app) =>
        app.MapScalarApiReference(Path, o => o
                .WithTitle("SmartPick API")
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .DisableMcp()
                .HideClientButton()
                .HideDeveloperTools()
                .WithCustomCss(HideVendorLinks)
                .AddPreferredSecuritySchemes(ApiDocumentConventions.BearerScheme))
            .AllowAnonymous();
}
