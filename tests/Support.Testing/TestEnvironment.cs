namespace Support.Testing;

/// <summary>
/// Where the real servers are. <c>tools/test</c> sets the variables; when they are absent (a test run from an IDE after
/// <c>tools/infra start</c>) the project-local servers in <c>.data/</c> are used.
/// </summary>
public static class TestEnvironment
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    public static string RepositoryRoot => Root.Value;

    /// <summary>A PostgreSQL connection string for a role that may create databases.</summary>
    public static string PostgresAdmin =>
        Environment.GetEnvironmentVariable("SUPPORT_TEST_PG")
        ?? $"Host=127.0.0.1;Port=55432;Username=postgres;Password={ReadSecret("pg-postgres")};Database=postgres";

    public static Uri RabbitMq => new(Environment.GetEnvironmentVariable("SUPPORT_TEST_RABBITMQ") ?? "amqp://guest:guest@127.0.0.1:5673/");

    public static Uri RabbitMqManagement => new(Environment.GetEnvironmentVariable("SUPPORT_TEST_RABBITMQ_MGMT") ?? "http://127.0.0.1:15673/");

    public static string RabbitMqUser => Uri.UnescapeDataString(RabbitMq.UserInfo.Split(':')[0]);

    public static string RabbitMqPassword => Uri.UnescapeDataString(RabbitMq.UserInfo.Split(':').ElementAtOrDefault(1) ?? "");

    private static string ReadSecret(string name)
    {
        var path = Path.Combine(RepositoryRoot, ".data", "secrets", name);
        return File.Exists(path)
            ? File.ReadAllText(path).Trim()
            : throw new InvalidOperationException($"Set SUPPORT_TEST_PG or run tools/infra start (no {path}).");
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Support.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Support.sln not found above " + AppContext.BaseDirectory);
    }
}
