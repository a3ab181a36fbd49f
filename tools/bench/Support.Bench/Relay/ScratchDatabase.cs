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
