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
        var windowStart = episode.LastSeenAt - TimeSpan.FromDays(Math.Max(options.RepeatWindowDays, options.StrategyDecisionWindowDays));
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

        // LC-04: a care leaver missing from their leaving-care accommodation alerts police liaison and the duty manager
        // (Referrals makes a risk review due within 24 hours and Leaving Care gives the adviser follow-up tasks, from
        // MissingEpisodeReported).
        if (episode.MissingFrom == MissingFrom.LeavingCareAccommodation)
        {
            db.Set<MissingAlert>().AddRange(MissingAlert.ForCareLeaverMissing(episode, now));
        }

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

        // MIS-04: a pattern of returns asks a manager to decide on a strategy meeting (Referrals makes the task).
        var pattern = RepeatMissingRule.ApplyStrategyPrompt(episode, inWindow, options.StrategyDecisionThreshold, options.StrategyDecisionWindowDays, now);
        if (pattern is not null)
        {
            outbox.Add(new StrategyMeetingDecisionRequested
            {
                YoungPersonId = episode.YoungPersonId,
                EpisodeIds = pattern.Select(e => e.Id).ToList(),
                Threshold = options.StrategyDecisionThreshold,
                WindowDays = options.StrategyDecisionWindowDays,
                OccurredAt = now,
            });
        }
    }
}
