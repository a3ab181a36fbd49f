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
        configuration.Properties<DateTimeOffset>().HaveConversion<UtcInstantConverter>();
        configuration.Properties<DateTimeOffset?>().HaveConversion<UtcInstantConverter>();
        return configuration;
    }
}

/// <summary>
/// Public because each service's compiled EF model (<c>Data/CompiledModel</c>, tools/compiled-models) is generated as C#
/// that constructs it.
/// </summary>
public sealed class UtcInstantConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);
