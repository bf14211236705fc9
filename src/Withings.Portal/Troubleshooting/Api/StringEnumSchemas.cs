using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Withings.Portal.Troubleshooting.Api;

/// <summary>
/// The generated schema of an enum written as strings lists its names but has no <c>type</c>, so it does not say that
/// the values are strings; a client generator has to guess. This says it.
/// </summary>
internal sealed class StringEnumSchemas : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type.IsEnum && schema.Type is null &&
            schema.Enum is { Count: > 0 } values && values.All(v => v is JsonValue value && value.GetValueKind() == JsonValueKind.String))
        {
            schema.Type = JsonSchemaType.String;
        }
        return Task.CompletedTask;
    }
}
