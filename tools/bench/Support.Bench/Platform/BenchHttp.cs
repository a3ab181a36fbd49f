using System.Net.Http.Headers;

namespace Support.Bench.Platform;

public static class BenchHttp
{
    /// <summary>
    /// A client with its own connection pool. No proxy (an HTTP_PROXY in the environment must not intercept loopback
    /// traffic), no cookies, no redirects; connections are kept for the whole run.
    /// </summary>
    public static HttpClient CreateClient(TimeSpan? timeout = null) => new(new SocketsHttpHandler
    {
        UseProxy = false,
        UseCookies = false,
        AllowAutoRedirect = false,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
    })
    {
        Timeout = timeout ?? TimeSpan.FromSeconds(10),
    };
}

/// <summary>
/// Development tokens (role SocialWorker) for distinct users. The gateway limits each user to 6,000 requests a
/// minute, so load is spread over many users, as real traffic is; one user alone would be refused after 100/s.
/// </summary>
public sealed class TokenPool(IReadOnlyList<string> tokens)
{
    private long _next = -1;

    public AuthenticationHeaderValue Next() =>
        new("Bearer", tokens[(int)(Interlocked.Increment(ref _next) % tokens.Count)]);

    public int Count => tokens.Count;
}
