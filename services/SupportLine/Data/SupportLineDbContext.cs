using Microsoft.EntityFrameworkCore;
using Support.Messaging;
using Support.Registry;
using Support.ServiceDefaults.Data;

namespace Support.SupportLine.Data;

/// <summary>The SupportLine service's own database (the SMS support line); it shares no table with any other service.</summary>
public sealed class SupportLineDbContext(DbContextOptions<SupportLineDbContext> options) : DbContext(options)
{
    public const string Schema = "supportline";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.StoreInstantsAsUtc();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.AddOutboxAndInbox().AddAccessLog().AddRegistryProjection();
    }
}
