using Microsoft.EntityFrameworkCore;
using Support.Messaging;
using Support.Therapy.Domain;
using Support.ServiceDefaults.Data;

namespace Support.Therapy.Data;

/// <summary>The CAMHS and therapy commissioning, and unmet need context's own database; it shares no table with any other service.</summary>
public sealed class TherapyDbContext(DbContextOptions<TherapyDbContext> options) : DbContext(options)
{
    public const string Schema = "therapy";

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
