using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Support.ServiceDefaults.Data;

/// <summary>
/// Instants are stored in UTC (Part I). Events and requests may carry any offset (a London time in BST is +01:00),
/// and Npgsql refuses to write a non-zero offset to <c>timestamptz</c>; converting on the way in keeps the instant and
/// never fails a consumer over how a time was written.
/// </summary>
public static class UtcInstants
{
    public static ModelConfigurationBuilder StoreInstantsAsUtc(this ModelConfigurationBuilder configuration)
    {
        configuration.Properties<DateTimeOffset>().HaveConversion<ToUtcConverter>();
        configuration.Properties<DateTimeOffset?>().HaveConversion<ToUtcConverter>();
        return configuration;
    }

    private sealed class ToUtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);
}
