namespace Support.Missing.Domain;

/// <summary>
/// MIS-04, Part I <c>RepeatMissingThreshold</c>: 3 episodes within 90 days (both configurable) trigger a risk review.
/// The window is the <c>windowDays</c> days up to and including the new episode's <c>lastSeenAt</c>. The threshold
/// is announced once per crossing: an episode that falls in the same window as an episode that already triggered
/// a detection does not trigger another (the 4th, 5th... episode of one run); once the triggering episode has left
/// the window, reaching the threshold again is a new crossing and is announced again.
/// </summary>
public static class RepeatMissingRule
{
    /// <summary>
    /// The episodes in the window, oldest first, when <paramref name="reported"/> makes a new crossing; otherwise null.
    /// When it returns a list, <paramref name="reported"/> is marked as the episode that triggered the detection.
    /// </summary>
    public static IReadOnlyList<MissingEpisode>? Apply(
        MissingEpisode reported, IEnumerable<MissingEpisode> others, int threshold, int windowDays, DateTimeOffset now) =>
        Apply(reported, others, threshold, windowDays, now, e => e.RepeatMissingDetectedAt, (e, at) => e.MarkRepeatMissingDetected(at));

    /// <summary>
    /// MIS-04's second rule, on its own parameters (3 episodes within 30 days): the same once-per-crossing rule, marked
    /// on its own field, asks a manager to decide whether to hold a strategy meeting.
    /// </summary>
    public static IReadOnlyList<MissingEpisode>? ApplyStrategyPrompt(
        MissingEpisode reported, IEnumerable<MissingEpisode> others, int threshold, int windowDays, DateTimeOffset now) =>
        Apply(reported, others, threshold, windowDays, now, e => e.StrategyDecisionRequestedAt, (e, at) => e.MarkStrategyDecisionRequested(at));

    private static IReadOnlyList<MissingEpisode>? Apply(
        MissingEpisode reported, IEnumerable<MissingEpisode> others, int threshold, int windowDays, DateTimeOffset now,
        Func<MissingEpisode, DateTimeOffset?> detectedAt, Action<MissingEpisode, DateTimeOffset> mark)
    {
        var from = reported.LastSeenAt - TimeSpan.FromDays(windowDays);
        var inWindow = others
            .Where(e => e.Id != reported.Id && e.YoungPersonId == reported.YoungPersonId)
            .Where(e => e.LastSeenAt >= from && e.LastSeenAt <= reported.LastSeenAt)
            .ToList();
        if (inWindow.Count + 1 < threshold || inWindow.Any(e => detectedAt(e) is not null))
        {
            return null;
        }
        mark(reported, now);
        return [.. inWindow.Append(reported).OrderBy(e => e.LastSeenAt).ThenBy(e => e.Id)];
    }
}
