using Microsoft.AspNetCore.Antiforgery;

namespace SmartPick.Web.Auth;

/// <summary>
/// An API write signed in with the cookie (not a bearer token) must carry the antiforgery token in the
/// <see cref="HeaderName"/> header, as a page form carries it in a field: the cookie's SameSite=Lax alone leaves
/// same-site pages and older browsers able to forge a write. A client that signs in with <c>?use_cookies=true</c>
/// reads the token from <see cref="TokenPath"/>. Bearer-token calls carry no ambient credential and are not checked;
/// anonymous calls have nothing to forge.
/// </summary>
public sealed class CookieApiAntiforgeryMiddleware(RequestDelegate next)
{
    public const string HeaderName = "X-CSRF-Token";
    public const string TokenPath = "/api/auth/antiforgery";

    public async Task InvokeAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (NeedsToken(context) && !await antiforgery.IsRequestValidAsync(context))
        {
            await Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Missing or invalid antiforgery token",
                detail: $"An API write signed in with the cookie needs the token from GET {TokenPath} in the {HeaderName} header; bearer-token calls do not.")
                .ExecuteAsync(context);
            return;
        }
        await next(context);
    }

    private static bool NeedsToken(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true
        && context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        && !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method))
        && !context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    /// <summary>The token endpoint: sets the antiforgery cookie and answers the token and the header to send it in.</summary>
    public static IEndpointRouteBuilder MapAntiforgeryToken(IEndpointRouteBuilder app)
    {
        app.MapGet(TokenPath, (HttpContext http, IAntiforgery antiforgery) =>
            {
                var tokens = antiforgery.GetAndStoreTokens(http);
                http.Response.Headers.CacheControl = "no-store";
                return Results.Ok(new AntiforgeryToken(tokens.RequestToken!, HeaderName));
            })
            .RequireAuthorization()
            .WithTags("Auth")
            .WithSummary("The antiforgery token an API client signed in with the cookie sends with each write")
            .Produces<AntiforgeryToken>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return app;
    }
}

/// <summary>The antiforgery token and the header to send it in.</summary>
public sealed record AntiforgeryToken(string Token, string HeaderName);
