using Microsoft.EntityFrameworkCore;
using Support.Messaging;

namespace Support.Bench.Relay;

/// <summary>A service database with nothing but the outbox and inbox, in schema <c>bench</c> of a scratch database.</summary>
public sealed class BenchDbContext(DbContextOptions<BenchDbContext> options) : DbContext(options)
{
    public const string Schema = "bench";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.AddOutboxAndInbox();
    }
}
