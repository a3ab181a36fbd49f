using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Missing.Data;
using Support.ServiceDefaults.Audit;

namespace Support.Missing.Features.Episodes;

/// <summary>One episode with its return and interview. A read of the young person's record, so it is audited (REC-08).</summary>
public static class GetEpisode
{
    public static async Task<Results<Ok<EpisodeResponse>, NotFound>> HandleAsync(
        Guid id, MissingDbContext db, IAccessLog accessLog, TimeProvider clock, CancellationToken cancellationToken)
    {
        var episode = await db.Episodes.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (episode is null)
        {
            return TypedResults.NotFound();
        }
        var interview = await db.ReturnInterviews.AsNoTracking().SingleOrDefaultAsync(i => i.EpisodeId == id, cancellationToken);
        var links = await db.EpisodeLinks.AsNoTracking().Where(l => l.EpisodeId == id).ToListAsync(cancellationToken);
        // The route names the episode, not the young person, so the audit is written here rather than by AuditsReadOf.
        await accessLog.RecordAsync(EpisodeEndpoints.SubjectType, [episode.YoungPersonId], AccessActions.Read, cancellationToken);
        return TypedResults.Ok(EpisodeResponse.From(episode, interview, clock.GetUtcNow(), links));
    }
}
