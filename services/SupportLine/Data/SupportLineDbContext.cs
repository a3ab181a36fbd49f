using Microsoft.EntityFrameworkCore;
using Support.Messaging;
using Support.SupportLine.Domain;
using Support.ServiceDefaults.Data;

namespace Support.SupportLine.Data;

/// <summary>The the SMS support line context's own database; it shares no table with any other service.</summary>
public sealed class SupportLineDbContext(DbContextOptions<SupportLineDbContext> options) : DbContext(options)
{
    public const string Schema = "supportline";

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
