namespace Support.Testing;

/// <summary>
/// A test that moves its service's fake clock past a deadline and runs the deadline job's pass itself races the
/// service's own hosted job: the clock's move wakes that job too, and whichever claims the row first (<c>FOR UPDATE SKIP
/// LOCKED</c>) announces it while the other's pass skips it. So the test's pass alone proves nothing either way; this
/// runs a pass, waits until the announcements reach the number expected whoever made them, runs one more pass (which
/// must add nothing), and returns what was announced for the test to assert on, exactly once included.
/// </summary>
public static class DeadlinePasses
{
    public static async Task<List<T>> AnnouncedAsync<T>(
        Func<CancellationToken, Task> pass, Func<Task<List<T>>> announcements, int expected, string because)
    {
        await pass(CancellationToken.None);
        await Eventually.TrueAsync(async () => (await announcements()).Count >= expected, because: because);
        await pass(CancellationToken.None);
        return await announcements();
    }
}
