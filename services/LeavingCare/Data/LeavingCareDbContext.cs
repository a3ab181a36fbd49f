using Microsoft.EntityFrameworkCore;
using Support.Messaging;
using Support.LeavingCare.Domain;
using Support.ServiceDefaults.Data;

namespace Support.LeavingCare.Data;

/// <summary>The leaving care: handover before 18 and support to 25 context's own database; it shares no table with any other service.</summary>
public sealed class LeavingCareDbContext(DbContextOptions<LeavingCareDbContext> options) : DbContext(options)
{
    public const string Schema = "leavingcare";

    public DbSet<YoungPerson> YoungPeople => Set<YoungPerson>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.AddOutboxAndInbox().AddAccessLog();
        modelBuilder.Entity<YoungPerson>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.DisplayName).HasMaxLength(201);
        });
    }
}
