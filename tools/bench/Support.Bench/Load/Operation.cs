using System.Net;

namespace Support.Bench.Load;

/// <summary>
/// One unit of load. It returns null when it succeeded or a short failure cause ("status 429", "timeout") that is
/// counted instead of a latency.
/// </summary>
public delegate Task<string?> Operation(CancellationToken cancellationToken);

public static class Operations
{
    /// <summary>Sends a request built per call (fresh headers each time), reads the body and checks the status.</summary>
    public static Operation Http(HttpClient client, Func<HttpRequestMessage> request, HttpStatusCode expected) =>
        async cancellationToken =>
        {
            using var message = request();
            using var response = await client.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken);
            return response.StatusCode == expected ? null : $"status {(int)response.StatusCode}";
        };

    /// <summary>Runs an operation and turns transport errors into failure causes; cancellation of the run propagates.</summary>
    public static async Task<string?> TryAsync(this Operation operation, CancellationToken cancellationToken)
    {
        try
        {
            return await operation(cancellationToken);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return "timeout";
        }
        catch (HttpRequestException e)
        {
            return $"http error {e.HttpRequestError}";
        }
    }
}
