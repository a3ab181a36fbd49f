using Support.Contracts.Escalations;
using Support.Referrals.Domain.Escalations;
using Support.Referrals.Features.Deadlines;

namespace Support.Referrals.Features.Escalations;

/// <summary>
/// REF-21 (Casey L1626: "nothing happened to that case for three weeks"): an escalation with no written response by its
/// deadline is announced once with <c>ProfessionalEscalationResponseOverdue</c> and stays open and marked overdue.
/// </summary>
public sealed class EscalationResponseOverdueJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<EscalationResponseOverdueJob> logger)
    : DeadlineJob(scopes, clock, logger)
{
    public override Task<int> RunOnceAsync(CancellationToken cancellationToken) =>
        AnnounceAsync<ProfessionalEscalation, ProfessionalEscalationResponseOverdue>(
            db => $"claimed.respond_by < @now AND claimed.overdue_announced_at IS NULL AND NOT EXISTS "
                + $"(SELECT 1 FROM {db.TableOf<EscalationResponse>()} AS r WHERE r.escalation_id = claimed.id)",
            "respond_by",
            (escalation, now, _) => escalation.MarkOverdueAnnounced(now, answered: false)
                ? new ProfessionalEscalationResponseOverdue
                {
                    EscalationId = escalation.Id, YoungPersonId = escalation.YoungPersonId, RespondBy = escalation.RespondBy, OccurredAt = now,
                }
                : null,
            cancellationToken);
}
