using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using Support.Contracts.Registry;
using Support.Messaging;
using Support.Messaging.Inbox;

namespace Support.Registry;

/// <summary>Adds a newly registered young person to the service's projection (exactly once, via the inbox).</summary>
[InboxName("registry-projection.young-person-registered")]
public sealed class YoungPersonRegisteredConsumer<TContext>(TContext db, TimeProvider clock, ILogger<YoungPersonRegisteredConsumer<TContext>> logger)
    : IdempotentConsumer<YoungPersonRegistered, TContext>(db, clock, logger)
    where TContext : DbContext
{
    // A correction may have overtaken the registration; it already created the row with newer details (version >= 1).
    protected override Task HandleAsync(ConsumeContext<YoungPersonRegistered> context) =>
        KnownYoungPeople.UpsertAsync(Db, new RegistryDetails(context.Message.YoungPersonId, context.Message.DisplayName,
            context.Message.DateOfBirth, context.Message.Gender?.ToString(), context.Message.Ethnicity, 1), context.Message.OccurredAt, context.CancellationToken);
}

/// <summary>Applies a registry correction (REC-05); may arrive before the registration, so it can create the row.</summary>
[InboxName("registry-projection.young-person-details-corrected")]
public sealed class YoungPersonDetailsCorrectedConsumer<TContext>(TContext db, TimeProvider clock, ILogger<YoungPersonDetailsCorrectedConsumer<TContext>> logger)
    : IdempotentConsumer<YoungPersonDetailsCorrected, TContext>(db, clock, logger)
    where TContext : DbContext
{
    protected override Task HandleAsync(ConsumeContext<YoungPersonDetailsCorrected> context) =>
        KnownYoungPeople.UpsertAsync(Db, new RegistryDetails(context.Message.YoungPersonId, context.Message.DisplayName,
            context.Message.DateOfBirth, context.Message.Gender?.ToString(), context.Message.Ethnicity, context.Message.Version), context.Message.OccurredAt,
            context.CancellationToken);
}

/// <summary>One version of a young person's details as a registry event announced them.</summary>
public sealed record RegistryDetails(Guid Id, string DisplayName, DateOnly DateOfBirth, string? Gender, string? Ethnicity, int Version);

public static class KnownYoungPeople
{
    /// <summary>
    /// Inserts the young person, or applies newer details, in one statement whose version check runs in the database
    /// under the row's lock: two corrections handled at once (messages carry no order) can never let an older version
    /// overwrite a newer one, as a read-compare-write in memory could. Returns whether the row was written.
    /// </summary>
    public static async Task<bool> UpsertAsync(DbContext db, RegistryDetails details, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var table = MessagingModel.QualifiedTable<KnownYoungPerson>(db);
        // The table name comes from the EF model, never from input.
        var sql = $"INSERT INTO {table} (id, display_name, date_of_birth, gender, ethnicity, details_version, registered_at, updated_at) "
            + "VALUES (@id, @name, @dob, @gender, @ethnicity, @version, @at, @at) "
            + "ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name, date_of_birth = excluded.date_of_birth, "
            + "gender = excluded.gender, ethnicity = excluded.ethnicity, "
            + "details_version = excluded.details_version, updated_at = excluded.updated_at "
            + $"WHERE {table}.details_version < excluded.details_version";
        var written = await db.Database.ExecuteSqlRawAsync(sql,
            [
                new NpgsqlParameter("id", details.Id),
                new NpgsqlParameter("name", details.DisplayName),
                new NpgsqlParameter("dob", details.DateOfBirth),
                new NpgsqlParameter("gender", (object?)details.Gender ?? DBNull.Value),
                new NpgsqlParameter("ethnicity", (object?)details.Ethnicity ?? DBNull.Value),
                new NpgsqlParameter("version", details.Version),
                new NpgsqlParameter("at", at.ToUniversalTime()),
            ], cancellationToken);
        return written == 1;
    }
}
