using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.Referrals.Domain.CrossReferences;
using Support.ServiceDefaults.Access;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;

namespace Support.Referrals.Features.CrossReferences;

/// <summary>
/// REF-19: the cross-references about a young person, newest first. The content is access-controlled: a reader who
/// may not read the source child's record (a partner without a relationship to them, REC-11) sees that information
/// exists and where, not what it says. A key worker's own list shows what they have not yet acknowledged.
/// </summary>
public static class ReadCrossReferences
{
    public static async Task<Results<Ok<List<CrossReferenceResponse>>, NotFound>> AboutAsync(
        Guid id, ClaimsPrincipal user, ReferralsDbContext db, IAccessLog accessLog, IRecordAccess recordAccess, CancellationToken cancellationToken)
    {
        if (await db.DateOfBirthOfAsync(id, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }
        var references = await db.CrossReferences.AsNoTracking().Where(r => r.TaggedYoungPersonId == id)
            .OrderByDescending(r => r.RecordedAt).Take(500).ToListAsync(cancellationToken);
        await accessLog.RecordAsync(CrossReferenceEndpoints.SubjectType, [id], AccessActions.Read, cancellationToken);
        var sources = references.Select(r => r.SourceYoungPersonId).Distinct().ToList();
        var decision = await recordAccess.DecideAsync(user, sources, cancellationToken);
        var readable = sources.Where(s => decision.CaseTeam || decision.Shared.ContainsKey(s)).ToList();
        if (readable.Count > 0)
        {
            // Showing what a source record says is a read of that record too (REC-08).
            await accessLog.RecordAsync(CrossReferenceEndpoints.SubjectType, readable, AccessActions.Read, cancellationToken);
        }
        var acknowledgements = await AcknowledgedByAsync(db, references.Select(r => r.Id).ToList(), cancellationToken);
        return TypedResults.Ok(references.Select(r => CrossReferenceResponse.From(r, readable.Contains(r.SourceYoungPersonId),
            acknowledgements.TryGetValue(r.Id, out var by) ? by : [])).ToList());
    }

    /// <summary>The signed-in key worker's cross-references not yet acknowledged, oldest first: how they are told.</summary>
    public static async Task<Ok<List<CrossReferenceResponse>>> MineAsync(
        ClaimsPrincipal user, ReferralsDbContext db, IAccessLog accessLog, CancellationToken cancellationToken)
    {
        var me = user.UserId();
        var references = await db.CrossReferences.AsNoTracking()
            .Where(r => r.KeyWorkers.Contains(me) && !db.CrossReferenceAcknowledgements.Any(a => a.CrossReferenceId == r.Id && a.KeyWorker == me))
            .OrderBy(r => r.RecordedAt).Take(500).ToListAsync(cancellationToken);
        var children = references.SelectMany(r => new[] { r.TaggedYoungPersonId, r.SourceYoungPersonId }).Distinct().ToList();
        if (children.Count > 0)
        {
            await accessLog.RecordAsync(CrossReferenceEndpoints.SubjectType, children, AccessActions.Read, cancellationToken);
        }
        return TypedResults.Ok(references.Select(r => CrossReferenceResponse.From(r, showSummary: true, acknowledgedBy: [])).ToList());
    }

    public static async Task<Results<NoContent, ProblemHttpResult, NotFound>> AcknowledgeAsync(
        Guid crossReferenceId, ClaimsPrincipal user, ReferralsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var me = user.UserId();
        var reference = await db.CrossReferences.AsNoTracking().SingleOrDefaultAsync(r => r.Id == crossReferenceId, cancellationToken);
        if (reference is null)
        {
            return TypedResults.NotFound();
        }
        if (!reference.KeyWorkers.Contains(me))
        {
            return Conflicts.Problem("Only a key worker it was sent to acknowledges it");
        }
        if (await db.CrossReferenceAcknowledgements.AnyAsync(a => a.CrossReferenceId == crossReferenceId && a.KeyWorker == me, cancellationToken))
        {
            return TypedResults.NoContent();
        }
        db.CrossReferenceAcknowledgements.Add(CrossReferenceAcknowledgement.Of(crossReferenceId, me, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Dictionary<Guid, IReadOnlyList<string>>> AcknowledgedByAsync(ReferralsDbContext db, List<Guid> ids, CancellationToken cancellationToken) =>
        (await db.CrossReferenceAcknowledgements.AsNoTracking().Where(a => ids.Contains(a.CrossReferenceId)).ToListAsync(cancellationToken))
            .GroupBy(a => a.CrossReferenceId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(a => a.KeyWorker).Order(StringComparer.Ordinal)]);
}
