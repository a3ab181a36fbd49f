using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Support.Contracts.Escalations;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Domain.Escalations;
using Support.Referrals.Features.Escalations;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;

namespace Support.Referrals.Features.ShareRefusals;

/// <summary>
/// REC-11 with REF-21: "the reason can be escalated". Lodges a professional escalation against the refusal, naming
/// whoever refused as the decision-maker (so they cannot answer it, and a manager's refusal goes to a senior manager).
/// </summary>
public static class EscalateShareRefusal
{
    public sealed record Request(string? Concern);

    public static async Task<Results<Created<EscalationView>, ValidationProblem, NotFound>> HandleAsync(
        Guid id, Guid refusalId, Request request, ClaimsPrincipal user, ReferralsDbContext db, IOutbox outbox, TimeProvider clock,
        IOptions<EscalationOptions> options, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Required("concern", request.Concern?.Trim(), LodgeEscalation.ConcernMaxLength);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var refusal = await db.Set<ShareRefusal>().AsNoTracking()
            .SingleOrDefaultAsync(r => r.Id == refusalId && r.YoungPersonId == id, cancellationToken);
        if (refusal is null)
        {
            return TypedResults.NotFound();
        }
        var escalation = ProfessionalEscalation.Lodge(id, EscalatedDecisionKind.ShareRefusal, refusal.Reference, refusal.RecordedBy,
            refusal.RecordedByRole, request.Concern!, options.Value.ResponseWorkingDays, user.ToAuthor(clock));
        await LodgeEscalation.SaveAsync(escalation, db, outbox, cancellationToken);
        return LodgeEscalation.Lodged(escalation);
    }
}
