using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Cases;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Domain.Cases;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;

namespace Support.Referrals.Features.Cases;

/// <summary>
/// REF-23: an allocation can end without a successor (the key worker left, is off sick). A team manager records it
/// with a reason; the case is then on the unallocated list from this moment, with its days counted, and a high-risk
/// case escalates after 1 working day. The vacancy is a row in the allocation history, never a deletion.
/// </summary>
public static class EndKeyWorkerAllocation
{
    public sealed record Request(string? Reason);

    public static async Task<Results<Ok<CaseResponse>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(
        Guid id, Request request, ClaimsPrincipal user, ReferralsDbContext db, IOutbox outbox, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Required("reason", request.Reason, 2000);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var @case = await db.Set<Case>().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (@case is null)
        {
            return TypedResults.NotFound();
        }
        var author = user.ToAuthor(clock, [Roles.TeamManager, Roles.SeniorManager]);
        var holder = @case.KeyWorker;
        try
        {
            db.Add(@case.EndKeyWorkerAllocation(request.Reason!.Trim(), author));
        }
        catch (CaseConflictException conflict)
        {
            return CaseProblems.Conflict(conflict, @case);
        }
        outbox.Add(new KeyWorkerAllocationEnded
        {
            CaseId = @case.Id,
            YoungPersonId = @case.YoungPersonId,
            KeyWorker = holder!,
            RecordedBy = author.UserId,
            OccurredAt = author.At,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsConcurrentChange())
        {
            return CaseProblems.ConcurrentChange();
        }
        return TypedResults.Ok(CaseResponse.From(@case));
    }
}
