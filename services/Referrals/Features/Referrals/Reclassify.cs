using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Referrals;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Domain.Referrals;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;

namespace Support.Referrals.Features.Referrals;

/// <summary>
/// REF-02: reclassifying a referral. Raising applies at once; moving away from CSE, to the peer pathway, or lowering
/// waits for a team manager while the original stays in force. The history is never overwritten.
/// </summary>
public static class Reclassify
{
    public sealed record Request(CseType? CseType, ReferralPriority? Priority, string? Rationale);

    public sealed record ResolveRequest(string? Note);

    public static async Task<Results<Created<ReferralResponse>, ValidationProblem, ProblemHttpResult, NotFound>> RequestAsync(
        Guid id, Request request, ClaimsPrincipal user, ReferralsDbContext db, IOutbox outbox, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .When(request.CseType is null && request.Priority is null, "cseType", "Give the new 'cseType', the new 'priority', or both.")
            .When(request.CseType is { } t && !Enum.IsDefined(t), "cseType", "Unknown CSE type.")
            .When(request.Priority is { } p && !Enum.IsDefined(p), "priority", "Unknown priority.")
            .MaxLength("rationale", request.Rationale, 4000);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var referral = await db.Referrals.WithRecords().AsSplitQuery().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (referral is null)
        {
            return TypedResults.NotFound();
        }
        var author = user.ToAuthor(clock);
        Reclassification reclassification;
        try
        {
            reclassification = referral.RequestReclassification(request.CseType, request.Priority, request.Rationale, author);
        }
        catch (RuleViolationException violation)
        {
            return ReferralProblems.Unprocessable(violation.Violation);
        }
        catch (DomainConflictException conflict)
        {
            return ReferralProblems.Conflict(conflict);
        }
        if (reclassification.Status == ReclassificationStatus.Applied)
        {
            // A raise needs nobody's approval: it is in effect "approved" by the rule, and the referrer is told all the same.
            outbox.Add(Reclassified(referral, reclassification, approvedBy: author.UserId, author.At));
        }
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/referrals/{referral.Id}/reclassifications/{reclassification.Id}",
            await ReadReferrals.ResponseAsync(db, referral, author.At, cancellationToken));
    }

    public static Task<Results<Ok<ReferralResponse>, ProblemHttpResult, NotFound>> ApproveAsync(
        Guid id, Guid rid, ResolveRequest? request, ClaimsPrincipal user, ReferralsDbContext db, IOutbox outbox, TimeProvider clock,
        CancellationToken cancellationToken) => ResolveAsync(id, rid, true, request, user, db, outbox, clock, cancellationToken);

    public static Task<Results<Ok<ReferralResponse>, ProblemHttpResult, NotFound>> RejectAsync(
        Guid id, Guid rid, ResolveRequest? request, ClaimsPrincipal user, ReferralsDbContext db, IOutbox outbox, TimeProvider clock,
        CancellationToken cancellationToken) => ResolveAsync(id, rid, false, request, user, db, outbox, clock, cancellationToken);

    private static async Task<Results<Ok<ReferralResponse>, ProblemHttpResult, NotFound>> ResolveAsync(
        Guid id, Guid rid, bool approve, ResolveRequest? request, ClaimsPrincipal user, ReferralsDbContext db, IOutbox outbox,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request?.Note is { Length: > 4000 })
        {
            return ReferralProblems.Unprocessable(new RuleViolation("note", "'note' must be at most 4000 characters."));
        }
        var referral = await db.Referrals.WithRecords().AsSplitQuery().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (referral?.Reclassifications.SingleOrDefault(r => r.Id == rid) is not { } reclassification)
        {
            return TypedResults.NotFound();
        }
        var author = user.ToAuthor(clock, ReferralEndpoints.ManagerRoles);
        try
        {
            referral.Resolve(rid, approve, request?.Note, author);
        }
        catch (DomainConflictException conflict)
        {
            return ReferralProblems.Conflict(conflict);
        }
        if (approve)
        {
            outbox.Add(Reclassified(referral, reclassification, approvedBy: author.UserId, author.At));
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsConcurrentChange())
        {
            return ReferralProblems.ConcurrentChange();
        }
        return TypedResults.Ok(await ReadReferrals.ResponseAsync(db, referral, author.At, cancellationToken));
    }

    private static ReferralReclassified Reclassified(Referral referral, Reclassification r, string approvedBy, DateTimeOffset at) => new()
    {
        ReferralId = referral.Id,
        YoungPersonId = referral.YoungPersonId,
        FromCseType = r.FromCseType,
        ToCseType = r.ToCseType,
        FromPriority = r.FromPriority,
        ToPriority = r.ToPriority,
        OriginalReferrer = referral.ReceivedBy,
        OriginalReferrerRole = referral.ReferrerRole,
        RequestedBy = r.RequestedBy,
        ApprovedBy = approvedBy,
        Rationale = r.Rationale,
        OccurredAt = at,
    };
}
