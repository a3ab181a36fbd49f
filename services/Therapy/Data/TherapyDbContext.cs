using Microsoft.EntityFrameworkCore;
using Support.Messaging;
using Support.Registry;
using Support.ServiceDefaults.Data;

namespace Support.Therapy.Data;

/// <summary>The Therapy service's own database (CAMHS and therapy commissioning, and unmet need); it shares no table with any other service.</summary>
public sealed class TherapyDbContext(DbContextOptions<TherapyDbContext> options) : DbContext(options)
{
    public const string Schema = "therapy";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.StoreInstantsAsUtc();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.AddOutboxAndInbox().AddAccessLog().AddRegistryProjection();
    }
}
