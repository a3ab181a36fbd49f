using Microsoft.EntityFrameworkCore;
using Support.Missing.Data;
using Support.Missing.Domain;

namespace Support.Missing.Features.Episodes;

/// <summary>
/// MIS-05: stages the links <see cref="PatternMatching"/> finds for an episode in the caller's DbContext, so they are
/// saved with the report or return that produced them. On a report the new <c>lastSeenLocation</c> and
/// <c>believedWith</c> are compared; on a return the new <c>whereFound</c>, <c>foundWith</c> and <c>howReturned</c>.
/// Each is compared with every field of every other episode and with the young person's active abduction notices, so
/// each pair of fields is compared once, when the later of the two is recorded.
/// </summary>
internal static class EpisodeMatching
{
    public static async Task<IReadOnlyList<EpisodeLink>> LinkAsync(
        MissingDbContext db, MissingEpisode episode, IReadOnlyList<string> fields, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var text = EpisodeText.Of(episode);
        if (fields.All(f => string.IsNullOrWhiteSpace(text.Fields.GetValueOrDefault(f))))
        {
            return [];
        }

        // Every other episode's matchable text (kept small: ids and the five fields only).
        var others = await db.Episodes.AsNoTracking()
            .Where(e => e.Id != episode.Id)
            .Select(e => new { e.Id, e.YoungPersonId, e.LastSeenLocation, e.BelievedWith, e.WhereFound, e.FoundWith, e.HowReturned })
            .ToListAsync(cancellationToken);
        var links = new List<EpisodeLink>();
        foreach (var o in others)
        {
            var other = new EpisodeText(o.Id, o.YoungPersonId, new Dictionary<string, string?>
            {
                [EpisodeText.LastSeenLocation] = o.LastSeenLocation,
                [EpisodeText.BelievedWith] = o.BelievedWith,
                [EpisodeText.WhereFound] = o.WhereFound,
                [EpisodeText.FoundWith] = o.FoundWith,
                [EpisodeText.HowReturned] = o.HowReturned,
            });
            var same = other.YoungPersonId == episode.YoungPersonId;
            foreach (var match in PatternMatching.Match(text, fields, other))
            {
                links.Add(EpisodeLink.ToEpisode(episode.Id, other.EpisodeId, same, match.MatchedOn, match.LinkedFields, match.Term, now));
                links.Add(EpisodeLink.ToEpisode(other.EpisodeId, episode.Id, same, match.LinkedFields, match.MatchedOn, match.Term, now));
            }
        }

        var notices = await db.AbductionNotices.AsNoTracking()
            .Where(n => n.YoungPersonId == episode.YoungPersonId && (n.ExpiresAt == null || n.ExpiresAt > now))
            .ToListAsync(cancellationToken);
        foreach (var notice in notices.Where(n => n.IsActiveAt(now)))
        {
            foreach (var match in PatternMatching.Match(text, fields, notice))
            {
                links.Add(EpisodeLink.ToNotice(episode.Id, notice.Id, match.MatchedOn, match.LinkedFields, match.Term, now));
            }
        }
        db.EpisodeLinks.AddRange(links);
        return links;
    }
}
