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
/// REF-06, REF-25: a transfer is requested with a summary and the criterion the receiving team's lead meets; the
/// receiving team accepts (or declines) and a manager approves with a rationale, in either order. The lead team changes
/// only when both are recorded; until then the current team stays responsible.
/// </summary>
public static class TransferCase
{
    public sealed record Request(string? ToTeam, string? Summary, string? AllocationCriterion, string? CriteriaVersion);

    public sealed record DecisionRequest(string? Rationale);

    public static async Task<Results<Created<CaseTransferResponse>, ValidationProblem, ProblemHttpResult, NotFound>> RequestAsync(
        Guid id, Request request, ClaimsPrincipal user, ReferralsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .Required("toTeam", request.ToTeam, 100)
            .Required("summary", request.Summary, 4000)
            .Required("allocationCriterion", request.AllocationCriterion, 100)
            .Required("criteriaVersion", request.CriteriaVersion, 20);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var criterion = OpenCase.CheckCriterion(request.AllocationCriterion!, request.CriteriaVersion!, "allocationCriterion", "criteriaVersion", errors);
        if (criterion is null)
        {
            return errors.ToUnprocessable();
        }
        var @case = await db.Set<Case>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (@case is null)
        {
            return TypedResults.NotFound();
        }
        var transfers = await db.Set<CaseTransfer>().AsNoTracking().Include(t => t.Decisions).Where(t => t.CaseId == id).ToListAsync(cancellationToken);
        if (transfers.FirstOrDefault(t => t.IsPending) is { } pending)
        {
            return TypedResults.Problem(title: $"A transfer to team '{pending.ToTeam}' is already {pending.Status}.",
                statusCode: StatusCodes.Status409Conflict, extensions: new Dictionary<string, object?> { ["transferId"] = pending.Id });
        }
        CaseTransfer transfer;
        try
        {
            transfer = CaseTransfer.Request(@case, request.ToTeam!.Trim(), request.Summary!.Trim(), criterion, request.CriteriaVersion!, user.ToAuthor(clock));
        }
        catch (CaseConflictException conflict)
        {
            return CaseProblems.Conflict(conflict, @case);
        }
        db.Add(transfer);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/referrals/cases/{id}", CaseTransferResponse.From(transfer));
    }

    public static Task<Results<Ok<CaseTransferResponse>, ValidationProblem, ProblemHttpResult, NotFound>> AcceptAsync(
        Guid id, Guid transferId, ClaimsPrincipal user, ReferralsDbContext db, IOutbox outbox, TimeProvider clock, CancellationToken cancellationToken) =>
        DecideAsync(id, transferId, CaseTransferDecisionKind.Accepted, null, user, db, outbox, clock, cancellationToken);

    public static Task<Results<Ok<CaseTransferResponse>, ValidationProblem, ProblemHttpResult, NotFound>> DeclineAsync(
        Guid id, Guid transferId, DecisionRequest request, ClaimsPrincipal user, ReferralsDbContext db, IOutbox outbox, TimeProvider clock,
        CancellationToken cancellationToken) =>
        DecideAsync(id, transferId, CaseTransferDecisionKind.Declined, request.Rationale, user, db, outbox, clock, cancellationToken);

    public static Task<Results<Ok<CaseTransferResponse>, ValidationProblem, ProblemHttpResult, NotFound>> ApproveAsync(
        Guid id, Guid transferId, DecisionRequest request, ClaimsPrincipal user, ReferralsDbContext db, IOutbox outbox, TimeProvider clock,
        CancellationToken cancellationToken) =>
        DecideAsync(id, transferId, CaseTransferDecisionKind.Approved, request.Rationale, user, db, outbox, clock, cancellationToken);

    private static async Task<Results<Ok<CaseTransferResponse>, ValidationProblem, ProblemHttpResult, NotFound>> DecideAsync(
        Guid id, Guid transferId, CaseTransferDecisionKind kind, string? rationale, ClaimsPrincipal user, ReferralsDbContext db, IOutbox outbox,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (kind != CaseTransferDecisionKind.Accepted)
        {
            // REF-25: "decisions rarely explained or justified by team managers".
            var errors = new ValidationErrors().Required("rationale", rationale, 4000);
            if (errors.Any)
            {
                return errors.ToUnprocessable();
            }
        }
        var @case = await db.Set<Case>().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        var transfer = await db.Set<CaseTransfer>().Include(t => t.Decisions).SingleOrDefaultAsync(t => t.Id == transferId && t.CaseId == id, cancellationToken);
        if (@case is null || transfer is null)
        {
            return TypedResults.NotFound();
        }
        var author = user.ToAuthor(clock, [Roles.TeamManager, Roles.SeniorManager]);
        try
        {
            @case.EnsureOpen("transfer");
            db.Add(transfer.Decide(kind, rationale?.Trim(), author));
            if (transfer.Status == CaseTransferStatus.Completed)
            {
                db.Add(@case.CompleteTransfer(transfer, author));
                outbox.Add(new CaseTransferred
                {
                    CaseId = @case.Id,
                    YoungPersonId = @case.YoungPersonId,
                    FromTeam = transfer.FromTeam,
                    ToTeam = transfer.ToTeam,
                    ApprovedBy = transfer.Decision(CaseTransferDecisionKind.Approved)!.DecidedBy,
                    OccurredAt = author.At,
                });
            }
        }
        catch (CaseConflictException conflict)
        {
            return CaseProblems.Conflict(conflict, @case);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsConcurrentChange())
        {
            return CaseProblems.ConcurrentChange();
        }
        return TypedResults.Ok(CaseTransferResponse.From(transfer));
    }
}
