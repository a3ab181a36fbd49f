using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Support.Outreach.Data;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;

namespace Support.Outreach.Features.Involvements;

public static class ReadInvolvements
{
    public static async Task<Results<Ok<InvolvementResponse>, NotFound>> GetAsync(
        Guid id, OutreachDbContext db, IAccessLog accessLog, IOptions<OutreachOptions> options, CancellationToken cancellationToken)
    {
        var involvement = await db.Involvements.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (involvement is null)
        {
            return TypedResults.NotFound();
        }
        await accessLog.RecordAsync(AccessSubjects.YoungPerson, [involvement.YoungPersonId], AccessActions.Read, cancellationToken);
        return TypedResults.Ok((await InvolvementState.ResponsesAsync(db, [involvement], options.Value.NoContactAlertAfter, cancellationToken)).Single());
    }

    public static async Task<Results<Ok<List<InvolvementResponse>>, NotFound>> ForYoungPersonAsync(
        Guid id, OutreachDbContext db, IOptions<OutreachOptions> options, CancellationToken cancellationToken)
    {
        if (!await db.KnownYoungPeople.AnyAsync(p => p.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var involvements = await db.Involvements.AsNoTracking().Where(i => i.YoungPersonId == id).OrderBy(i => i.RecordedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(await InvolvementState.ResponsesAsync(db, involvements, options.Value.NoContactAlertAfter, cancellationToken));
    }

    /// <summary>The open involvements the caller holds now (started by them or handed to them), those due an alert soonest first.</summary>
    public static async Task<Ok<List<InvolvementResponse>>> MineAsync(
        ClaimsPrincipal user, OutreachDbContext db, IAccessLog accessLog, IOptions<OutreachOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var me = user.ToAuthor(clock).UserId;
        var candidates = await db.Involvements.AsNoTracking()
            .Where(i => !db.InvolvementEndings.Any(e => e.InvolvementId == i.Id)
                && (i.WorkerUserId == me || db.InvolvementHandovers.Any(h => h.InvolvementId == i.Id && (h.ToWorkerUserId == me || h.FromWorkerUserId == me))))
            .Take(1000).ToListAsync(cancellationToken);
        var responses = (await InvolvementState.ResponsesAsync(db, candidates, options.Value.NoContactAlertAfter, cancellationToken))
            .Where(r => r.CurrentWorkerUserId == me)
            .OrderBy(r => r.NoContactAlertDueAt?.Utc ?? DateTimeOffset.MaxValue).ThenBy(r => r.LastContactAt?.Utc ?? DateTimeOffset.MinValue).ToList();
        await accessLog.RecordAsync(AccessSubjects.YoungPerson, responses.Select(r => r.YoungPersonId).Distinct().ToList(), AccessActions.Read, cancellationToken);
        return TypedResults.Ok(responses);
    }
}
