using Microsoft.EntityFrameworkCore;
using Support.Messaging.Inbox;
using Support.Messaging.Outbox;

namespace Support.Messaging;

public static class MessagingModel
{
    public const string OutboxTable = "outbox_messages";
    public const string InboxTable = "inbox_messages";

    /// <summary>Maps the outbox and inbox tables into a service's own schema.</summary>
    public static ModelBuilder AddOutboxAndInbox(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(e =>
        {
            e.ToTable(OutboxTable);
            e.HasKey(x => x.Id);
            e.Property(x => x.Sequence).UseIdentityAlwaysColumn();
            e.Property(x => x.MessageType).HasMaxLength(200);
            e.Property(x => x.Payload).HasColumnType("jsonb");
            e.Property(x => x.CorrelationId).HasMaxLength(64);
            e.Property(x => x.TraceParent).HasMaxLength(128);
            e.Property(x => x.LastError).HasMaxLength(2000);
            // The relay's claim query reads only unsent, live rows, oldest first.
            e.HasIndex(x => new { x.Sequence }).HasFilter("sent_at IS NULL AND dead_at IS NULL").HasDatabaseName("ix_outbox_messages_pending");
            // Cleanup deletes sent rows by age in batches; without this index each batch scans the table.
            e.HasIndex(x => x.SentAt).HasFilter("sent_at IS NOT NULL").HasDatabaseName("ix_outbox_messages_sent_at");
            e.HasIndex(x => x.DeadAt).HasFilter("dead_at IS NOT NULL").HasDatabaseName("ix_outbox_messages_dead");
        });
        modelBuilder.Entity<InboxMessage>(e =>
        {
            e.ToTable(InboxTable);
            e.HasKey(x => new { x.Consumer, x.MessageId });
            e.Property(x => x.Consumer).HasMaxLength(300);
            // Retention deletes processed rows by age in batches.
            e.HasIndex(x => x.ProcessedAt).HasDatabaseName("ix_inbox_messages_processed_at");
        });
        return modelBuilder;
    }

    /// <summary>The schema-qualified, quoted table name of an entity, from the EF model (never from input).</summary>
    public static string QualifiedTable<TEntity>(DbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(TEntity))
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not mapped: call modelBuilder.AddOutboxAndInbox() in {db.GetType().Name}.");
        var schema = entity.GetSchema();
        var table = entity.GetTableName();
        return schema is null ? $"\"{table}\"" : $"\"{schema}\".\"{table}\"";
    }
}
