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

    /// <summary>
    /// Strings and dates are read by <see cref="StrictJson"/>'s own converters, which the schema generator cannot see
    /// into (it documents them as "anything"): documented as the strings and formats they accept.
    /// </summary>
    public static Task DescribeStrictConverters(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        var underlying = Nullable.GetUnderlyingType(type);
        var format = (underlying ?? type) switch
        {
            var t when t == typeof(DateOnly) => "date",
            var t when t == typeof(DateTimeOffset) || t == typeof(DateTime) => "date-time",
            var t when t == typeof(string) => "",
            _ => null,
        };
        if (format is null || schema.Type is not null)
        {
            return Task.CompletedTask;
        }
        // A string property may be null unless the record says otherwise; the generator marks nullability on the
        // property, so a plain string is documented as a string and a nullable value type as string or null.
        schema.Type = underlying is null ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
        if (format.Length > 0)
        {
            schema.Format = format;
        }
        return Task.CompletedTask;
    }
}
