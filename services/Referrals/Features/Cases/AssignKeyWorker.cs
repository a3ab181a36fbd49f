using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Support.Contracts.Cases;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Domain.Cases;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;

namespace Support.Referrals.Features.Cases;

/// <summary>
/// REF-24: one key worker at a time. The new allocation ends the previous one at the same instant; a closed case is
/// refused with 409 naming its state (Imray: "the system allows a key worker to be assigned to a closed case").
/// </summary>
public static class AssignKeyWorker
{
    public sealed record Request(string? KeyWorker);

    public static async Task<Results<Ok<CaseResponse>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(
        Guid id, Request request, ClaimsPrincipal user, ReferralsDbContext db, IOutbox outbox, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Required("keyWorker", request.KeyWorker, 200);
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
        var previous = @case.KeyWorker;
        try
        {
            db.Add(@case.AssignKeyWorker(request.KeyWorker!.Trim(), author));
        }
        catch (CaseConflictException conflict)
        {
            return CaseProblems.Conflict(conflict, @case);
        }
        outbox.Add(new KeyWorkerAssigned
        {
            CaseId = @case.Id,
            YoungPersonId = @case.YoungPersonId,
            KeyWorker = @case.KeyWorker!,
            PreviousKeyWorker = previous,
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

internal static class CaseProblems
{
    public static ProblemHttpResult Conflict(CaseConflictException conflict, Case? @case = null) => TypedResults.Problem(
        title: conflict.Message,
        statusCode: StatusCodes.Status409Conflict,
        extensions: @case is null ? null : new Dictionary<string, object?> { ["caseStatus"] = @case.Status.ToString() });

    public static bool IsConcurrentChange(this DbUpdateException exception) =>
        exception is DbUpdateConcurrencyException
        || exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public static ProblemHttpResult ConcurrentChange() => TypedResults.Problem(
        title: "The case was changed by someone else at the same time.", detail: "Reload it and try again.",
        statusCode: StatusCodes.Status409Conflict);
}
