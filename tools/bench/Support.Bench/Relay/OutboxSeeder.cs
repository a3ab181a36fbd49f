using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Support.Contracts.Registry;
using Support.Messaging;

namespace Support.Bench.Relay;

/// <summary>Fills the outbox with pending <see cref="YoungPersonRegistered"/> rows in one binary COPY.</summary>
public static class OutboxSeeder
{
    public static async Task SeedAsync(string connectionString, int rows, CancellationToken cancellationToken)
    {
        var messageType = MessageTypeRegistry.UrnOf(typeof(YoungPersonRegistered));
        var now = DateTimeOffset.UtcNow;
        var due = now.AddSeconds(-1);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        // Column names follow the snake_case model of MessagingModel.AddOutboxAndInbox; sequence is an identity column.
        await using var writer = await connection.BeginBinaryImportAsync(
            $"COPY \"{BenchDbContext.Schema}\".\"{MessagingModel.OutboxTable}\" " +
            "(id, message_type, payload, correlation_id, trace_parent, occurred_at, attempts, next_attempt_at) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        for (var i = 0; i < rows; i++)
        {
            var id = Guid.CreateVersion7(now);
            var payload = JsonSerializer.Serialize(new YoungPersonRegistered
            {
                YoungPersonId = Guid.NewGuid(),
                DateOfBirth = new DateOnly(2010, 1, 1),
                DisplayName = $"Bench Person{i}",
                OccurredAt = now,
            }, MessagingJson.Options);
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(id, NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteAsync(messageType, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(payload, NpgsqlDbType.Jsonb, cancellationToken);
            await writer.WriteAsync(id.ToString("N"), NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync($"00-{id:N}-{id.ToString("N")[..16]}-01", NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
            await writer.WriteAsync(0, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(due, NpgsqlDbType.TimestampTz, cancellationToken);
        }
        await writer.CompleteAsync(cancellationToken);
    }

    public static Task<long> PendingAsync(NpgsqlDataSource database, CancellationToken cancellationToken) =>
        CountAsync(database, "sent_at IS NULL", cancellationToken);

    /// <summary>Rows whose publish failed at least once (the relay records the error and backs off).</summary>
    public static Task<long> FailedAttemptsAsync(NpgsqlDataSource database, CancellationToken cancellationToken) =>
        CountAsync(database, "last_error IS NOT NULL", cancellationToken);

    private static async Task<long> CountAsync(NpgsqlDataSource database, string condition, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            $"SELECT count(*) FROM \"{BenchDbContext.Schema}\".\"{MessagingModel.OutboxTable}\" WHERE {condition}");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
