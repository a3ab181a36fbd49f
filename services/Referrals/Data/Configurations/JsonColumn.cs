using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Support.Referrals.Data.Configurations;

/// <summary>Value objects, or lists of small records, stored as one jsonb column (enums as strings, like the API).</summary>
internal static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>A value object or a list of them; the whole value is replaced on change.</summary>
    public static PropertyBuilder<T> AsJson<T>(this PropertyBuilder<T> property) =>
        property.Json(s => JsonSerializer.Deserialize<T>(s, Options)!);

    /// <summary>A list that reads back empty rather than null.</summary>
    public static PropertyBuilder<List<T>> HasJsonConversion<T>(this PropertyBuilder<List<T>> property) =>
        property.Json(s => JsonSerializer.Deserialize<List<T>>(s, Options) ?? []);

    /// <summary>Compared and snapshotted through the JSON too, so a change inside a list is seen as a change.</summary>
    private static PropertyBuilder<T> Json<T>(this PropertyBuilder<T> property, Func<string, T> read) =>
        property.HasColumnType("jsonb").HasConversion(
            v => JsonSerializer.Serialize(v, Options),
            s => read(s),
            new ValueComparer<T>(
                (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
                v => JsonSerializer.Serialize(v, Options).GetHashCode(StringComparison.Ordinal),
                v => read(JsonSerializer.Serialize(v, Options))));
}
