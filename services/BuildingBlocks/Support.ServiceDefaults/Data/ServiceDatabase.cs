using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Health;

namespace Support.ServiceDefaults.Data;

public static class ServiceDatabase
{
    /// <summary>
    /// Registers the service's own PostgreSQL database: one DbContext, one schema, snake_case names, the readiness
    /// check and the access log. The connection string is <c>ConnectionStrings:{connectionName}</c>, read lazily so
    /// test hosts can override it.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext>(this IHostApplicationBuilder builder, string connectionName, string schema)
        where TContext : DbContext
    {
        builder.Services.AddDbContext<TContext>((sp, options) =>
        {
            var connectionString = sp.GetRequiredService<IConfiguration>().GetConnectionString(connectionName);
            options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history", schema))
                .UseSnakeCaseNamingConvention();
        });
        builder.Services.AddScoped<IAccessLog, AccessLog<TContext>>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck<TContext>>("database", tags: [HealthTags.Ready]);
        return builder;
    }

    /// <summary>
    /// Applies migrations at start-up when <c>Database:MigrateOnStartup</c> is true: for development and CI only. In a
    /// cluster a migration Job runs first and the app role has no DDL rights (engineering guide §4.5).
    /// </summary>
    public static async Task MigrateDatabaseIfConfiguredAsync<TContext>(this WebApplication app) where TContext : DbContext
    {
        if (!app.Configuration.GetValue<bool>("Database:MigrateOnStartup"))
        {
            return;
        }
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TContext>().Database.MigrateAsync();
    }

    /// <summary>Maps the access log table into a service's model.</summary>
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
        });
        return modelBuilder;
    }
}
