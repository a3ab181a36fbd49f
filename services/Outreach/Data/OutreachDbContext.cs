using Microsoft.EntityFrameworkCore;
using Support.Messaging;
using Support.Registry;
using Support.ServiceDefaults.Data;

namespace Support.Outreach.Data;

/// <summary>The Outreach service's own database (outreach contacts, the Risky Business youth-work model); it shares no table with any other service.</summary>
public sealed class OutreachDbContext(DbContextOptions<OutreachDbContext> options) : DbContext(options)
{
    public const string Schema = "outreach";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.StoreInstantsAsUtc();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.AddOutboxAndInbox().AddAccessLog().AddRegistryProjection();
    }
}
