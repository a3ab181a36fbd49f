using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Support.ServiceDefaults.Correlation;

/// <summary>
/// The id that ties one user action to every request and message it causes. The gateway sets it when a client did
/// not; services keep it in an async-local so the outbox copies it into each message's headers.
/// </summary>
public static class CorrelationId
{
    public const string HeaderName = "X-Correlation-Id";
    private static readonly AsyncLocal<string?> CurrentValue = new();

    public static string? Current
    {
        get => CurrentValue.Value;
        set => CurrentValue.Value = value;
    }

    /// <summary>Accepts a client-supplied id only if it is short and plain, so it cannot smuggle data into logs.</summary>
    public static bool IsAcceptable(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= 64 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    public static string NewId() => Guid.NewGuid().ToString("N");
}

internal sealed class CorrelationIdMiddleware(RequestDelegate next, ILogger<CorrelationIdMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[CorrelationId.HeaderName].ToString();
        var id = CorrelationId.IsAcceptable(incoming) ? incoming : CorrelationId.NewId();
        context.Request.Headers[CorrelationId.HeaderName] = id;
        // Set when the response starts, replacing any copy a proxied service already returned.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[CorrelationId.HeaderName] = id;
            return Task.CompletedTask;
        });
        CorrelationId.Current = id;
        using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = id }))
        {
            await next(context);
        }
    }
}
