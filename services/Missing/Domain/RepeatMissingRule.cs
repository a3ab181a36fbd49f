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
        MissingEpisode reported, IEnumerable<MissingEpisode> others, int threshold, int windowDays, DateTimeOffset now)
    {
        var from = reported.LastSeenAt - TimeSpan.FromDays(windowDays);
        var inWindow = others
            .Where(e => e.Id != reported.Id && e.YoungPersonId == reported.YoungPersonId)
            .Where(e => e.LastSeenAt >= from && e.LastSeenAt <= reported.LastSeenAt)
            .ToList();
        if (inWindow.Count + 1 < threshold || inWindow.Any(e => e.RepeatMissingDetectedAt is not null))
        {
            return null;
        }
        reported.MarkRepeatMissingDetected(now);
        return [.. inWindow.Append(reported).OrderBy(e => e.LastSeenAt).ThenBy(e => e.Id)];
    }
}
