using Support.Contracts.Missing;
using Support.Missing.Domain;
using Support.ServiceDefaults.Auth;

namespace Support.Missing.Tests.Domain;

/// <summary>MIS-04, Part I: 3 episodes within 90 days trigger a risk review, once per crossing.</summary>
public sealed class RepeatMissingRuleTests
{
    private static readonly DateTimeOffset Day0 = new(2026, 1, 1, 20, 0, 0, TimeSpan.Zero);
    private readonly Guid _youngPerson = Guid.NewGuid();
    private readonly List<MissingEpisode> _history = [];

    private IReadOnlyList<MissingEpisode>? Report(double day, Guid? youngPerson = null)
    {
        var lastSeenAt = Day0.AddDays(day);
        var episode = MissingEpisode.Report(
            new MissingReport(youngPerson ?? _youngPerson, MissingFrom.Home, lastSeenAt, "Home", null, "Carer", null, "Did not come home", null),
            lastSeenAt, new Author("sw-1", "SocialWorker", lastSeenAt.AddHours(1)));
        var detected = RepeatMissingRule.Apply(episode, _history, threshold: 3, windowDays: 90, lastSeenAt.AddHours(1));
        _history.Add(episode);
        return detected;
    }

    [Fact]
    public void The_third_episode_within_90_days_is_detected_with_all_three_episodes_oldest_first()
    {
        Assert.Null(Report(0));
        Assert.Null(Report(30));

        var detected = Report(60);

        Assert.NotNull(detected);
        Assert.Equal(_history.Select(e => e.Id), detected.Select(e => e.Id));
        Assert.NotNull(_history[2].RepeatMissingDetectedAt);
        Assert.Null(_history[0].RepeatMissingDetectedAt);
    }

    [Fact]
    public void A_fourth_episode_in_the_same_window_is_not_announced_again()
    {
        Report(0);
        Report(10);
        Assert.NotNull(Report(20));

        Assert.Null(Report(30));
        Assert.Null(Report(100)); // days 10, 20 (the trigger), 30 and 100 are within 90 days: the same run
    }

    [Fact]
    public void Once_the_triggering_episode_has_left_the_window_reaching_the_threshold_again_is_a_new_crossing()
    {
        Report(0);
        Report(10);
        Assert.NotNull(Report(20));
        Assert.Null(Report(100));
        Assert.Null(Report(111)); // window 21..111: days 100 and 111 only, with the new one

        var detected = Report(115); // window 25..115: days 100, 111, 115; the trigger at day 20 has gone

        Assert.Equal(3, detected!.Count);
        Assert.Equal(Day0.AddDays(100), detected[0].LastSeenAt);
    }

    [Fact]
    public void Episodes_more_than_90_days_apart_do_not_count_together()
    {
        Report(0);
        Report(45);

        Assert.Null(Report(90.01));
    }

    [Fact]
    public void An_episode_exactly_90_days_earlier_is_within_the_window()
    {
        Report(0);
        Report(45);

        Assert.NotNull(Report(90));
    }

    [Fact]
    public void Another_young_persons_episodes_do_not_count()
    {
        Report(0);
        Report(10, Guid.NewGuid());

        Assert.Null(Report(20));
    }
}
