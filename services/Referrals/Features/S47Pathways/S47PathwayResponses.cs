using Support.Contracts.Referrals;
using Support.Referrals.Domain.S47;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.S47Pathways;

public sealed record S47TransitionResponse(
    int Sequence, S47Stage? FromStage, S47Stage ToStage, string? Rationale, LondonTime? DueAt,
    LondonTime OccurredAt, string RecordedBy, string RecordedByRole)
{
    public static S47TransitionResponse From(S47StageTransition t) => new(
        t.Sequence, t.FromStage, t.ToStage, t.Rationale, LondonTime.Of(t.DueAt), LondonTime.Of(t.OccurredAt), t.RecordedBy, t.RecordedByRole);
}

/// <summary>A pathway with its current stage's deadline in UTC and Europe/London, and whether it is overdue (REF-10).</summary>
public sealed record S47PathwayResponse(
    Guid Id, Guid YoungPersonId, Guid? ReferralId, LondonTime ReasonableCauseAt, bool VeryHigh,
    S47Stage Stage, LondonTime StageEnteredAt, LondonTime? DueAt, bool Overdue,
    IReadOnlyList<S47Stage> AllowedNext, IReadOnlyList<S47TransitionResponse> Transitions)
{
    public static S47PathwayResponse From(S47Pathway p, DateTimeOffset now) => new(
        p.Id, p.YoungPersonId, p.ReferralId, LondonTime.Of(p.ReasonableCauseAt), p.VeryHigh,
        p.Stage, LondonTime.Of(p.StageEnteredAt), LondonTime.Of(p.DueAt), p.IsOverdue(now),
        S47StateMachine.AllowedFrom(p.Stage), p.Transitions.OrderBy(t => t.Sequence).Select(S47TransitionResponse.From).ToList());
}
