using Microsoft.EntityFrameworkCore;
using Support.Contracts.Missing;
using Support.ServiceDefaults.Auth;

namespace Support.Missing.Tests.Api;

/// <summary>MIS-04, Part I: the third episode within 90 days is announced with the episodes, once.</summary>
public sealed class RepeatMissingTests(MissingFixture fixture) : IClassFixture<MissingFixture>
{
    private async Task<Guid> MissingAndBackAsync(HttpClient worker, Guid person)
    {
        var episode = await worker.ReportAsync(MissingRequests.Report(person, fixture.Now.AddHours(-5)));
        fixture.Clock.Advance(TimeSpan.FromHours(1));
        await worker.ReturnAsync(episode.Id, MissingRequests.Return(fixture.Now));
        fixture.Clock.Advance(TimeSpan.FromDays(20));
        return episode.Id;
    }

    [Fact]
    public async Task The_third_episode_within_90_days_announces_repeat_missing_in_the_same_transaction_and_the_fourth_does_not()
    {
        var person = await fixture.KnownYoungPersonAsync();
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);

        var first = await MissingAndBackAsync(worker, person);
        var second = await MissingAndBackAsync(worker, person);
        Assert.Empty(await fixture.OutboxAsync<RepeatMissingDetected>(m => m.YoungPersonId == person));

        var third = await MissingAndBackAsync(worker, person);

        var detected = Assert.Single(await fixture.OutboxAsync<RepeatMissingDetected>(m => m.YoungPersonId == person));
        Assert.Equal([first, second, third], detected.EpisodeIds);
        Assert.Equal(90, detected.WindowDays);
        await using (var db = fixture.CreateDbContext())
        {
            var triggering = await db.Episodes.SingleAsync(e => e.Id == third);
            Assert.NotNull(triggering.RepeatMissingDetectedAt);
            // Announced by the same save as the episode: the outbox row was written with it, not after it.
            var reported = await fixture.OutboxAsync<MissingEpisodeReported>(m => m.EpisodeId == third);
            Assert.Equal(reported[0].OccurredAt, detected.OccurredAt);
        }

        await MissingAndBackAsync(worker, person);

        Assert.Single(await fixture.OutboxAsync<RepeatMissingDetected>(m => m.YoungPersonId == person));
    }

    [Fact]
    public async Task Episodes_further_apart_than_90_days_do_not_announce_repeat_missing()
    {
        var person = await fixture.KnownYoungPersonAsync();
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);

        await MissingAndBackAsync(worker, person);
        fixture.Clock.Advance(TimeSpan.FromDays(50));
        await MissingAndBackAsync(worker, person);
        fixture.Clock.Advance(TimeSpan.FromDays(50));
        await MissingAndBackAsync(worker, person);

        Assert.Empty(await fixture.OutboxAsync<RepeatMissingDetected>(m => m.YoungPersonId == person));
    }
}

/// <summary>The repeat-missing parameters come from configuration (<c>Missing:RepeatThreshold</c>, <c>Missing:RepeatWindowDays</c>).</summary>
public sealed class ConfiguredRepeatMissingTests(ConfiguredRepeatMissingTests.Fixture fixture) : IClassFixture<ConfiguredRepeatMissingTests.Fixture>
{
    public sealed class Fixture : MissingFixture
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Missing:RepeatThreshold"] = "2",
            ["Missing:RepeatWindowDays"] = "30",
        };
    }

    [Fact]
    public async Task A_configured_threshold_and_window_are_used()
    {
        var person = await fixture.KnownYoungPersonAsync();
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);
        var first = await worker.ReportAsync(MissingRequests.Report(person, fixture.Now.AddHours(-5)));
        await worker.ReturnAsync(first.Id, MissingRequests.Return(fixture.Now));
        fixture.Clock.Advance(TimeSpan.FromDays(31));
        var second = await worker.ReportAsync(MissingRequests.Report(person, fixture.Now.AddHours(-5)));
        await worker.ReturnAsync(second.Id, MissingRequests.Return(fixture.Now));
        Assert.Empty(await fixture.OutboxAsync<RepeatMissingDetected>(m => m.YoungPersonId == person));
        fixture.Clock.Advance(TimeSpan.FromDays(10));

        var third = await worker.ReportAsync(MissingRequests.Report(person, fixture.Now.AddHours(-5)));

        var detected = Assert.Single(await fixture.OutboxAsync<RepeatMissingDetected>(m => m.YoungPersonId == person));
        Assert.Equal([second.Id, third.Id], detected.EpisodeIds);
        Assert.Equal(30, detected.WindowDays);
    }
}
