using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.ServiceDefaults.Auth;
using Support.Therapy.Data;

namespace Support.Therapy.Features.Feedback;

/// <summary>
/// THR-07: "individual answers are visible only to the worker, if the young person agrees". The caller sees the answers
/// the young person agreed to share if they are the young person's key worker or took the answer down; the rest are
/// left out and only counted, so a worker knows views exist without reading them. Never a 403 for a hidden answer:
/// hiding it says nothing about what it says.
/// </summary>
public static class ListFeedback
{
    public sealed record Response(Guid YoungPersonId, IReadOnlyList<RecordFeedback.Response> Answers, int NotShown, string Rule);

    public const string Rule = "Shown: answers the young person agreed to share, to their key worker or the worker who took them down (THR-07). "
        + "Everything else counts only in the aggregated feedback report.";

    public static async Task<Results<Ok<Response>, NotFound>> HandleAsync(Guid id, ClaimsPrincipal user, TherapyDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.KnownYoungPeople.AnyAsync(p => p.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var keyWorker = await db.KeyWorkers.Where(k => k.YoungPersonId == id).Select(k => k.UserId).SingleOrDefaultAsync(cancellationToken);
        var answers = await db.CurrentFeedback.AsNoTracking().Where(f => f.YoungPersonId == id).OrderBy(f => f.GivenAt).ToListAsync(cancellationToken);
        var me = user.UserId();
        var shown = answers.Where(f => f.VisibleTo(me, keyWorker)).ToList();
        return TypedResults.Ok(new Response(id, [.. shown.Select(RecordFeedback.Response.Of)], answers.Count - shown.Count, Rule));
    }
}
