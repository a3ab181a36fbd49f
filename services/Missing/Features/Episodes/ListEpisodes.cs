using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Missing.Data;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Problems;

namespace Support.Missing.Features.Episodes;

/// <summary>A young person's missing episodes, latest first (MIS-07 reads them as a history). Audited as a read (REC-08).</summary>
public static class ListEpisodes
{
    public static async Task<Results<Ok<IReadOnlyList<EpisodeResponse>>, ValidationProblem>> HandleAsync(
        Guid? youngPersonId, MissingDbContext db, IAccessLog accessLog, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (youngPersonId is null || youngPersonId == Guid.Empty)
        {
            return new ValidationErrors().Add("youngPersonId", "'youngPersonId' is required.").ToBadRequest();
        }
        var episodes = await db.Episodes.AsNoTracking()
            .Where(e => e.YoungPersonId == youngPersonId)
            .OrderByDescending(e => e.LastSeenAt).ThenByDescending(e => e.Id)
            .ToListAsync(cancellationToken);
        var episodeIds = episodes.Select(e => e.Id).ToList();
        var interviews = await db.ReturnInterviews.AsNoTracking()
            .Where(i => episodeIds.Contains(i.EpisodeId))
            .ToDictionaryAsync(i => i.EpisodeId, cancellationToken);

        // Even "no episodes" tells the reader something about a known child, so that read is logged too.
        if (episodes.Count > 0 || await db.KnownYoungPeople.AnyAsync(p => p.Id == youngPersonId, cancellationToken))
        {
            await accessLog.RecordAsync(EpisodeEndpoints.SubjectType, [youngPersonId.Value], AccessActions.Read, cancellationToken);
        }
        var now = clock.GetUtcNow();
        return TypedResults.Ok<IReadOnlyList<EpisodeResponse>>(
            episodes.Select(e => EpisodeResponse.From(e, interviews.GetValueOrDefault(e.Id), now)).ToList());
    }
}
