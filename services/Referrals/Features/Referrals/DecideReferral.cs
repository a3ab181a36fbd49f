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
/// The front-door decision (REF-03, REF-04): who, when, whether late. One per referral; a second is a 409 and the
/// first stays. (A correction, when offered, will be a new decision row pointing at the one it corrects.)
/// </summary>
public static class DecideReferral
{
    public sealed record Request(ReferralOutcome? Outcome, string? Rationale);

    public static async Task<Results<Created<ReferralResponse>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(
        Guid id, Request request, ClaimsPrincipal user, ReferralsDbContext db, IOutbox outbox, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .Required("outcome", request.Outcome)
            .Required("rationale", request.Rationale, 4000)
            .When(request.Outcome is { } o && !Enum.IsDefined(o), "outcome", "Unknown outcome.");
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var referral = await db.Referrals.WithRecords().AsSplitQuery().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (referral is null)
        {
            return TypedResults.NotFound();
        }
        var isManager = user.IsInRole(Roles.TeamManager) || user.IsInRole(Roles.SeniorManager);
        if (referral.ManagerReviewRequired && !isManager)
        {
            return ReferralProblems.Forbidden("A re-referral within 12 months is decided by a team manager (REF-20).");
        }
        var author = user.ToAuthor(clock, ReferralEndpoints.ManagerRoles);
        ReferralDecision decision;
        try
        {
            decision = referral.Decide(request.Outcome!.Value, request.Rationale!, author);
        }
        catch (DomainConflictException conflict)
        {
            return ReferralProblems.Conflict(conflict);
        }
        outbox.Add(new ReferralDecided
        {
            ReferralId = referral.Id,
            YoungPersonId = referral.YoungPersonId,
            Outcome = decision.Outcome,
            DecidedLate = decision.Late,
            RecordedBy = author.UserId,
            RecordedByRole = author.Role,
            OccurredAt = author.At,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsConcurrentChange())
        {
            return ReferralProblems.Conflict(new DomainConflictException("ReferralAlreadyDecided", "Someone else decided the referral at the same time; their decision stands."));
        }
        return TypedResults.Created($"/api/referrals/{referral.Id}", await ReadReferrals.ResponseAsync(db, referral, author.At, cancellationToken));
    }
}

/// <summary>A team manager's s47 decision on a referral (REF-03), kept with every earlier one.</summary>
public static class RecordS47Decision
{
    public sealed record Request(bool? S47Required, string? Rationale);

    public static async Task<Results<Created<S47DecisionResponse>, ValidationProblem, NotFound>> HandleAsync(
        Guid id, Request request, ClaimsPrincipal user, ReferralsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Required("s47Required", request.S47Required).Required("rationale", request.Rationale, 4000);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var referral = await db.Referrals.Include(r => r.S47Decisions).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (referral is null)
        {
            return TypedResults.NotFound();
        }
        var decision = referral.RecordS47Decision(request.S47Required!.Value, request.Rationale!, user.ToAuthor(clock, ReferralEndpoints.ManagerRoles));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/referrals/{referral.Id}", S47DecisionResponse.From(decision));
    }
}
