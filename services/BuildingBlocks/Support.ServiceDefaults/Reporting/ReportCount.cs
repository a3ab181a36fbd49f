using System.Text.Json;
using System.Text.Json.Serialization;

namespace Support.ServiceDefaults.Reporting;

/// <summary>
/// One published count: the number, or <c>"c"</c> when it is suppressed (Part I, <c>SuppressionThreshold</c>).
/// In JSON it is a number or the string <c>"c"</c>, as in UK official statistics tables.
/// </summary>
[JsonConverter(typeof(ReportCountJsonConverter))]
public readonly record struct ReportCount(int? Value)
{
    /// <summary>The marker for a suppressed count ("confidential").</summary>
    public const string SuppressedMarker = "c";

    public static readonly ReportCount Suppressed = new(null);

    public bool IsSuppressed => Value is null;

    /// <summary>The sum of published counts; suppressed when any of them is (it would otherwise give a hidden count back).</summary>
    public static ReportCount Sum(params ReadOnlySpan<ReportCount> counts)
    {
        var total = 0;
        foreach (var count in counts)
        {
            if (count.Value is not { } value)
            {
                return Suppressed;
            }
            total += value;
        }
        return new(total);
    }

    public override string ToString() => Value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? SuppressedMarker;
}

public sealed class ReportCountJsonConverter : JsonConverter<ReportCount>
{
    public override ReportCount Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Number => new ReportCount(reader.GetInt32()),
        JsonTokenType.String when reader.GetString() == ReportCount.SuppressedMarker => ReportCount.Suppressed,
        _ => throw new JsonException($"A report count is a number or \"{ReportCount.SuppressedMarker}\"."),
    };

    public override void Write(Utf8JsonWriter writer, ReportCount value, JsonSerializerOptions options)
    {
        if (value.Value is { } number)
        {
            writer.WriteNumberValue(number);
        }
        else
        {
            writer.WriteStringValue(ReportCount.SuppressedMarker);
        }
    }
}
