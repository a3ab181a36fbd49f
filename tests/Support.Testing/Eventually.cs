namespace Support.Testing;

/// <summary>Polls for an outcome that arrives asynchronously (over the bus); fails with a message when it never does.</summary>
public static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T?>> probe, TimeSpan? timeout = null, string? because = null, TimeSpan? interval = null)
        where T : class
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting: {because ?? "condition not met"}.");
            }
            await Task.Delay(interval ?? TimeSpan.FromMilliseconds(50));
        }
    }

    public static async Task TrueAsync(Func<Task<bool>> probe, TimeSpan? timeout = null, string? because = null) =>
        await GetAsync<object>(async () => await probe() ? new object() : null, timeout, because);
}
