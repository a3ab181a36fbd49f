using System.Text.RegularExpressions;
using Npgsql;
using Support.Testing;

namespace Support.Deployment.Tests;

/// <summary>
/// Each service's <c>--migrate</c> mode, as the Kubernetes migration Job runs it (k8s/base/&lt;service&gt;/migration-job.yaml):
/// the built dll against a fresh, empty database on the real PostgreSQL.
/// </summary>
public sealed partial class MigrateModeTests
{
    private static readonly TimeSpan ExitWithin = TimeSpan.FromSeconds(120);

    public static TheoryData<string> Services => new() { "Referrals", "Outreach", "Missing", "Therapy", "LeavingCare", "SupportLine" };

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Started_with_migrate_a_service_applies_every_migration_to_an_empty_database_and_exits_without_serving(string service)
    {
        var database = await CreateEmptyDatabaseAsync(service);
        try
        {
            var port = ServiceProcess.FreePort();
            var result = await RunMigrateAsync(service, database, port);

            Assert.True(result.ExitCode == 0, $"exit code {result.ExitCode}:\n{result.Output}");
            Assert.Equal(MigrationIdsInSource(service), await AppliedMigrationsAsync(database));
            // The web host never started: Kestrel never announced its address.
            Assert.DoesNotContain("Now listening on", result.Output, StringComparison.Ordinal);

            // A second run (a re-deployed Job) finds nothing to do and still succeeds.
            var again = await RunMigrateAsync(service, database, port);
            Assert.True(again.ExitCode == 0, $"second run exit code {again.ExitCode}:\n{again.Output}");
            Assert.Contains("applied 0 pending migration(s)", again.Output, StringComparison.Ordinal);
            Assert.Equal(MigrationIdsInSource(service), await AppliedMigrationsAsync(database));
        }
        finally
        {
            await PostgresDatabases.DropAsync(database);
        }
    }

    [Fact]
    public async Task Started_with_migrate_against_an_unreachable_database_a_service_exits_non_zero()
    {
        var closedPort = ServiceProcess.FreePort();
        var connection = $"Host=127.0.0.1;Port={closedPort};Username=nobody;Password=x;Database=nothing;Timeout=3";

        var result = await ServiceProcess.RunToExitAsync("Outreach.Api", "services/Outreach", ["--migrate"],
            Environment(connection, "Outreach", ServiceProcess.FreePort()), ExitWithin);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("migrating the database failed", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_an_app_role_the_migration_gives_it_row_access_to_its_own_schema_and_no_ddl()
    {
        var database = await CreateEmptyDatabaseAsync("Outreach");
        var role = $"app_{Guid.NewGuid():N}"[..20];
        await AdminAsync($"CREATE ROLE \"{role}\" NOLOGIN");
        try
        {
            var environment = Environment(PostgresDatabases.ConnectionString(database), "Outreach", ServiceProcess.FreePort());
            environment["Database__AppRole"] = role;

            var result = await ServiceProcess.RunToExitAsync("Outreach.Api", "services/Outreach", ["--migrate"], environment, ExitWithin);

            Assert.True(result.ExitCode == 0, $"exit code {result.ExitCode}:\n{result.Output}");
            await using var connection = new NpgsqlConnection(PostgresDatabases.ConnectionString(database));
            await connection.OpenAsync();
            await using var check = new NpgsqlCommand("""
                SELECT bool_and(has_table_privilege(@role, format('%I.%I', table_schema, table_name), 'SELECT,INSERT,UPDATE,DELETE')),
                       count(*),
                       has_schema_privilege(@role, 'outreach', 'USAGE'),
                       has_schema_privilege(@role, 'outreach', 'CREATE')
                FROM information_schema.tables WHERE table_schema = 'outreach'
                """, connection);
            check.Parameters.AddWithValue("role", role);
            await using var reader = await check.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.True(reader.GetBoolean(0), "the app role lacks row access to some table");
            Assert.True(reader.GetInt64(1) > 1);
            Assert.True(reader.GetBoolean(2));
            Assert.False(reader.GetBoolean(3), "the app role may create objects in the schema");
        }
        finally
        {
            await PostgresDatabases.DropAsync(database);
            await AdminAsync($"DROP ROLE IF EXISTS \"{role}\"");
        }
    }

    [Fact]
    public void Only_an_argument_after_the_program_name_asks_for_migration()
    {
        Assert.True(Support.ServiceDefaults.Data.ServiceDatabase.StartedToMigrate(["Referrals.Api.dll", "--migrate"]));
        Assert.False(Support.ServiceDefaults.Data.ServiceDatabase.StartedToMigrate(["Referrals.Api.dll"]));
        Assert.False(Support.ServiceDefaults.Data.ServiceDatabase.StartedToMigrate(["--migrate"]));
        Assert.False(Support.ServiceDefaults.Data.ServiceDatabase.StartedToMigrate(["Referrals.Api.dll", "--migrate=false"]));
    }

    private static Task<ServiceProcess.Result> RunMigrateAsync(string service, string database, int port) =>
        ServiceProcess.RunToExitAsync($"{service}.Api", $"services/{service}", ["--migrate"],
            Environment(PostgresDatabases.ConnectionString(database), service, port), ExitWithin);

    private static Dictionary<string, string> Environment(string connectionString, string service, int port) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Testing",
        ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
        [$"ConnectionStrings__{service}"] = connectionString,
        // Start-up migration off: only --migrate may apply them here.
        ["Database__MigrateOnStartup"] = "false",
        // A broker that is not there: the bus must never be started in --migrate mode.
        ["RabbitMq__Host"] = "127.0.0.1",
        ["RabbitMq__Port"] = ServiceProcess.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Auth__SigningKey"] = TestTokens.SigningKey,
    };

    private static async Task AdminAsync(string sql)
    {
        await using var admin = new NpgsqlConnection(TestEnvironment.PostgresAdmin);
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand(sql, admin);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> CreateEmptyDatabaseAsync(string service)
    {
        var name = $"migrate_{service.ToLowerInvariant()}_{Guid.NewGuid():N}"[..40];
        await using var admin = new NpgsqlConnection(TestEnvironment.PostgresAdmin);
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
        await create.ExecuteNonQueryAsync();
        return name;
    }

    private static async Task<List<string>> AppliedMigrationsAsync(string database)
    {
        await using var connection = new NpgsqlConnection(PostgresDatabases.ConnectionString(database));
        await connection.OpenAsync();
        await using var findSchema = new NpgsqlCommand(
            "SELECT table_schema FROM information_schema.tables WHERE table_name = '__ef_migrations_history'", connection);
        var schemas = new List<string>();
        await using (var reader = await findSchema.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                schemas.Add(reader.GetString(0));
            }
        }
        var schema = Assert.Single(schemas);
        await using var read = new NpgsqlCommand($"SELECT migration_id FROM \"{schema}\".\"__ef_migrations_history\" ORDER BY migration_id", connection);
        var applied = new List<string>();
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                applied.Add(reader.GetString(0));
            }
        }
        return applied;
    }

    /// <summary>The ids of the migrations in the service's source (<c>[Migration("...")]</c>), in order.</summary>
    private static List<string> MigrationIdsInSource(string service)
    {
        var folder = Path.Combine(TestEnvironment.RepositoryRoot, "services", service, "Data", "Migrations");
        var ids = Directory.EnumerateFiles(folder, "*.Designer.cs")
            .SelectMany(file => MigrationAttribute().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(ids);
        return ids;
    }

    [GeneratedRegex("""\[Migration\("([^"]+)"\)\]""")]
    private static partial Regex MigrationAttribute();
}
