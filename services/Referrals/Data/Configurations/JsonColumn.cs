using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Support.Referrals.Data.Configurations;

/// <summary>Value objects, or lists of small records, stored as one jsonb column (enums as strings, like the API).</summary>
internal static class JsonColumn
{
    /// <summary>A value object or a list of them; the whole value is replaced on change.</summary>
    public static PropertyBuilder<T> AsJson<T>(this PropertyBuilder<T> property) =>
        property.HasColumnType("jsonb").HasConversion(
            v => JsonColumnText.Write(v),
            s => JsonColumnText.Read<T>(s),
            new ValueComparer<T>(
                (a, b) => JsonColumnText.Write(a) == JsonColumnText.Write(b),
                v => JsonColumnText.Write(v).GetHashCode(StringComparison.Ordinal),
                v => JsonColumnText.Read<T>(JsonColumnText.Write(v))));

    /// <summary>A list that reads back empty rather than null.</summary>
    public static PropertyBuilder<List<T>> HasJsonConversion<T>(this PropertyBuilder<List<T>> property) =>
        property.HasColumnType("jsonb").HasConversion(
            v => JsonColumnText.Write(v),
            s => JsonColumnText.ReadList<T>(s),
            new ValueComparer<List<T>>(
                (a, b) => JsonColumnText.Write(a) == JsonColumnText.Write(b),
                v => JsonColumnText.Write(v).GetHashCode(StringComparison.Ordinal),
                v => JsonColumnText.ReadList<T>(JsonColumnText.Write(v))));
}

/// <summary>
/// The JSON a jsonb column holds. Public, and called by name from the conversions above, because the compiled model
/// (<c>Data/CompiledModel</c>, tools/compiled-models) is generated as C# from those expressions: they may name only members it can call.
/// Compared and snapshotted through the JSON too, so a change inside a list is seen as a change.
/// </summary>
public static class JsonColumnText
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)!;

    public static List<T> ReadList<T>(string json) => JsonSerializer.Deserialize<List<T>>(json, Options) ?? [];
}
