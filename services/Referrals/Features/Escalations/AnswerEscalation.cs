using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Escalations;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Domain.Escalations;
using Support.Referrals.Features.RiskAssessments;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;

namespace Support.Referrals.Features.Escalations;

/// <summary>
/// REF-21: the reviewer's written response, which closes the escalation. Once only (409 after, and for a second
/// reviewer racing the first); never by the decision-maker or the lodger, and a manager's decision only by a senior
/// manager (409 saying so). A response after the deadline is stored, marked late, never refused.
/// </summary>
public static class AnswerEscalation
{
    public const int ResponseMaxLength = 8000;

    public sealed record Request(EscalationOutcome? Outcome, string? Response);

    public static async Task<Results<Ok<EscalationView>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(
        Guid id, Request request, ClaimsPrincipal user, ReferralsDbContext db, IOutbox outbox, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .Required("outcome", request.Outcome)
            .When(request.Outcome is { } outcome && !Enum.IsDefined(outcome), "outcome",
                $"'outcome' must be one of {string.Join(", ", Enum.GetNames<EscalationOutcome>())}.")
            .Required("response", request.Response?.Trim(), ResponseMaxLength);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var escalation = await db.Set<ProfessionalEscalation>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (escalation is null)
        {
            return TypedResults.NotFound();
        }
        if (await db.Set<EscalationResponse>().AnyAsync(r => r.EscalationId == id, cancellationToken))
        {
            return Conflicts.Problem("This escalation has already been answered.");
        }
        var reviewer = user.ToAuthor(clock, [Roles.SeniorManager, Roles.TeamManager]);
        if (escalation.WhyNotAnswerableBy(reviewer.UserId, user.RoleCodes()) is { } reason)
        {
            return Conflicts.Problem(reason);
        }
        var response = EscalationResponse.To(escalation, request.Outcome!.Value, request.Response!, reviewer);
        db.Set<EscalationResponse>().Add(response);
        outbox.Add(escalation.Announced(response));
        if (await RiskLevelSaving.SaveAsync(db, cancellationToken) is not null)
        {
            return Conflicts.Problem("This escalation has already been answered.");
        }
        return TypedResults.Ok((await ReadEscalations.ViewsAsync([escalation], db, reviewer.At, cancellationToken))[0]);
    }
}
