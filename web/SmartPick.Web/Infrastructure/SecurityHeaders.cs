using SmartPick.Web.OpenApi;

namespace SmartPick.Web.Infrastructure;

/// <summary>Security headers on every answer (and no-store on the API's). The API reference has a policy of its own (inline start-up script), the jobs dashboard none.</summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        // API answers carry personal data (names, emails, scores): no shared or browser cache keeps them.
        if (context.Request.Path.StartsWithSegments("/api")) headers.CacheControl = "no-store";
        if (context.Request.Path.StartsWithSegments(ApiReference.Path))
        {
            headers.ContentSecurityPolicy = ApiReference.ContentSecurityPolicy;
        }
        else if (!context.Request.Path.StartsWithSegments("/ops/jobs"))
        {
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; " +
                                            "form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";
        }
        return next(context);
    }
}
