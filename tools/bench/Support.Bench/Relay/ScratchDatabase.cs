using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Support.Bench.Relay;

/// <summary>A database created for one run and dropped (with its connections) when disposed.</summary>
public sealed class ScratchDatabase : IAsyncDisposable
{
    private readonly string _adminConnectionString;

    private ScratchDatabase(string adminConnectionString, string name)
    {
        _adminConnectionString = adminConnectionString;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name }.ConnectionString;
    }

    public string Name { get; }
    public string ConnectionString { get; }

    public static async Task<ScratchDatabase> CreateAsync(string adminConnectionString, string name, CancellationToken cancellationToken)
    {
        var database = new ScratchDatabase(adminConnectionString, name);
        await database.ExecuteAdminAsync($"CREATE DATABASE \"{name}\"", cancellationToken);
        return database;
    }

    /// <summary>
    /// <c>VACUUM (ANALYZE)</c> of seeded tables, as autovacuum would leave an insert-only table, so the timed queries get
    /// the plans production would. One statement per command: VACUUM cannot run inside the implicit transaction of a batch.
    /// </summary>
    public async Task VacuumAnalyzeAsync(string schema, IEnumerable<string> tables, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        foreach (var table in tables)
        {
            await using var command = new NpgsqlCommand($"VACUUM (ANALYZE) {schema}.{table}", connection) { CommandTimeout = 900 };
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>The id of the service's migration just before the one named <paramref name="name"/>: the schema a seed is written for.</summary>
    public static string MigrationBefore(DbContext db, string name)
    {
        var migrations = db.Database.GetMigrations().ToList();
        var index = migrations.FindIndex(m => m.EndsWith("_" + name, StringComparison.Ordinal));
        return index > 0 ? migrations[index - 1] : throw new InvalidOperationException($"no migration before {name} among {db.GetType().Name}'s migrations");
    }

    /// <summary>Drops the database; a failure is reported on stderr (with the statement to finish the job), never thrown.</summary>
    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        var drop = $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)";
        try
        {
            await ExecuteAdminAsync(drop, CancellationToken.None);
        }
        catch (NpgsqlException e)
        {
            await Console.Error.WriteLineAsync($"could not drop scratch database {Name} ({e.Message}); run: {drop}");
        }
    }

    private async Task ExecuteAdminAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
