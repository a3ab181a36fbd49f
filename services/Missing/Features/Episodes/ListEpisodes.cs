using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Missing.Data;
using Support.Missing.Domain;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Problems;

namespace Support.Missing.Features.Episodes;

/// <summary>
/// A young person's missing episodes, latest first (MIS-07 reads them as a history). Audited as a read (REC-08).
/// <c>?flagged=true</c> (MIS-05): episodes with a flag (linked to another young person's episode, or a suspected
/// abduction notice breach), latest first; across all young people when no <c>youngPersonId</c> is given, each young
/// person listed being logged as a search match.
/// </summary>
public static class ListEpisodes
{
    private const int MaxFlagged = 500;

    private static readonly EpisodeLinkKind[] FlaggingKinds = [EpisodeLinkKind.OtherYoungPerson, EpisodeLinkKind.AbductionNotice];

    public static async Task<Results<Ok<IReadOnlyList<EpisodeResponse>>, ValidationProblem>> HandleAsync(
        Guid? youngPersonId, bool? flagged, MissingDbContext db, IAccessLog accessLog, TimeProvider clock, CancellationToken cancellationToken)
    {
        var everyone = flagged == true && youngPersonId is null;
        if (!everyone && (youngPersonId is null || youngPersonId == Guid.Empty))
        {
            return new ValidationErrors().Add("youngPersonId", "'youngPersonId' is required unless flagged=true.").ToBadRequest();
        }
        var query = db.Episodes.AsNoTracking();
        if (!everyone)
        {
            query = query.Where(e => e.YoungPersonId == youngPersonId);
        }
        if (flagged == true)
        {
            query = query.Where(e => db.EpisodeLinks.Any(l => l.EpisodeId == e.Id && FlaggingKinds.Contains(l.Kind)));
        }
        query = query.OrderByDescending(e => e.LastSeenAt).ThenByDescending(e => e.Id);
        var episodes = await (everyone ? query.Take(MaxFlagged) : query).ToListAsync(cancellationToken);
        var episodeIds = episodes.Select(e => e.Id).ToList();
        var interviews = await db.ReturnInterviews.AsNoTracking()
            .Where(i => episodeIds.Contains(i.EpisodeId))
            .ToDictionaryAsync(i => i.EpisodeId, cancellationToken);
        var links = await db.EpisodeLinks.AsNoTracking().Where(l => episodeIds.Contains(l.EpisodeId)).ToListAsync(cancellationToken);
        var linksByEpisode = links.ToLookup(l => l.EpisodeId);

        if (everyone)
        {
            await accessLog.RecordAsync(EpisodeEndpoints.SubjectType, episodes.Select(e => e.YoungPersonId).Distinct().ToList(),
                AccessActions.SearchMatch, cancellationToken);
        }
        // Even "no episodes" tells the reader something about a known child, so that read is logged too.
        else if (episodes.Count > 0 || await db.KnownYoungPeople.AnyAsync(p => p.Id == youngPersonId, cancellationToken))
        {
            await accessLog.RecordAsync(EpisodeEndpoints.SubjectType, [youngPersonId!.Value], AccessActions.Read, cancellationToken);
        }
        var now = clock.GetUtcNow();
        return TypedResults.Ok<IReadOnlyList<EpisodeResponse>>(
            episodes.Select(e => EpisodeResponse.From(e, interviews.GetValueOrDefault(e.Id), now, linksByEpisode[e.Id])).ToList());
    }
}
