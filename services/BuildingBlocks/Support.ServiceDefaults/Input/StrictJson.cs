using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Support.ServiceDefaults.Input;

/// <summary>
/// The one set of JSON rules every service and the gateway read request bodies with: enums by defined name only, no
/// control characters in any string, dates within <see cref="InputRules"/>' range, and no unknown members. Each
/// refusal is a <see cref="JsonException"/>, which the serializer stamps with the JSON path and
/// <c>SupportExceptionHandler</c> turns into a 400 naming the field.
/// </summary>
public static class StrictJson
{
    public static void Apply(JsonSerializerOptions options)
    {
        // A member the record does not have is a client's mistake (a misspelt field would otherwise be silently dropped).
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.Converters.Add(new StrictEnumConverterFactory());
        options.Converters.Add(new ControlCharacterFreeStringConverter());
        options.Converters.Add(new RangeCheckedDateOnlyConverter());
        options.Converters.Add(new RangeCheckedDateTimeOffsetConverter());
        options.Converters.Add(new RangeCheckedDateTimeConverter());
    }
}

/// <summary>
/// Enums as their defined names (case-insensitive on read, as written on write). Integers, numeric strings
/// (<c>"999"</c>), comma lists and undefined names are refused: an out-of-range level once bypassed the risk rule table.
/// </summary>
public sealed class StrictEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(StrictEnumConverter<>).MakeGenericType(typeToConvert))!;
}

public sealed class StrictEnumConverter<TEnum> : JsonConverter<TEnum> where TEnum : struct, Enum
{
    private static readonly FrozenDictionary<string, TEnum> ByName =
        Enum.GetValues<TEnum>().ToFrozenDictionary(v => v.ToString(), v => v, StringComparer.OrdinalIgnoreCase);

    public static string Allowed => string.Join(", ", Enum.GetNames<TEnum>());

    public static bool TryParse(string? text, out TEnum value) =>
        ByName.TryGetValue(text ?? "", out value);

    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && TryParse(reader.GetString(), out var value))
        {
            return value;
        }
        throw new InputRefusedException($"Expected one of: {Allowed}.");
    }

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());

    public override TEnum ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        TryParse(reader.GetString(), out var value) ? value : throw new InputRefusedException($"Expected one of: {Allowed}.");

    public override void WriteAsPropertyName(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value.ToString());
}

/// <summary>
/// Refuses control characters (NUL and the rest of C0 and C1, except tab, line feed and carriage return, which notes
/// and messages legitimately hold). PostgreSQL refuses NUL in text, and its error once carried personal data into logs.
/// </summary>
public sealed class ControlCharacterFreeStringConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new InputRefusedException("Expected a string.");
        }
        var value = reader.GetString()!;
        return InputRules.HasControlCharacter(value) ? throw new InputRefusedException("Control characters are not allowed.") : value;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.GetString()!;
        return InputRules.HasControlCharacter(value) ? throw new InputRefusedException("Control characters are not allowed.") : value;
    }

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value);
}

public sealed class RangeCheckedDateOnlyConverter : JsonConverter<DateOnly>
{
    private static readonly JsonConverter<DateOnly> Inner = JsonMetadataServices.DateOnlyConverter;

    public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = Inner.Read(ref reader, typeToConvert, options);
        return InputRules.InRange(value) ? value : throw new InputRefusedException(InputRules.DateRangeMessage);
    }

    public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) => Inner.Write(writer, value, options);

    public override DateOnly ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = Inner.ReadAsPropertyName(ref reader, typeToConvert, options);
        return InputRules.InRange(value) ? value : throw new InputRefusedException(InputRules.DateRangeMessage);
    }

    public override void WriteAsPropertyName(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
        Inner.WriteAsPropertyName(writer, value, options);
}

public sealed class RangeCheckedDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    private static readonly JsonConverter<DateTimeOffset> Inner = JsonMetadataServices.DateTimeOffsetConverter;

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = Inner.Read(ref reader, typeToConvert, options);
        return InputRules.InRange(value) ? value : throw new InputRefusedException(InputRules.DateRangeMessage);
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => Inner.Write(writer, value, options);

    public override DateTimeOffset ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = Inner.ReadAsPropertyName(ref reader, typeToConvert, options);
        return InputRules.InRange(value) ? value : throw new InputRefusedException(InputRules.DateRangeMessage);
    }

    public override void WriteAsPropertyName(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        Inner.WriteAsPropertyName(writer, value, options);
}

public sealed class RangeCheckedDateTimeConverter : JsonConverter<DateTime>
{
    private static readonly JsonConverter<DateTime> Inner = JsonMetadataServices.DateTimeConverter;

    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = Inner.Read(ref reader, typeToConvert, options);
        return InputRules.InRange(value) ? value : throw new InputRefusedException(InputRules.DateRangeMessage);
    }

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) => Inner.Write(writer, value, options);

    public override DateTime ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = Inner.ReadAsPropertyName(ref reader, typeToConvert, options);
        return InputRules.InRange(value) ? value : throw new InputRefusedException(InputRules.DateRangeMessage);
    }

    public override void WriteAsPropertyName(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
        Inner.WriteAsPropertyName(writer, value, options);
}

/// <summary>A value the edge refuses; its message is safe to show the caller (it never quotes the value).</summary>
public sealed class InputRefusedException(string message) : JsonException(message);
