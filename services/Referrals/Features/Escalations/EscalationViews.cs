using Support.Contracts.Escalations;
using Support.Referrals.Domain.Escalations;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.Escalations;

/// <summary>
/// One escalation as a reviewer or its lodger sees it (REF-21): open until answered, <c>overdue</c> from the first
/// instant after <c>respondBy</c>, its age in whole days, its response and any procedural defects beside it.
/// </summary>
public sealed record EscalationView(
    Guid Id, Guid YoungPersonId, EscalatedDecisionKind DecisionKind, string? DecisionReference, string? DecisionMadeBy,
    string? DecisionMadeByRole, string Concern, string ReviewerRole, LondonTime LodgedAt, string LodgedBy, string LodgedByRole,
    LondonTime RespondBy, bool Open, bool Overdue, int AgeInDays, LondonTime? OverdueAnnouncedAt, EscalationAnswerView? Response,
    IReadOnlyList<ProceduralDefectView> ProceduralDefects)
{
    public static EscalationView From(ProfessionalEscalation e, EscalationResponse? r, IEnumerable<ProceduralDefect> defects, DateTimeOffset now) => new(
        e.Id, e.YoungPersonId, e.DecisionKind, e.DecisionReference, e.DecisionMadeBy, e.DecisionMadeByRole, e.Concern, e.ReviewerRole,
        LondonTime.Of(e.LodgedAt), e.LodgedBy, e.LodgedByRole, LondonTime.Of(e.RespondBy), r is null, e.IsOverdueAt(now, r is not null),
        e.AgeInDaysAt(now), LondonTime.Of(e.OverdueAnnouncedAt),
        r is null ? null : new EscalationAnswerView(r.Outcome, r.Response, r.Late, LondonTime.Of(r.RespondedAt), r.RespondedBy, r.RespondedByRole),
        [.. defects.OrderBy(d => d.RecordedAt).Select(d => new ProceduralDefectView(d.Id, d.Description, LondonTime.Of(d.RecordedAt), d.RecordedBy, d.RecordedByRole))]);
}

public sealed record EscalationAnswerView(
    EscalationOutcome Outcome, string Response, bool Late, LondonTime RespondedAt, string RespondedBy, string RespondedByRole);

/// <summary>A defect in how the escalation was lodged: shown beside it, never voiding it.</summary>
public sealed record ProceduralDefectView(Guid Id, string Description, LondonTime RecordedAt, string RecordedBy, string RecordedByRole);
