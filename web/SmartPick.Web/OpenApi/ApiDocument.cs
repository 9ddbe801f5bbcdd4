namespace SmartPick.Web.OpenApi;

/// <summary>The API document at <c>/openapi/v1.json</c>: the generated description plus the product's conventions.</summary>
public static class ApiDocument
{
    public static IServiceCollection AddApiDocument(this IServiceCollection services) => services.AddOpenApi(o =>
    {
        o.AddSchemaTransformer<ApiSchemaConventions>();
        o.AddOperationTransformer<ApiOperationConventions>();
        o.AddDocumentTransformer<ApiDocumentConventions>();
    });
}
