using System.Globalization;

namespace Support.Bench;

/// <summary>
/// What the benchmarks talk to. <c>tools/bench/run</c> sets the <c>BENCH_*</c> variables from <c>tools/lib.sh</c>;
/// every endpoint must be on loopback, so a mistyped setting can never send load to another machine.
/// </summary>
public sealed record BenchSettings
{
    public required string RepoRoot { get; init; }
    public required string DataDir { get; init; }
    public required IReadOnlyList<string> Tokens { get; init; }
    /// <summary>RhiWorker tokens (<c>BENCH_RHI_TOKENS_FILE</c>), for the return-home interview endpoints; may be empty.</summary>
    public IReadOnlyList<string> RhiTokens { get; init; } = [];
    /// <summary>OutreachWorker tokens (<c>BENCH_OUTREACH_TOKENS_FILE</c>), for logging outreach contacts; may be empty.</summary>
    public IReadOnlyList<string> OutreachTokens { get; init; } = [];
    /// <summary>SupportLineOperator tokens (<c>BENCH_SUPPORTLINE_TOKENS_FILE</c>), for the duty inbox's alerts and closing conversations; may be empty.</summary>
    public IReadOnlyList<string> SupportLineTokens { get; init; } = [];
    /// <summary>
    /// How the running support line checks Twilio's signature (<c>BENCH_SMS_*</c>, from tools/lib.sh
    /// <c>supportline_dev_env</c> as tools/run configures it): auth token, the public URL signed, account and line number.
    /// </summary>
    public SmsLine? Sms { get; init; }
    public required string PostgresAdmin { get; init; }
    public required Uri RabbitMq { get; init; }
    public required Uri RabbitMqManagement { get; init; }
    public Uri Gateway { get; init; } = new("http://127.0.0.1:8080");
    public Uri Referrals { get; init; } = new("http://127.0.0.1:8081");
    public Uri Outreach { get; init; } = new("http://127.0.0.1:8082");
    public Uri Missing { get; init; } = new("http://127.0.0.1:8083");
    public Uri SupportLine { get; init; } = new("http://127.0.0.1:8086");
    /// <summary>Shorter phases, for trying the suite out; not for recorded figures.</summary>
    public bool Quick { get; init; }
    /// <summary>Benchmark names to run; empty means all.</summary>
    public IReadOnlySet<string> Only { get; init; } = new HashSet<string>();

    public static BenchSettings Load(string[] args)
    {
        var repo = Environment.GetEnvironmentVariable("BENCH_REPO") ?? Directory.GetCurrentDirectory();
        var tokensFile = Required("BENCH_TOKENS_FILE");
        var only = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var quick = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    quick = true;
                    break;
                case "--only" when i + 1 < args.Length:
                    only.UnionWith(args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'. Usage: [--quick] [--only gateway,e2e,interview,intake,outreach-contacts,supportline-webhooks,chronology,relay,alerts,outreach-hotspots,commissioner-reports,unmet-need-ingest,memory,startup]");
            }
        }
        var settings = new BenchSettings
        {
            RepoRoot = repo,
            DataDir = Environment.GetEnvironmentVariable("BENCH_DATA_DIR") ?? Path.Combine(repo, ".data"),
            Tokens = File.ReadAllLines(tokensFile).Where(l => l.Length > 0).ToArray(),
            RhiTokens = Environment.GetEnvironmentVariable("BENCH_RHI_TOKENS_FILE") is { Length: > 0 } rhiTokensFile
                ? File.ReadAllLines(rhiTokensFile).Where(l => l.Length > 0).ToArray()
                : [],
            OutreachTokens = Environment.GetEnvironmentVariable("BENCH_OUTREACH_TOKENS_FILE") is { Length: > 0 } outreachTokensFile
                ? File.ReadAllLines(outreachTokensFile).Where(l => l.Length > 0).ToArray()
                : [],
            SupportLineTokens = Environment.GetEnvironmentVariable("BENCH_SUPPORTLINE_TOKENS_FILE") is { Length: > 0 } supportLineTokensFile
                ? File.ReadAllLines(supportLineTokensFile).Where(l => l.Length > 0).ToArray()
                : [],
            Sms = Environment.GetEnvironmentVariable("BENCH_SMS_AUTH_TOKEN") is { Length: > 0 } smsAuthToken
                ? new SmsLine(smsAuthToken, Required("BENCH_SMS_INBOUND_URL"), Required("BENCH_SMS_ACCOUNT_SID"), Required("BENCH_SMS_TO"))
                : null,
            PostgresAdmin = Required("BENCH_PG_ADMIN"),
            RabbitMq = new Uri(Environment.GetEnvironmentVariable("BENCH_RABBITMQ_URL") ?? "amqp://guest:guest@127.0.0.1:5673/"),
            RabbitMqManagement = new Uri(Environment.GetEnvironmentVariable("BENCH_RABBITMQ_MGMT_URL") ?? "http://127.0.0.1:15673"),
            Gateway = new Uri(Environment.GetEnvironmentVariable("BENCH_GATEWAY_URL") ?? "http://127.0.0.1:8080"),
            // Lets one benchmark run against a single Referrals instance started elsewhere (still loopback only).
            Referrals = new Uri(Environment.GetEnvironmentVariable("BENCH_REFERRALS_URL") ?? "http://127.0.0.1:8081"),
            Quick = quick,
            Only = only,
        };
        settings.EnsureLoopbackOnly();
        return settings;
    }

    public bool Runs(string benchmark) => Only.Count == 0 || Only.Contains(benchmark);

    public TimeSpan Scaled(double seconds) => TimeSpan.FromSeconds(Quick ? seconds / 4 : seconds);

    private void EnsureLoopbackOnly()
    {
        if (Tokens.Count == 0)
        {
            throw new InvalidOperationException("BENCH_TOKENS_FILE holds no tokens.");
        }
        var pgHost = new Npgsql.NpgsqlConnectionStringBuilder(PostgresAdmin).Host ?? "";
        foreach (var host in new[] { Gateway.Host, Referrals.Host, Outreach.Host, Missing.Host, SupportLine.Host, RabbitMq.Host, RabbitMqManagement.Host, pgHost })
        {
            if (host is not ("127.0.0.1" or "localhost"))
            {
                throw new InvalidOperationException($"The benchmarks only send traffic to 127.0.0.1; '{host}' is not loopback.");
            }
        }
    }

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set; run the suite with tools/bench/run.");

    public static string Format(double value, int decimals) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}

/// <summary>The support line's Twilio settings as the running line has them (<c>Sms:*</c>).</summary>
public sealed record SmsLine(string AuthToken, string InboundWebhookUrl, string AccountSid, string LineNumber);
