using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Support.Messaging.Tests.Data;

/// <summary>
/// A service database in miniature: the outbox and inbox in the service's own schema, plus one table the test
/// consumers write to, so "the message was applied" is a row that can be counted.
/// </summary>
public sealed class MessagingTestDbContext(DbContextOptions<MessagingTestDbContext> options) : DbContext(options)
{
    public const string Schema = "msgtest";

    public DbSet<Effect> Effects => Set<Effect>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.Entity<Effect>(e =>
        {
            e.ToTable("effects");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).UseIdentityAlwaysColumn();
            e.Property(x => x.Consumer).HasMaxLength(300);
            // Deliberately no unique index on message_id: a duplicate effect must be visible, not prevented here.
            e.HasIndex(x => x.MessageId);
        });
    }
}

/// <summary>One row per message a test consumer applied.</summary>
public sealed class Effect
{
    public long Id { get; init; }
    public required Guid MessageId { get; init; }
    public required string Consumer { get; init; }
    public required DateTimeOffset AppliedAt { get; init; }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a host; no database is contacted.</summary>
public sealed class MessagingTestDbContextFactory : IDesignTimeDbContextFactory<MessagingTestDbContext>
{
    public MessagingTestDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<MessagingTestDbContext>()
            .UseNpgsql("Host=localhost;Database=design_time_only")
            .UseSnakeCaseNamingConvention()
            .Options);
}
