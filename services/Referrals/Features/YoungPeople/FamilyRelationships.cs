using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Risk;
using Support.Referrals.Data;
using Support.Referrals.Domain;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Data;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.YoungPeople;

/// <summary>
/// REF-19 and REF-14: siblings and household members in the registry, so that a sibling's CSE history is in front of
/// whoever assesses the child ("important information about individual children held on the files of ... their
/// siblings", Imray §4.1). A relationship is recorded once per pair and read from either side, with whether the other
/// young person has a CSE history (<see cref="HasCseHistoryAsync"/>). Reading it is a read of both records (audited).
/// </summary>
public static class FamilyRelationships
{
    public sealed record Request(Guid? RelatedYoungPersonId, FamilyRelationshipKind? Kind);

    public sealed record RelationshipResponse(
        Guid Id, Guid RelatedYoungPersonId, FamilyRelationshipKind Kind, RiskLevel? RelatedRiskLevel, bool RelatedHasCseHistory, LondonTime RecordedAt, string RecordedBy);

    public static async Task<Results<Created<RelationshipResponse>, ValidationProblem, ProblemHttpResult, NotFound>> RecordAsync(
        Guid id, Request request, ClaimsPrincipal user, ReferralsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .When(request.RelatedYoungPersonId is null || request.RelatedYoungPersonId == Guid.Empty, "relatedYoungPersonId", "'relatedYoungPersonId' is required.")
            .Required("kind", request.Kind);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        if (await db.DateOfBirthOfAsync(id, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }
        var related = request.RelatedYoungPersonId!.Value;
        errors
            .When(related == id, "relatedYoungPersonId", "A young person is not their own sibling.")
            .When(related != id && await db.DateOfBirthOfAsync(related, cancellationToken) is null, "relatedYoungPersonId", "No young person with this id is registered.");
        if (errors.Any)
        {
            return errors.ToUnprocessable();
        }
        var relationship = FamilyRelationship.Record(id, related, request.Kind!.Value, user.ToAuthor(clock));
        db.FamilyRelationships.Add(relationship);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return Conflicts.Problem("This relationship is already recorded");
        }
        var level = await db.CurrentRiskLevels.AsNoTracking().Where(l => l.YoungPersonId == related).Select(l => (RiskLevel?)l.Level).SingleOrDefaultAsync(cancellationToken);
        return TypedResults.Created($"/api/referrals/young-people/{id}/relationships", new RelationshipResponse(
            relationship.Id, related, relationship.Kind, level, await HasCseHistoryAsync(db, related, cancellationToken),
            LondonTime.Of(relationship.RecordedAt), relationship.RecordedBy));
    }

    public static async Task<Results<Ok<List<RelationshipResponse>>, NotFound>> ListAsync(
        Guid id, ReferralsDbContext db, IAccessLog accessLog, CancellationToken cancellationToken)
    {
        if (await db.DateOfBirthOfAsync(id, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }
        var relationships = await db.FamilyRelationships.AsNoTracking()
            .Where(r => r.FirstYoungPersonId == id || r.SecondYoungPersonId == id).OrderBy(r => r.RecordedAt).ToListAsync(cancellationToken);
        var others = relationships.Select(r => r.OtherThan(id)).ToList();
        var levels = await db.CurrentRiskLevels.AsNoTracking().Where(l => others.Contains(l.YoungPersonId)).ToDictionaryAsync(l => l.YoungPersonId, l => l.Level, cancellationToken);
        var withHistory = await WithCseHistoryAsync(db, others, cancellationToken);
        await accessLog.RecordAsync(YoungPeopleEndpoints.SubjectType, [id, .. others], AccessActions.Read, cancellationToken);
        return TypedResults.Ok(relationships.Select(r => new RelationshipResponse(
            r.Id, r.OtherThan(id), r.Kind, levels.TryGetValue(r.OtherThan(id), out var level) ? level : null, withHistory.Contains(r.OtherThan(id)),
            LondonTime.Of(r.RecordedAt), r.RecordedBy)).ToList());
    }

    /// <summary>The siblings and household members of a young person.</summary>
    public static Task<List<Guid>> RelatedAsync(ReferralsDbContext db, Guid youngPersonId, CancellationToken cancellationToken) =>
        db.FamilyRelationships.AsNoTracking()
            .Where(r => r.FirstYoungPersonId == youngPersonId || r.SecondYoungPersonId == youngPersonId)
            .Select(r => r.FirstYoungPersonId == youngPersonId ? r.SecondYoungPersonId : r.FirstYoungPersonId)
            .ToListAsync(cancellationToken);

    /// <summary>
    /// A CSE history, for REF-14: a current risk level of Medium or above, or a legal age flag on the record. (A level
    /// rated Low on its own is not a history; the brief names no rule, so this is the platform's, in the README.)
    /// </summary>
    public static async Task<bool> HasCseHistoryAsync(ReferralsDbContext db, Guid youngPersonId, CancellationToken cancellationToken) =>
        (await WithCseHistoryAsync(db, [youngPersonId], cancellationToken)).Count > 0;

    private static readonly RiskLevel[] HistoryLevels = [RiskLevel.Medium, RiskLevel.High, RiskLevel.VeryHigh];

    public static async Task<HashSet<Guid>> WithCseHistoryAsync(ReferralsDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        // The level is stored by name, so the comparison is a list, not ">=" (which would compare the names).
        var rated = await db.CurrentRiskLevels.AsNoTracking().Where(l => ids.Contains(l.YoungPersonId) && HistoryLevels.Contains(l.Level))
            .Select(l => l.YoungPersonId).ToListAsync(cancellationToken);
        var flagged = await db.LegalFlags.AsNoTracking().Where(f => ids.Contains(f.YoungPersonId)).Select(f => f.YoungPersonId).Distinct().ToListAsync(cancellationToken);
        return [.. rated, .. flagged];
    }
}
