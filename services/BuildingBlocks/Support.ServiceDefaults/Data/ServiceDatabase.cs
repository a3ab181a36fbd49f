using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Support.ServiceDefaults.Access;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Health;

namespace Support.ServiceDefaults.Data;

public static partial class ServiceDatabase
{
    /// <summary>
    /// Registers the service's own PostgreSQL database: one DbContext, one schema, snake_case names, the readiness
    /// check and the access log. The connection string is <c>ConnectionStrings:{connectionName}</c>, read lazily so
    /// test hosts can override it, with TCP keepalives added (<see cref="DatabaseKeepalives"/>) and statements prepared
    /// (<see cref="StatementPreparation"/>).
    /// </summary>
    /// <remarks>
    /// The contexts are pooled: the options are built once and each request or message leases a context that EF resets
    /// on return, instead of building options and a context for every one. Contexts hold no state of their own beyond
    /// what EF resets (their constructors take only options), so a lease is as good as a new one.
    /// </remarks>
    public static IHostApplicationBuilder AddServiceDatabase<TContext>(this IHostApplicationBuilder builder, string connectionName, string schema)
        where TContext : DbContext
    {
        builder.Services.AddDbContextPool<TContext>((sp, options) =>
        {
            var connectionString = sp.GetRequiredService<IConfiguration>().GetConnectionString(connectionName);
            options.UseNpgsql(connectionString is null ? null : StatementPreparation.Apply(DatabaseKeepalives.Apply(connectionString)), npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history", schema))
                .UseSnakeCaseNamingConvention()
                // These events print the exception, whose detail and context lines can quote the row being written.
                .ConfigureWarnings(w => w.Ignore(
                    RelationalEventId.CommandError, CoreEventId.SaveChangesFailed, CoreEventId.QueryIterationFailed))
                .AddInterceptors(sp.GetRequiredService<DatabaseErrorLogging>());
        });
        builder.Services.TryAddSingleton<DatabaseErrorLogging>();
        builder.Services.AddScoped<IAccessLog, AccessLog<TContext>>();
        builder.Services.AddScoped<IRecordAccess, RecordAccess<TContext>>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck<TContext>>("database", tags: [HealthTags.Ready]);
        return builder;
    }

    /// <summary>The command-line switch that turns a service into its own migration Job (k8s/README.md).</summary>
    public const string MigrateSwitch = "--migrate";

    /// <summary>
    /// Started with <c>--migrate</c> (the Kubernetes migration Job): applies the migrations and ends the process, 0 on
    /// success and 1 on failure, without starting the web host, the bus or any background job. Otherwise applies
    /// migrations at start-up only when <c>Database:MigrateOnStartup</c> is true: for development and CI only. In a
    /// cluster the Job runs first with the database owner's login and the app role has no DDL rights (engineering guide §4.5).
    /// </summary>
    public static async Task MigrateDatabaseIfConfiguredAsync<TContext>(this WebApplication app) where TContext : DbContext
    {
        var commandLine = Environment.GetCommandLineArgs();
        var migrate = StartedToMigrate(commandLine);
        var deploy = Deployment.DeploymentMode.Started(commandLine);
        if (migrate || deploy)
        {
            var exitCode = migrate ? await MigrateAndReportAsync<TContext>(app) : 0;
            if (exitCode == 0 && deploy)
            {
                exitCode = await RunDeploymentStepsAsync(app);
            }
            await app.DisposeAsync();
            // Program.cs would go on to RunAsync; a migration Job must end here instead, with its own exit code.
            Environment.Exit(exitCode);
        }
        if (!app.Configuration.GetValue<bool>("Database:MigrateOnStartup"))
        {
            return;
        }
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TContext>().Database.MigrateAsync();
    }

    /// <summary>True when the process arguments carry <c>--migrate</c> (the first argument is the program itself).</summary>
    public static bool StartedToMigrate(IEnumerable<string> commandLine) =>
        commandLine.Skip(1).Contains(MigrateSwitch, StringComparer.Ordinal);

    /// <summary>
    /// <c>--deploy-topology</c>: the building blocks' deployment steps (the broker topology: this service's queues bound
    /// to the events it consumes), so an event published before this service first starts waits in its queue.
    /// </summary>
    private static async Task<int> RunDeploymentStepsAsync(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Support.Deployment");
        foreach (var step in app.Services.GetServices<Deployment.IDeploymentStep>())
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
                await step.RunAsync(timeout.Token);
                LogStepDone(logger, step.Name);
            }
            catch (Exception e)
            {
                LogStepFailed(logger, step.Name, e.GetType().Name);
                return 1;
            }
        }
        return 0;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deployment step done: {Step}")]
    private static partial void LogStepDone(ILogger logger, string step);

    [LoggerMessage(Level = LogLevel.Error, Message = "Deployment step failed: {Step} ({ErrorType})")]
    private static partial void LogStepFailed(ILogger logger, string step, string errorType);

    private static async Task<int> MigrateAndReportAsync<TContext>(WebApplication app) where TContext : DbContext
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Support.Migrations");
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            var database = scope.ServiceProvider.GetRequiredService<TContext>().Database;
            var pending = (await database.GetPendingMigrationsAsync()).ToList();
            await database.MigrateAsync();
            LogMigrated(logger, typeof(TContext).Name, pending.Count, string.Join(", ", pending));
            var appRole = app.Configuration["Database:AppRole"];
            if (!string.IsNullOrWhiteSpace(appRole))
            {
                var schema = scope.ServiceProvider.GetRequiredService<TContext>().Model.GetDefaultSchema()
                    ?? throw new InvalidOperationException($"{typeof(TContext).Name} has no default schema to grant on.");
                await GrantDataAccessAsync(database, schema, appRole);
                LogGranted(logger, appRole, schema);
            }
            return 0;
        }
        catch (Exception e)
        {
            // The exception type and message name the migration or connection problem; migrations carry no personal data.
            LogMigrationFailed(logger, e, typeof(TContext).Name);
            return 1;
        }
    }

    /// <summary>
    /// In a cluster the app's login is not the owner (engineering guide §4.5): after migrating, the Job (as owner) gives
    /// the app's login (<c>Database:AppRole</c>) read and write on the rows of its own schema, now and for tables later
    /// migrations add, and nothing else: no DDL, no other schema. Append-only tables stay append-only by their triggers.
    /// </summary>
    private static async Task GrantDataAccessAsync(Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade database, string schema, string role)
    {
        if (!System.Text.RegularExpressions.Regex.IsMatch(role, "^[a-z_][a-z0-9_]{0,62}$"))
        {
            throw new InvalidOperationException("Database:AppRole must be a lower-case PostgreSQL role name.");
        }
        var s = $"\"{schema}\"";
        var r = $"\"{role}\"";
        // Identifiers cannot be parameters; both are checked or come from the EF model.
#pragma warning disable EF1002
        await database.ExecuteSqlRawAsync($"""
            GRANT USAGE ON SCHEMA {s} TO {r};
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {s} TO {r};
            GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA {s} TO {r};
            ALTER DEFAULT PRIVILEGES IN SCHEMA {s} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {r};
            ALTER DEFAULT PRIVILEGES IN SCHEMA {s} GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO {r};
            """);
#pragma warning restore EF1002
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Granted {Role} read and write on the rows of schema {Schema}")]
    private static partial void LogGranted(ILogger logger, string role, string schema);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Context}: applied {Count} pending migration(s): [{Migrations}]; the database is up to date")]
    private static partial void LogMigrated(ILogger logger, string context, int count, string migrations);

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Context}: migrating the database failed")]
    private static partial void LogMigrationFailed(ILogger logger, Exception exception, string context);

    /// <summary>Maps the access log and the sharing relationships it is decided on into a service's model.</summary>
    public static ModelBuilder AddAccessLog(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AccessLogEntry>(e =>
        {
            e.ToTable("access_log");
            e.HasKey(x => x.Id);
            e.Property(x => x.SubjectType).HasMaxLength(64);
            e.Property(x => x.Action).HasMaxLength(32);
            e.Property(x => x.Actor).HasMaxLength(200);
            e.Property(x => x.ActorRoles).HasMaxLength(500);
            e.Property(x => x.Path).HasMaxLength(500);
            e.Property(x => x.CorrelationId).HasMaxLength(64);
            e.HasIndex(x => new { x.SubjectType, x.SubjectId, x.At });
            e.Property(x => x.SharedUnder).HasMaxLength(32);
            e.Property(x => x.Purpose).HasMaxLength(500);
            e.Property(x => x.LawfulBasis).HasMaxLength(500);
        });
        // The sharing relationships a partner's reads are decided on (REC-11), beside the log that records them.
        modelBuilder.Entity<SharingRelationship>(e =>
        {
            e.ToTable("sharing_relationships");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.UserId).HasMaxLength(200);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.Reason).HasMaxLength(1000);
            e.Property(x => x.RecordedBy).HasMaxLength(200);
            e.Property(x => x.EndedBy).HasMaxLength(200);
            e.Property(x => x.EndReason).HasMaxLength(1000);
            e.HasIndex(x => new { x.UserId, x.YoungPersonId });
            e.HasIndex(x => x.YoungPersonId);
        });
        return modelBuilder;
    }
}
