using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SmartPick.Web.OpenApi;

/// <summary>
/// What every operation of the document gets, minimal API and Wolverine endpoint alike, from the endpoint's own
/// metadata: its area's tag (<see cref="ApiAreas"/>), the bearer requirement when the endpoint needs a signed-in user
/// (with its 401, and its 403 when a policy or role narrows who may call it) or an empty requirement when it does not,
/// an operation id made from the method and route, and the request example of <see cref="ApiExamples"/>.
/// </summary>
internal sealed class ApiOperationConventions : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var method = (description.HttpMethod ?? "GET").ToUpperInvariant();
        var route = Route(description.RelativePath);
        var document = context.Document;

        // Wolverine fills summary and description with its generated id when an endpoint names neither.
        if (operation.Description is { } text && text == operation.OperationId) operation.Description = null;
        if (operation.Summary is { } summary && summary == operation.OperationId) operation.Summary = null;
        operation.OperationId = OperationId(method, route);

        var tag = metadata.OfType<ITagsMetadata>().LastOrDefault()?.Tags.FirstOrDefault() ?? ApiAreas.ForRoute(route)?.Tag;
        if (tag is not null) operation.Tags = new HashSet<OpenApiTagReference> { new(tag, document) };

        operation.Security = [];
        var access = AccessOf(metadata);
        if (access == Access.Anyone)
        {
            // An empty requirement: no credentials needed.
            operation.Security.Add(new OpenApiSecurityRequirement());
        }
        else
        {
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiDocumentConventions.BearerScheme, document)] = [] });
            operation.Responses ??= [];
            operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No bearer token, or one that expired or was revoked." });
            if (access == Access.SomeUsers)
                operation.Responses.TryAdd("403", new OpenApiResponse { Description = "Signed in, but this user's role or organization may not do this." });
        }

        // An endpoint answering IResult is described by Wolverine as answering an empty object, which no answer is:
        // the status stays documented, without a body schema that would refuse the real one.
        foreach (var response in (operation.Responses ?? []).Values)
            if (response.Content is { } content)
                foreach (var type in content.Where(c => c.Value.Schema is OpenApiSchemaReference { Reference.Id: ApiDocumentConventions.UntypedAnswer }).Select(c => c.Key).ToList())
                    content.Remove(type);

        ApiExamples.Apply(operation, method, route);
        return Task.CompletedTask;
    }

    /// <summary>Who may call an endpoint, read as the authorization middleware reads it.</summary>
    public enum Access { Anyone, SignedIn, SomeUsers }

    public static Access AccessOf(IEnumerable<object> metadata)
    {
        var items = metadata.ToList();
        // [AllowAnonymous] anywhere on the endpoint wins over every requirement.
        if (items.OfType<IAllowAnonymous>().Any()) return Access.Anyone;
        var authorize = items.OfType<IAuthorizeData>().ToList();
        var policies = items.OfType<AuthorizationPolicy>().ToList();
        if (authorize.Count == 0 && policies.Count == 0) return Access.Anyone;
        var narrowed = authorize.Any(a => !string.IsNullOrEmpty(a.Policy) || !string.IsNullOrEmpty(a.Roles))
                       || policies.Any(p => p.Requirements.Any(r => r is not Microsoft.AspNetCore.Authorization.Infrastructure.DenyAnonymousAuthorizationRequirement));
        return narrowed ? Access.SomeUsers : Access.SignedIn;
    }

    /// <summary>The route as the document writes it: a leading slash, no constraints (<c>{id:guid}</c> is <c>{id}</c>).</summary>
    public static string Route(string? relativePath)
    {
        var route = new StringBuilder("/");
        var inParameter = false;
        var skipping = false;
        foreach (var c in relativePath ?? "")
        {
            if (c == '{') { inParameter = true; skipping = false; }
            else if (c == '}') { inParameter = false; skipping = false; }
            else if (inParameter && (c == ':' || c == '=' || c == '?')) { skipping = true; continue; }
            if (!skipping) route.Append(c);
        }
        return route.ToString();
    }

    /// <summary>
    /// camelCase of the method and the route's words, a parameter as <c>By</c> and its name, <c>/api</c> left out:
    /// <c>POST /api/candidates/{id}/exams</c> is <c>postCandidatesByIdExams</c>. Method and route are unique, so is this.
    /// </summary>
    public static string OperationId(string method, string route)
    {
        var id = new StringBuilder(method.ToLowerInvariant());
        var segments = route.Split('/', StringSplitOptions.RemoveEmptyEntries);
        foreach (var segment in segments.SkipWhile((s, i) => i == 0 && s == "api"))
        {
            var parameter = segment.StartsWith('{') && segment.EndsWith('}');
            if (parameter) id.Append("By");
            foreach (var word in segment.Trim('{', '}').Split(['-', '_', '.'], StringSplitOptions.RemoveEmptyEntries))
                id.Append(char.ToUpper(word[0], CultureInfo.InvariantCulture)).Append(word.AsSpan(1));
        }
        return id.ToString();
    }
}
