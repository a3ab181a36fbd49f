using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Support.Testing;

/// <summary>
/// Databases for tests. The first request for a DbContext type migrates a template database (once per build, guarded
/// by an advisory lock across test processes); every test class then gets its own clone, which takes milliseconds.
/// </summary>
public static class PostgresDatabases
{
    private static readonly ConcurrentDictionary<Type, Lazy<Task<string>>> Templates = new();
    private static readonly SemaphoreSlim CloneGate = new(1, 1);

    public static string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresAdmin) { Database = database, Pooling = true, MaxPoolSize = 20 }.ConnectionString;

    /// <summary>Creates an empty, fully migrated database for <typeparamref name="TContext"/> and returns its name.</summary>
    public static async Task<string> CreateAsync<TContext>(string purpose) where TContext : DbContext
    {
        var template = await Templates.GetOrAdd(typeof(TContext), _ => new Lazy<Task<string>>(MigrateTemplateAsync<TContext>)).Value;
        var name = $"t_{Sanitize(purpose)}_{Guid.NewGuid():N}"[..40];
        await CloneGate.WaitAsync();
        try
        {
            // CREATE DATABASE ... TEMPLATE fails while anyone is connected to the template; retry briefly when another
            // test process is cloning the same template at the same moment.
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    await ExecuteAdminAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
                    return name;
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 50)
                {
                    await Task.Delay(100);
                }
            }
        }
        finally
        {
            CloneGate.Release();
        }
    }

    /// <summary>
    /// An empty database, not migrated: for a test of a migration, which migrates it to the migration before the one
    /// under test (<see cref="MigrateToBeforeAsync"/>), writes rows in that schema, then upgrades it.
    /// </summary>
    public static async Task<string> CreateEmptyAsync(string purpose)
    {
        var name = $"t_{Sanitize(purpose)}_{Guid.NewGuid():N}"[..40];
        await ExecuteAdminAsync($"CREATE DATABASE \"{name}\"");
        return name;
    }

    /// <summary>Migrates <paramref name="db"/> to the migration just before the one whose name ends in <c>_<paramref name="migration"/></c>.</summary>
    public static async Task MigrateToBeforeAsync(DbContext db, string migration)
    {
        var migrations = db.Database.GetMigrations().ToList();
        var index = migrations.FindIndex(m => m.EndsWith("_" + migration, StringComparison.Ordinal));
        if (index < 1)
        {
            throw new InvalidOperationException($"No migration before '{migration}' in {db.GetType().Name}.");
        }
        await db.GetService<IMigrator>().MigrateAsync(migrations[index - 1]);
    }

    public static async Task DropAsync(string database)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAdminAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
    }

    public static TContext CreateContext<TContext>(string database) where TContext : DbContext
    {
        var options = new DbContextOptionsBuilder<TContext>()
            .UseNpgsql(ConnectionString(database))
            .UseSnakeCaseNamingConvention()
            .Options;
        return (TContext)Activator.CreateInstance(typeof(TContext), options)!;
    }

    private static async Task<string> MigrateTemplateAsync<TContext>() where TContext : DbContext
    {
        // One template per build of the migrations' assembly: a new build gets a fresh template.
        var build = typeof(TContext).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..12];
        // Templates are per checkout too, so two worktrees testing at once never drop each other's template.
        var checkout = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(TestEnvironment.RepositoryRoot)))[..6];
        var prefix = $"tpl_{Sanitize(typeof(TContext).Name)}_{checkout}";
        var template = $"{prefix}_{build}";

        await using var admin = new NpgsqlConnection(TestEnvironment.PostgresAdmin);
        await admin.OpenAsync();
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_lock(hashtext(@name))", admin))
        {
            lockCommand.Parameters.AddWithValue("name", prefix);
            await lockCommand.ExecuteNonQueryAsync();
        }
        try
        {
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", admin);
            exists.Parameters.AddWithValue("name", template);
            if (await exists.ExecuteScalarAsync() is null)
            {
                await using (var create = new NpgsqlCommand($"CREATE DATABASE \"{template}\"", admin))
                {
                    await create.ExecuteNonQueryAsync();
                }
                await using (var db = CreateContext<TContext>(template))
                {
                    await db.Database.MigrateAsync();
                }
                NpgsqlConnection.ClearAllPools();
                await DropOlderTemplatesAsync(admin, prefix, template);
            }
        }
        finally
        {
            await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(hashtext(@name))", admin);
            unlock.Parameters.AddWithValue("name", prefix);
            await unlock.ExecuteNonQueryAsync();
        }
        return template;
    }

    private static async Task DropOlderTemplatesAsync(NpgsqlConnection admin, string prefix, string keep)
    {
        var old = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE @prefix AND datname <> @keep", admin))
        {
            list.Parameters.AddWithValue("prefix", prefix + "\\_%");
            list.Parameters.AddWithValue("keep", keep);
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                old.Add(reader.GetString(0));
            }
        }
        foreach (var name in old)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static async Task ExecuteAdminAsync(string sql)
    {
        await using var admin = new NpgsqlConnection(TestEnvironment.PostgresAdmin);
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand(sql, admin);
        await command.ExecuteNonQueryAsync();
    }

    private static string Sanitize(string value) =>
        new(value.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').Take(20).ToArray());
}
