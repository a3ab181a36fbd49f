using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Support.ServiceDefaults.Secrets;
using Support.Testing;

namespace Support.Deployment.Tests;

/// <summary>
/// <c>Secrets:Provider=dapr</c> against a stand-in Dapr sidecar (the secrets API over gRPC, as Dapr.Client calls it):
/// values come from the store, a missing secret stops the start without revealing anything, and a real service
/// reaches its database with a connection string it was never given except through the store.
/// </summary>
public sealed class DaprSecretsTests
{
    private const string Store = "support-secrets";
    private const string AuthToken = "stand-in-auth-token-value";

    private static Dictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> Stores(string? connectionString = null) => new()
    {
        [Store] = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["twilio"] = new Dictionary<string, string> { ["accountSid"] = "AC00000000000000000000000000000000", ["authToken"] = AuthToken },
            ["outreach-db"] = new Dictionary<string, string> { ["connectionString"] = connectionString ?? "Host=nowhere" },
        },
    };

    private static Dictionary<string, string?> Settings(StandInDaprSidecar sidecar) => new()
    {
        ["Secrets:Provider"] = "dapr",
        ["Secrets:Store"] = Store,
        ["Secrets:Dapr:HttpEndpoint"] = sidecar.HttpEndpoint,
        ["Secrets:Dapr:GrpcEndpoint"] = sidecar.GrpcEndpoint,
        ["Secrets:Dapr:StartupTimeout"] = "00:00:20",
        ["Secrets:Keys:Twilio:AccountSid"] = "twilio/accountSid",
        ["Secrets:Keys:Twilio:AuthToken"] = "twilio/authToken",
        // A value already configured elsewhere is overridden by the store's.
        ["Twilio:AuthToken"] = "from-a-file",
    };

    [Fact]
    public async Task With_the_dapr_provider_configuration_values_come_from_the_secret_store()
    {
        await using var sidecar = await StandInDaprSidecar.StartAsync(Stores());
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(Settings(sidecar));

        builder.AddDaprSecretsIfConfigured();

        Assert.Equal(AuthToken, builder.Configuration["Twilio:AuthToken"]);
        Assert.Equal("AC00000000000000000000000000000000", builder.Configuration["Twilio:AccountSid"]);
        // One call per secret, whatever the number of keys taken from it.
        Assert.Equal([$"{Store}/twilio"], sidecar.SecretRequests);
    }

    [Fact]
    public async Task A_secret_missing_from_the_store_stops_the_start_naming_it_but_no_value()
    {
        await using var sidecar = await StandInDaprSidecar.StartAsync(Stores());
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(Settings(sidecar))
        {
            ["Secrets:Keys:ConnectionStrings:Therapy"] = "therapy-db/connectionString",
            ["Secrets:Keys:Twilio:ApiKey"] = "twilio/apiKey",
        });

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddDaprSecretsIfConfigured());

        Assert.Contains("therapy-db", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(AuthToken, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_missing_from_a_secret_stops_the_start_naming_the_configuration_key()
    {
        await using var sidecar = await StandInDaprSidecar.StartAsync(Stores());
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(Settings(sidecar))
        {
            ["Secrets:Keys:Twilio:ApiKey"] = "twilio/apiKey",
        });

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddDaprSecretsIfConfigured());

        Assert.Contains("no key 'apiKey'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Twilio:ApiKey", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(AuthToken, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_provider_nothing_is_read_and_an_unknown_provider_is_refused()
    {
        Assert.Null(DaprSecretsOptions.Read(new ConfigurationBuilder().Build().GetSection("Secrets")));
        var vault = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Secrets:Provider"] = "vault" }).Build();
        Assert.Throws<InvalidOperationException>(() => DaprSecretsOptions.Read(vault.GetSection("Secrets")));
    }

    [Fact]
    public async Task A_service_started_with_the_dapr_provider_migrates_and_becomes_ready_with_the_connection_string_from_the_store()
    {
        var databaseName = $"dapr_outreach_{Guid.NewGuid():N}"[..40];
        await using (var admin = new Npgsql.NpgsqlConnection(TestEnvironment.PostgresAdmin))
        {
            await admin.OpenAsync();
            await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE \"{databaseName}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        await using var sidecar = await StandInDaprSidecar.StartAsync(Stores(PostgresDatabases.ConnectionString(databaseName)));
        var port = ServiceProcess.FreePort();
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["Auth__SigningKey"] = TestTokens.SigningKey,
            // No ConnectionStrings__Outreach anywhere but the store.
            ["Database__MigrateOnStartup"] = "true",
            ["Secrets__Provider"] = "dapr",
            ["Secrets__Store"] = Store,
            ["Secrets__Dapr__HttpEndpoint"] = sidecar.HttpEndpoint,
            ["Secrets__Dapr__GrpcEndpoint"] = sidecar.GrpcEndpoint,
            ["Secrets__Keys__ConnectionStrings__Outreach"] = "outreach-db/connectionString",
        };
        foreach (var (key, value) in await TestBroker.SettingsAsync())
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value ?? "";
        }
        try
        {
            await using var service = ServiceProcess.Start("Outreach.Api", "services/Outreach", [], environment);
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };

            var database = await Eventually.GetAsync(async () =>
            {
                Assert.False(service.HasExited, "the service exited:\n" + service.Output);
                try
                {
                    using var response = await client.GetAsync("/health/ready");
                    return response.StatusCode == HttpStatusCode.OK
                        ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checks").GetProperty("database").GetProperty("status").GetString()
                        : null;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    // Not listening yet, or too busy starting to answer within the client's timeout: not ready yet.
                    return null;
                }
            }, TimeSpan.FromSeconds(90), "the service to become ready");

            Assert.Equal("Healthy", database);
            Assert.Contains($"{Store}/outreach-db", sidecar.SecretRequests);
        }
        finally
        {
            await PostgresDatabases.DropAsync(databaseName);
        }
    }
}
