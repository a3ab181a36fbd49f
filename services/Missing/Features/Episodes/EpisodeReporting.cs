using Microsoft.EntityFrameworkCore;
using Support.Contracts.Missing;
using Support.Messaging.Outbox;
using Support.Missing.Data;
using Support.Missing.Domain;

namespace Support.Missing.Features.Episodes;

/// <summary>
/// Opening an episode, shared by the API and the Leaving Care command: the episode, <c>MissingEpisodeReported</c> and,
/// when this episode crosses the repeat threshold, <c>RepeatMissingDetected</c> are staged in one DbContext so one
/// SaveChanges stores all or none of them (MIS-01, MIS-04).
/// </summary>
internal static class EpisodeReporting
{
    public static async Task<Guid?> OpenEpisodeOfAsync(MissingDbContext db, Guid youngPersonId, CancellationToken cancellationToken) =>
        await db.Episodes.Where(e => e.YoungPersonId == youngPersonId && e.ReturnedAt == null)
            .Select(e => (Guid?)e.Id)
            .FirstOrDefaultAsync(cancellationToken);

    public static async Task OpenAsync(
        MissingDbContext db, IOutbox outbox, MissingOptions options, MissingEpisode episode, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var windowStart = episode.LastSeenAt - TimeSpan.FromDays(options.RepeatWindowDays);
        var inWindow = await db.Episodes
            .Where(e => e.YoungPersonId == episode.YoungPersonId && e.LastSeenAt >= windowStart && e.LastSeenAt <= episode.LastSeenAt)
            .ToListAsync(cancellationToken);

        db.Episodes.Add(episode);
        outbox.Add(new MissingEpisodeReported
        {
            EpisodeId = episode.Id,
            YoungPersonId = episode.YoungPersonId,
            MissingFrom = episode.MissingFrom,
            LastSeenAt = episode.LastSeenAt,
            ReportedAt = episode.ReportedAt,
            OccurredAt = now,
        });

        var repeat = RepeatMissingRule.Apply(episode, inWindow, options.RepeatThreshold, options.RepeatWindowDays, now);
        if (repeat is not null)
        {
            outbox.Add(new RepeatMissingDetected
            {
                YoungPersonId = episode.YoungPersonId,
                EpisodeIds = repeat.Select(e => e.Id).ToList(),
                WindowDays = options.RepeatWindowDays,
                OccurredAt = now,
            });
        }
    }
}
