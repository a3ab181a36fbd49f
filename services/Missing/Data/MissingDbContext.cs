using Microsoft.EntityFrameworkCore;
using Support.Messaging;
using Support.Messaging.Registry;
using Support.ServiceDefaults.Data;

namespace Support.Missing.Data;

/// <summary>The Missing service's own database (missing episodes and return-home interviews); it shares no table with any other service.</summary>
public sealed class MissingDbContext(DbContextOptions<MissingDbContext> options) : DbContext(options)
{
    public const string Schema = "missing";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.AddOutboxAndInbox().AddAccessLog().AddRegistryProjection();
    }
}
