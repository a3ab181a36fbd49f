using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using Support.Contracts.Registry;
using Support.Messaging;
using Support.Messaging.Inbox;

namespace Support.Registry;

/// <summary>
/// Adds newly registered young people to the service's projection, exactly once via the inbox, in batches: every
/// registration reaches five services at once, and one transaction and two statements per batch cost each of them a
/// fraction of four round trips per message (issue 17; <see cref="RegistrationBatches"/>). The erasure check (REC-04)
/// is part of the write (<see cref="KnownYoungPeople.UpsertAsync"/>), so this endpoint runs without the per-message
/// <see cref="ErasedYoungPersonFilter{T}"/>.
/// </summary>
[InboxName("registry-projection.young-person-registered")]
public sealed class YoungPersonRegisteredConsumer<TContext>(TContext db, TimeProvider clock, ILogger<YoungPersonRegisteredConsumer<TContext>> logger)
    : IdempotentBatchConsumer<YoungPersonRegistered, TContext>(db, clock, logger)
    where TContext : DbContext
{
    // A correction may have overtaken the registration; it already created the row with newer details (version >= 1).
    protected override Task HandleAsync(IReadOnlyList<ConsumeContext<YoungPersonRegistered>> messages, CancellationToken cancellationToken) =>
        KnownYoungPeople.UpsertAsync(Db, [.. messages.Select(m => new RegistryDetails(m.Message.YoungPersonId, m.Message.DisplayName,
            m.Message.DateOfBirth, m.Message.Gender?.ToString(), m.Message.Ethnicity, 1, m.Message.OccurredAt))], cancellationToken);
}

/// <summary>Applies a registry correction (REC-05); may arrive before the registration, so it can create the row.</summary>
[InboxName("registry-projection.young-person-details-corrected")]
public sealed class YoungPersonDetailsCorrectedConsumer<TContext>(TContext db, TimeProvider clock, ILogger<YoungPersonDetailsCorrectedConsumer<TContext>> logger)
    : IdempotentConsumer<YoungPersonDetailsCorrected, TContext>(db, clock, logger)
    where TContext : DbContext
{
    protected override Task HandleAsync(ConsumeContext<YoungPersonDetailsCorrected> context) =>
        KnownYoungPeople.UpsertAsync(Db, [new RegistryDetails(context.Message.YoungPersonId, context.Message.DisplayName,
            context.Message.DateOfBirth, context.Message.Gender?.ToString(), context.Message.Ethnicity, context.Message.Version, context.Message.OccurredAt)],
            context.CancellationToken);
}

/// <summary>One version of a young person's details as a registry event announced them, and when.</summary>
public sealed record RegistryDetails(Guid Id, string DisplayName, DateOnly DateOfBirth, string? Gender, string? Ethnicity, int Version, DateTimeOffset At);

/// <summary>
/// How registrations are batched: at most <see cref="MessageLimit"/> a batch, and a batch is handed on at most
/// <see cref="TimeLimit"/> after its first message arrived, so a registration on a quiet platform waits that long at
/// most for company. Under load batches fill before the limit; <see cref="ConcurrencyLimit"/> batches run at once.
/// </summary>
public static class RegistrationBatches
{
    public const int MessageLimit = 50;
    public static readonly TimeSpan TimeLimit = TimeSpan.FromMilliseconds(20);
    public const int ConcurrencyLimit = 2;
}

public static class KnownYoungPeople
{
    /// <summary>
    /// Inserts each young person, or applies newer details, in one statement whose version check runs in the database
    /// under each row's lock: two corrections handled at once (messages carry no order) can never let an older version
    /// overwrite a newer one, as a read-compare-write in memory could. Nobody this service has erased is written again
    /// (REC-04). Several versions of one person in the call leave the newest. Returns how many rows were written.
    /// </summary>
    public static async Task<int> UpsertAsync(DbContext db, IReadOnlyCollection<RegistryDetails> details, CancellationToken cancellationToken)
    {
        // One row per young person (the statement may not touch a row twice): the newest version given. In id order, so
        // two batches writing the same people lock their rows in the same order and cannot deadlock.
        var newest = details.GroupBy(d => d.Id).Select(g => g.MaxBy(d => d.Version)!).OrderBy(d => d.Id).ToList();
        var table = MessagingModel.QualifiedTable<KnownYoungPerson>(db);
        var erased = MessagingModel.QualifiedTable<ErasedYoungPerson>(db);
        // The table names come from the EF model, never from input.
        var sql = $"INSERT INTO {table} (id, display_name, date_of_birth, gender, ethnicity, details_version, registered_at, updated_at) "
            + "SELECT v.id, v.name, v.dob, v.gender, v.ethnicity, v.version, v.at, v.at "
            + "FROM unnest(@ids, @names, @dobs, @genders, @ethnicities, @versions, @ats) AS v(id, name, dob, gender, ethnicity, version, at) "
            + $"WHERE NOT EXISTS (SELECT 1 FROM {erased} e WHERE e.young_person_id = v.id) "
            + "ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name, date_of_birth = excluded.date_of_birth, "
            + "gender = excluded.gender, ethnicity = excluded.ethnicity, "
            + "details_version = excluded.details_version, updated_at = excluded.updated_at "
            + $"WHERE {table}.details_version < excluded.details_version";
        return await db.Database.ExecuteSqlRawAsync(sql,
            [
                new NpgsqlParameter("ids", newest.Select(d => d.Id).ToArray()),
                new NpgsqlParameter("names", newest.Select(d => d.DisplayName).ToArray()),
                new NpgsqlParameter("dobs", newest.Select(d => d.DateOfBirth).ToArray()),
                new NpgsqlParameter("genders", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text) { Value = newest.Select(d => d.Gender).ToArray() },
                new NpgsqlParameter("ethnicities", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text) { Value = newest.Select(d => d.Ethnicity).ToArray() },
                new NpgsqlParameter("versions", newest.Select(d => d.Version).ToArray()),
                new NpgsqlParameter("ats", newest.Select(d => d.At.ToUniversalTime()).ToArray()),
            ], cancellationToken);
    }
}
