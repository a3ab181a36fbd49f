using Microsoft.EntityFrameworkCore;
using Support.Messaging;
using Support.Missing.Domain;
using Support.ServiceDefaults.Data;

namespace Support.Missing.Data;

/// <summary>The missing episodes and return-home interviews context's own database; it shares no table with any other service.</summary>
public sealed class MissingDbContext(DbContextOptions<MissingDbContext> options) : DbContext(options)
{
    public const string Schema = "missing";

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
