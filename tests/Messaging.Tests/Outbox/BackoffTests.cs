using Support.Messaging.Outbox;

namespace Support.Messaging.Tests.Outbox;

public sealed class BackoffTests
{
    public static TheoryData<TimeSpan, TimeSpan> Settings => new()
    {
        { new OutboxRelayOptions().InitialBackoff, new OutboxRelayOptions().MaxBackoff },
        { TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(2) },
        { TimeSpan.FromMinutes(30), TimeSpan.FromDays(1) },
    };

    [Fact]
    public void The_first_retry_waits_the_initial_backoff_and_each_later_one_doubles_it()
    {
        var options = new OutboxRelayOptions { InitialBackoff = TimeSpan.FromSeconds(1), MaxBackoff = TimeSpan.FromMinutes(5) };

        Assert.Equal(
            [1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300],
            Enumerable.Range(1, 11).Select(a => options.BackoffFor(a).TotalSeconds));
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public void Backoff_grows_and_never_exceeds_the_cap(TimeSpan initial, TimeSpan max)
    {
        var options = new OutboxRelayOptions { InitialBackoff = initial, MaxBackoff = max };
        int[] attempts = [.. Enumerable.Range(1, 100), 1_000, 100_000, int.MaxValue];

        var previous = TimeSpan.Zero;
        foreach (var attempt in attempts)
        {
            var backoff = options.BackoffFor(attempt);
            Assert.True(backoff >= previous, $"Backoff for attempt {attempt} ({backoff}) is shorter than for the attempt before ({previous}).");
            Assert.True(backoff <= max, $"Backoff for attempt {attempt} ({backoff}) exceeds the cap {max}.");
            previous = backoff;
        }
        Assert.Equal(initial, options.BackoffFor(1));
        Assert.Equal(max, options.BackoffFor(int.MaxValue));
    }
}
