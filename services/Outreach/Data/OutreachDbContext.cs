using Microsoft.EntityFrameworkCore;
using Support.Messaging;
using Support.Outreach.Domain;
using Support.ServiceDefaults.Data;

namespace Support.Outreach.Data;

/// <summary>The outreach contacts, the Risky Business youth-work model context's own database; it shares no table with any other service.</summary>
public sealed class OutreachDbContext(DbContextOptions<OutreachDbContext> options) : DbContext(options)
{
    public const string Schema = "outreach";

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
