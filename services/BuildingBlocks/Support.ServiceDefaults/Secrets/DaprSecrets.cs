using Dapr;
using Dapr.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Support.ServiceDefaults.Secrets;

/// <summary>
/// <c>Secrets:Provider=dapr</c>: configuration values (connection strings, the broker password, the Twilio credentials)
/// read once at start-up from the Dapr secret store through <see cref="DaprClient"/>, so they never sit in environment
/// variables or files. Settings:
/// <list type="bullet">
/// <item><c>Secrets:Store</c>: the secret store component (k8s/base/dapr/secret-store.yaml: <c>support-secrets</c>).</item>
/// <item><c>Secrets:Keys:&lt;configuration key&gt;</c> = <c>&lt;secret&gt;/&lt;key&gt;</c> (or <c>&lt;secret&gt;</c> where the
/// store keeps one value per secret), e.g. <c>Secrets__Keys__Twilio__AuthToken=twilio/authToken</c>.</item>
/// <item><c>Secrets:Dapr:HttpEndpoint</c>, <c>Secrets:Dapr:GrpcEndpoint</c>: optional; by default the sidecar's
/// (<c>DAPR_HTTP_PORT</c>/<c>DAPR_GRPC_PORT</c>, set by the injector). <c>Secrets:Dapr:StartupTimeout</c>: how long
/// to wait for the sidecar (default 30 s).</item>
/// </list>
/// Values win over every other source. A rotated secret is read on the next start (a rollout restart).
/// </summary>
public static class DaprSecrets
{
    public const string Section = "Secrets";

    public static IHostApplicationBuilder AddDaprSecretsIfConfigured(this IHostApplicationBuilder builder)
    {
        var options = DaprSecretsOptions.Read(builder.Configuration.GetSection(Section));
        if (options is not null)
        {
            builder.Configuration.Add(new DaprSecretsConfigurationSource(options));
        }
        return builder;
    }
}

/// <summary>What to read from which store, parsed from the <c>Secrets</c> section.</summary>
public sealed record DaprSecretsOptions(
    string Store,
    IReadOnlyList<DaprSecretsOptions.Mapping> Keys,
    string? HttpEndpoint,
    string? GrpcEndpoint,
    TimeSpan StartupTimeout)
{
    /// <summary>Configuration key <paramref name="ConfigurationKey"/> takes key <paramref name="Key"/> of secret <paramref name="Secret"/>.</summary>
    public sealed record Mapping(string ConfigurationKey, string Secret, string Key);

    /// <summary>Null when another provider (or none) is chosen; throws when the dapr settings are incomplete.</summary>
    public static DaprSecretsOptions? Read(IConfigurationSection section)
    {
        var provider = section["Provider"];
        if (string.IsNullOrWhiteSpace(provider) || provider.Equals("configuration", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        if (!provider.Equals("dapr", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Secrets:Provider must be 'dapr' or unset, not '{provider}'.");
        }
        var store = section["Store"];
        if (string.IsNullOrWhiteSpace(store))
        {
            throw new InvalidOperationException("Secrets:Provider=dapr needs Secrets:Store (the Dapr secret store component's name).");
        }
        var keys = section.GetSection("Keys").AsEnumerable(makePathsRelative: true)
            .Where(kv => !string.IsNullOrWhiteSpace(kv.Value))
            .Select(kv =>
            {
                var slash = kv.Value!.IndexOf('/', StringComparison.Ordinal);
                return slash < 0
                    ? new Mapping(kv.Key, kv.Value, kv.Value)
                    : new Mapping(kv.Key, kv.Value[..slash], kv.Value[(slash + 1)..]);
            })
            .OrderBy(m => m.ConfigurationKey, StringComparer.Ordinal)
            .ToList();
        if (keys.Count == 0)
        {
            throw new InvalidOperationException("Secrets:Provider=dapr needs at least one Secrets:Keys:<configuration key>=<secret>/<key>.");
        }
        var timeout = section.GetValue<TimeSpan?>("Dapr:StartupTimeout") ?? TimeSpan.FromSeconds(30);
        return new DaprSecretsOptions(store, keys, section["Dapr:HttpEndpoint"], section["Dapr:GrpcEndpoint"], timeout);
    }
}

public sealed class DaprSecretsConfigurationSource(DaprSecretsOptions options) : IConfigurationSource
{
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new DaprSecretsConfigurationProvider(options);
}

/// <summary>Reads every mapped secret once, when configuration is built; a missing secret or key stops the start.</summary>
public sealed class DaprSecretsConfigurationProvider(DaprSecretsOptions options) : ConfigurationProvider
{
    // Configuration providers load synchronously; this runs once at start-up, before the host has a synchronisation context.
    public override void Load() => Data = LoadAsync().GetAwaiter().GetResult();

    private async Task<Dictionary<string, string?>> LoadAsync()
    {
        var builder = new DaprClientBuilder();
        if (!string.IsNullOrWhiteSpace(options.HttpEndpoint))
        {
            builder.UseHttpEndpoint(options.HttpEndpoint);
        }
        if (!string.IsNullOrWhiteSpace(options.GrpcEndpoint))
        {
            builder.UseGrpcEndpoint(options.GrpcEndpoint);
        }
        using var client = builder.Build();
        using var startup = new CancellationTokenSource(options.StartupTimeout);
        try
        {
            // The app container may start before its sidecar: Dapr's own wait (polls the sidecar's health endpoint).
            await client.WaitForSidecarAsync(startup.Token);
        }
        catch (OperationCanceledException)
        {
            throw new InvalidOperationException($"Secrets:Provider=dapr: the Dapr sidecar did not answer within {options.StartupTimeout}.");
        }

        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var secret in options.Keys.GroupBy(m => m.Secret, StringComparer.Ordinal))
        {
            Dictionary<string, string> values;
            try
            {
                values = await client.GetSecretAsync(options.Store, secret.Key, metadata: null, startup.Token);
            }
            catch (DaprException e)
            {
                // The message names the store and secret only; the sidecar's error text never carries a value.
                throw new InvalidOperationException($"Secrets:Provider=dapr: secret '{secret.Key}' could not be read from store '{options.Store}'.", e);
            }
            foreach (var mapping in secret)
            {
                if (!values.TryGetValue(mapping.Key, out var value))
                {
                    throw new InvalidOperationException(
                        $"Secrets:Provider=dapr: secret '{mapping.Secret}' in store '{options.Store}' has no key '{mapping.Key}' (wanted for {mapping.ConfigurationKey}).");
                }
                data[mapping.ConfigurationKey] = value;
            }
        }
        return data;
    }
}
