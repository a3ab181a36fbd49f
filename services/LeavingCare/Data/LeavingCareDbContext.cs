using Microsoft.EntityFrameworkCore;
using Support.Messaging;
using Support.Messaging.Registry;
using Support.ServiceDefaults.Data;

namespace Support.LeavingCare.Data;

/// <summary>The LeavingCare service's own database (leaving care: handover before 18 and support to 25); it shares no table with any other service.</summary>
public sealed class LeavingCareDbContext(DbContextOptions<LeavingCareDbContext> options) : DbContext(options)
{
    public const string Schema = "leavingcare";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.AddOutboxAndInbox().AddAccessLog().AddRegistryProjection();
    }
}
