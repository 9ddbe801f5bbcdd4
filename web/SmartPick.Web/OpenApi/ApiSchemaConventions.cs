using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SmartPick.Web.OpenApi;

/// <summary>
/// A request's nullable fields may be left out: the JSON reader gives an absent field and a null the same value, and
/// the command's own validation answers 400 naming each field it needs. The generator lists every constructor
/// parameter of a record as required; this leaves only those that cannot be null.
/// </summary>
internal sealed class ApiSchemaConventions : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Required is not { Count: > 0 } required) return Task.CompletedTask;
        foreach (var property in context.JsonTypeInfo.Properties)
            if (AllowsNull(property)) required.Remove(property.Name);
        return Task.CompletedTask;
    }

    private static bool AllowsNull(JsonPropertyInfo property) =>
        property.PropertyType.IsValueType ? Nullable.GetUnderlyingType(property.PropertyType) is not null : property.IsSetNullable;
}
