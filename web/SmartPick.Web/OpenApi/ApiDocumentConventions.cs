using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SmartPick.Web.OpenApi;

/// <summary>
/// The document's own parts: what the API is, the bearer scheme its operations require, the areas (tags) with
/// their descriptions, and the server: the one the document came from. Runs after every operation is described.
/// </summary>
internal sealed class ApiDocumentConventions : IOpenApiDocumentTransformer
{
    public const string BearerScheme = "bearer";
    public const string UntypedAnswer = "IResult";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "SmartPick API",
            Version = "v1",
            Description =
                "Residency application advising for international medical graduates: candidate files kept as events, the ranked " +
                "program list worked out for each candidate, the organization's program catalog, season facts and email nudges.\n\n" +
                "JSON is snake_case. Sign in with `POST /api/auth/login` and send the `access_token` it answers as " +
                "`Authorization: Bearer …`; the organization (tenant) is always the signed-in user's own. Writes to a candidate file " +
                "take an optional expected version (412 when stale) and an `Idempotency-Key` header. Bad input answers 400 with " +
                "field-level problem details, a state conflict 409.",
            // Not published under an open licence, and there is no public licence page to link to: an SPDX reference of our own.
            License = new OpenApiLicense { Name = "Proprietary: all rights reserved", Identifier = "LicenseRef-Proprietary" },
        };

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The `access_token` answered by `POST /api/auth/login` (or `POST /api/auth/refresh`), valid for an hour. " +
                          "It is opaque, not a JWT. Signing out or changing the password ends it.",
        };

        // Only the areas that operations use, in the fixed order, each with its description.
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in (document.Paths ?? new OpenApiPaths()).Values.SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()))
            foreach (var tag in operation.Tags ?? Enumerable.Empty<OpenApiTagReference>())
                if (tag.Name is { } name) used.Add(name);
        document.Tags = new HashSet<OpenApiTag>(ApiAreas.All.Where(a => used.Contains(a.Tag))
            .Select(a => new OpenApiTag { Name = a.Tag, Description = a.Description }));

        // Wolverine describes an endpoint answering IResult as answering an empty object (see ApiOperationConventions).
        document.Components.Schemas?.Remove(UntypedAnswer);

        // The server is the one that served this document (a URL relative to it), rather than the address the app
        // saw the request arrive at: behind a proxy that is not the one clients use.
        document.Servers = [new OpenApiServer { Url = "/", Description = "The server this document came from" }];

        return Task.CompletedTask;
    }
}
