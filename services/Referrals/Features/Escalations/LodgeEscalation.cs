using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Support.Contracts.Escalations;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Domain.Escalations;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;

namespace Support.Referrals.Features.Escalations;

/// <summary>
/// REF-21: anyone in the case team or a partner (outreach, RHI, a school, a carer) lodges an escalation against a
/// decision about a young person. Only what it needs is required (the kind of decision and the concern): a reference
/// to the decision, or who made it, helps the reviewer but is never a reason to refuse it, and an unknown reference is
/// accepted as written. Announced with <c>ProfessionalEscalationLodged</c> in the same transaction.
/// </summary>
public static class LodgeEscalation
{
    public const int ConcernMaxLength = 4000;

    /// <param name="DecisionKind">What kind of decision is challenged; <c>Other</c> when none fits.</param>
    /// <param name="DecisionReference">Which decision, in your words or as <c>kind:id</c>; optional.</param>
    /// <param name="DecisionMadeBy">The user id of whoever made it, if known: they may not answer the escalation.</param>
    /// <param name="DecisionMadeByRole">Their role, if known: a manager's decision goes to a senior manager.</param>
    /// <param name="Concern">What is wrong with the decision and what you ask for.</param>
    public sealed record Request(
        EscalatedDecisionKind? DecisionKind, string? DecisionReference, string? DecisionMadeBy, string? DecisionMadeByRole, string? Concern);

    public static async Task<Results<Created<EscalationView>, ValidationProblem, NotFound>> HandleAsync(
        Guid id, Request request, ClaimsPrincipal user, ReferralsDbContext db, IOutbox outbox, TimeProvider clock,
        IOptions<EscalationOptions> options, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .Required("decisionKind", request.DecisionKind)
            .When(request.DecisionKind is { } kind && !Enum.IsDefined(kind), "decisionKind",
                $"'decisionKind' must be one of {string.Join(", ", Enum.GetNames<EscalatedDecisionKind>())}.")
            .Required("concern", request.Concern?.Trim(), ConcernMaxLength)
            .MaxLength("decisionReference", request.DecisionReference, 200)
            .MaxLength("decisionMadeBy", request.DecisionMadeBy, 200)
            .When(!string.IsNullOrWhiteSpace(request.DecisionMadeByRole) && !Roles.All.Contains(request.DecisionMadeByRole.Trim()),
                "decisionMadeByRole", "'decisionMadeByRole' must be a role code, such as SocialWorker or TeamManager.");
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        if (!await db.YoungPeople.AnyAsync(p => p.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var escalation = ProfessionalEscalation.Lodge(id, request.DecisionKind!.Value, request.DecisionReference, request.DecisionMadeBy,
            request.DecisionMadeByRole?.Trim(), request.Concern!, options.Value.ResponseWorkingDays, user.ToAuthor(clock));
        await SaveAsync(escalation, db, outbox, cancellationToken);
        return Lodged(escalation);
    }

    /// <summary>Stores an escalation and its announcement together (also used when a share refusal is escalated).</summary>
    internal static async Task SaveAsync(ProfessionalEscalation escalation, ReferralsDbContext db, IOutbox outbox, CancellationToken cancellationToken)
    {
        db.Set<ProfessionalEscalation>().Add(escalation);
        outbox.Add(escalation.Announced());
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The 201 for a new escalation: nothing answered or noted yet.</summary>
    internal static Created<EscalationView> Lodged(ProfessionalEscalation escalation) =>
        TypedResults.Created($"/api/referrals/escalations/{escalation.Id}", EscalationView.From(escalation, null, [], escalation.LodgedAt));
}
