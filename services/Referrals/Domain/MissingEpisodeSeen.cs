namespace Support.Referrals.Domain;

/// <summary>
/// This service's projection of <c>MissingEpisodeReported</c>: enough to count a young person's missing episodes in the
/// 90 days before an assessment (Part I <c>RepeatMissingThreshold</c>, rule R6). Codes and times only.
/// </summary>
public sealed class MissingEpisodeSeen
{
    private MissingEpisodeSeen() { }

    public Guid EpisodeId { get; private init; }
    public Guid YoungPersonId { get; private init; }
    public DateTimeOffset LastSeenAt { get; private init; }
    public DateTimeOffset ReportedAt { get; private init; }

    public static MissingEpisodeSeen From(Guid episodeId, Guid youngPersonId, DateTimeOffset lastSeenAt, DateTimeOffset reportedAt) =>
        new() { EpisodeId = episodeId, YoungPersonId = youngPersonId, LastSeenAt = lastSeenAt, ReportedAt = reportedAt };
}
