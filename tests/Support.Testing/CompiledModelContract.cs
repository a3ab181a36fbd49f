using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Scaffolding;
using Microsoft.Extensions.DependencyInjection;
using Npgsql.EntityFrameworkCore.PostgreSQL.Design.Internal;
using Xunit;

namespace Support.Testing;

/// <summary>
/// Issue 17 (each service ready ≤ 3 s): every service's EF Core model is compiled ahead of time into
/// <c>services/&lt;Service&gt;/Data/CompiledModel</c> (<c>tools/compiled-models</c>) instead of being built by conventions
/// on the first query after every start. The generated code is committed, since the MSBuild task that would regenerate
/// it on each build is not served here, so this contract holds it to the model configuration: the service must run on
/// it, and a changed entity, configuration or conversion without a regenerated model fails, naming the command.
/// </summary>
public static partial class CompiledModelContract
{
    /// <summary>The service's own context, as its host configures it, uses the committed compiled model.</summary>
    public static async Task VerifyInUseAsync<TContext>(ServiceHost<TContext> host) where TContext : DbContext
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var declared = typeof(TContext).Assembly.GetCustomAttributes<DbContextModelAttribute>()
            .SingleOrDefault(a => a.ContextType == typeof(TContext));

        Assert.True(declared is not null, $"{typeof(TContext).Name} has no compiled model; run `{Regenerate(typeof(TContext))}`.");
        Assert.IsType(declared.ModelType, db.Model);
    }

    /// <summary>
    /// The committed files are exactly what <c>dotnet ef dbcontext optimize</c> would write today, generated in process
    /// from the design-time model of the service's own context.
    /// </summary>
    public static async Task VerifyCurrentAsync<TContext>(ServiceHost<TContext> host) where TContext : DbContext
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var generated = Generate(db);
        var folder = Path.Combine(TestEnvironment.RepositoryRoot, "services", ServiceName(typeof(TContext)), "Data", "CompiledModel");
        var regenerate = Regenerate(typeof(TContext));

        var committed = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.cs").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList()
            : [];
        Assert.True(
            committed.SequenceEqual(generated.Keys.Order(StringComparer.Ordinal), StringComparer.Ordinal),
            $"The compiled model's files are not the model's entity types; run `{regenerate}`.");
        foreach (var (file, code) in generated)
        {
            var onDisk = await File.ReadAllTextAsync(Path.Combine(folder, file));
            Assert.True(Normalised(onDisk) == Normalised(code), $"{file} is not what the model configuration generates today; run `{regenerate}`.");
        }
    }

    private static Dictionary<string, string> Generate(DbContext db)
    {
        var services = new ServiceCollection()
            .AddEntityFrameworkDesignTimeServices()
            .AddDbContextDesignTimeServices(db);
#pragma warning disable EF1001 // The provider's design-time services, as the dotnet-ef tool loads them.
        new NpgsqlDesignTimeServices().ConfigureDesignTimeServices(services);
#pragma warning restore EF1001
        using var provider = services.BuildServiceProvider();
        var options = new CompiledModelCodeGenerationOptions
        {
            ContextType = db.GetType(),
            ModelNamespace = $"Support.{ServiceName(db.GetType())}.Data.CompiledModel",
            Language = "C#",
            UseNullableReferenceTypes = true,
        };
        var generator = provider.GetRequiredService<ICompiledModelCodeGeneratorSelector>().Select(options);
        return generator.GenerateModel(db.GetService<IDesignTimeModel>().Model, options)
            .ToDictionary(f => Path.GetFileName(f.Path), f => f.Code, StringComparer.Ordinal);
    }

    /// <summary><c>Support.Referrals.Data.ReferralsDbContext</c> lives in <c>services/Referrals</c>.</summary>
    private static string ServiceName(Type context) => context.Namespace!.Split('.')[1];

    private static string Regenerate(Type context) => $"tools/compiled-models {ServiceName(context)}";

    /// <summary>Each generation gives the model a new random id; everything else must be the same.</summary>
    private static string Normalised(string code) =>
        ModelId().Replace(code.TrimStart('\uFEFF').ReplaceLineEndings("\n"), "modelId: new Guid(\"\")");

    [GeneratedRegex("modelId: new Guid\\(\"[0-9a-f-]{36}\"\\)")]
    private static partial Regex ModelId();
}
