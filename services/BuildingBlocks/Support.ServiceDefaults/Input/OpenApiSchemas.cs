using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Support.ServiceDefaults.Input;

/// <summary>How the OpenAPI documents name and describe what <see cref="StrictJson"/> reads.</summary>
public static class OpenApiSchemas
{
    /// <summary>
    /// The default name (the type's own name, generic arguments appended) prefixed by every declaring type, so
    /// <c>RegisterYoungPerson.Request</c> is <c>RegisterYoungPersonRequest</c> and no two records share a schema.
    /// </summary>
    public static string? ReferenceId(JsonTypeInfo typeInfo)
    {
        var name = OpenApiOptions.CreateDefaultSchemaReferenceId(typeInfo);
        if (name is null)
        {
            return null;
        }
        for (var declaring = typeInfo.Type.DeclaringType; declaring is not null; declaring = declaring.DeclaringType)
        {
            name = declaring.Name.Split('`')[0] + name;
        }
        return name;
    }

    /// <summary>Enums are read by <see cref="StrictEnumConverter{TEnum}"/>: documented as strings of their names.</summary>
    public static Task DescribeEnumsByName(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        var underlying = Nullable.GetUnderlyingType(type);
        var enumType = underlying ?? type;
        if (enumType.IsEnum)
        {
            schema.Type = underlying is null ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
            schema.Enum = Enum.GetNames(enumType).Select(n => (JsonNode)JsonValue.Create(n)).ToList();
            schema.Format = null;
        }
        return Task.CompletedTask;
    }
}
