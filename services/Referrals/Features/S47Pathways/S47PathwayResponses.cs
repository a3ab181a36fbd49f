using Support.Contracts.Referrals;
using Support.Referrals.Domain;
using Support.Referrals.Domain.S47;

namespace Support.Referrals.Features.S47Pathways;

public sealed record S47TransitionResponse(
    int Sequence, S47Stage? FromStage, S47Stage ToStage, string? Rationale, DateTimeOffset? DueAt, string? DueAtLondon,
    DateTimeOffset OccurredAt, string OccurredAtLondon, string RecordedBy, string RecordedByRole)
{
    public static S47TransitionResponse From(S47StageTransition t) => new(
        t.Sequence, t.FromStage, t.ToStage, t.Rationale, t.DueAt, London.Format(t.DueAt), t.OccurredAt, London.Format(t.OccurredAt), t.RecordedBy, t.RecordedByRole);
}

/// <summary>A pathway with its current stage's deadline in UTC and Europe/London, and whether it is overdue (REF-10).</summary>
public sealed record S47PathwayResponse(
    Guid Id, Guid YoungPersonId, Guid? ReferralId, DateTimeOffset ReasonableCauseAt, string ReasonableCauseAtLondon, bool VeryHigh,
    S47Stage Stage, DateTimeOffset StageEnteredAt, DateTimeOffset? DueAt, string? DueAtLondon, bool Overdue,
    IReadOnlyList<S47Stage> AllowedNext, IReadOnlyList<S47TransitionResponse> Transitions)
{
    public static S47PathwayResponse From(S47Pathway p, DateTimeOffset now) => new(
        p.Id, p.YoungPersonId, p.ReferralId, p.ReasonableCauseAt, London.Format(p.ReasonableCauseAt), p.VeryHigh,
        p.Stage, p.StageEnteredAt, p.DueAt, London.Format(p.DueAt), p.IsOverdue(now),
        S47StateMachine.AllowedFrom(p.Stage), p.Transitions.OrderBy(t => t.Sequence).Select(S47TransitionResponse.From).ToList());
}
