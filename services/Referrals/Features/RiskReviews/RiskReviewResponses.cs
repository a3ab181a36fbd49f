using Support.Contracts.Risk;
using Support.Referrals.Domain;
using Support.Referrals.Domain.Risk;
using Support.Referrals.Features.RiskAssessments;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.RiskReviews;

public sealed record RiskReviewResponse(
    Guid Id, Guid YoungPersonId, RiskReviewTrigger Trigger, string TriggerReference, LondonTime TriggeredAt,
    IReadOnlyList<RiskIndicator> Indicators, bool DisclosureMade, bool Urgent, LondonTime DueAt,
    bool Overdue, RiskReviewStatus Status, string? Owner, LondonTime RecordedAt, string RecordedBy,
    string? Reason = null, LondonTime? CompletedAt = null, IReadOnlyList<TriggerSummary>? Triggers = null, CompletionSummary? Completion = null)
{
    public static RiskReviewResponse From(RiskReview r, DateTimeOffset now, IReadOnlyList<RiskReview>? triggers = null, RiskReviewCompletion? completion = null) => new(
        r.Id, r.YoungPersonId, r.Trigger, r.TriggerReference, LondonTime.Of(r.TriggeredAt), r.Indicators, r.DisclosureMade, r.Urgent,
        LondonTime.Of(r.DueAt),
        r.IsOverdue(now), r.Status, r.Owner, LondonTime.Of(r.RecordedAt), r.RecordedBy, r.Reason, LondonTime.Of(r.CompletedAt),
        triggers?.Select(t => new TriggerSummary(t.Id, t.Trigger, t.TriggerReference, LondonTime.Of(t.TriggeredAt), t.Indicators, t.DisclosureMade)).ToList(),
        completion is null ? null : new CompletionSummary(completion.AssessmentId, completion.Level, completion.Rationale, completion.Actions,
            completion.TriggerReviewIds, completion.CompletedLate, LondonTime.Of(completion.CompletedAt), completion.CompletedBy));
}

/// <summary>One trigger a review considers (REF-16: every trigger since the previous completed review).</summary>
public sealed record TriggerSummary(
    Guid ReviewId, RiskReviewTrigger Trigger, string TriggerReference, LondonTime TriggeredAt, IReadOnlyList<RiskIndicator> Indicators, bool DisclosureMade);

public sealed record CompletionSummary(
    Guid AssessmentId, RiskLevel Level, string Rationale, IReadOnlyList<RiskReviewAction> Actions, IReadOnlyList<Guid> TriggerReviewIds,
    bool CompletedLate, LondonTime CompletedAt, string CompletedBy);

/// <summary>A completed review and the assessment its level was recorded as.</summary>
public sealed record RiskReviewCompletionResponse(RiskReviewResponse Review, RiskAssessmentResponse Assessment);
