using Support.ServiceDefaults.Time;
using Support.Therapy.Domain;

namespace Support.Therapy.Features.Referrals;

/// <summary>A referral; <c>Episode</c> is the therapy an acceptance opened (THR-05), null until accepted.</summary>
public sealed record TherapyReferralResponse(
    Guid Id, Guid YoungPersonId, Guid OfferId, string OfferType, LondonTime ReferredAt, string ReasonForReferral, string? RiskLevel,
    IReadOnlyList<string> Indicators, string Status, LondonTime? OutcomeAt, string? DeclineReason, bool? CseHistoryConsidered,
    string? WithdrawalReason, string? OutcomeNote, Guid? UnmetNeedId, Guid? AlternativeForTaskId, LondonTime RecordedAt, string RecordedBy,
    string? OutcomeRecordedBy, LondonTime? FirstAppointmentAt, int? WaitDays, string? WaitStatus, bool WaitBreachRecorded, LondonTime? NextCheckInAt,
    EpisodeResponse? Episode)
{
    public static TherapyReferralResponse Of(TherapyReferral r, DateTimeOffset now) => new(
        r.Id, r.YoungPersonId, r.OfferId, r.OfferType.ToString(), LondonTime.Of(r.ReferredAt), r.ReasonForReferral, r.RiskLevel?.ToString(),
        [.. r.Indicators.Select(i => i.ToString())], r.Status.ToString(), LondonTime.Of(r.OutcomeAt), r.DeclineReason?.ToString(),
        r.CseHistoryConsidered, r.WithdrawalReason?.ToString(), r.OutcomeNote, r.UnmetNeedId, r.AlternativeForTaskId, LondonTime.Of(r.RecordedAt),
        r.RecordedBy, r.OutcomeRecordedBy, LondonTime.Of(r.FirstAppointmentAt), r.WaitDays(now), r.WaitStatus(now), r.BreachRecordedAt is not null,
        LondonTime.Of(r.NextCheckInAt), EpisodeResponse.Of(r));
}

/// <summary>THR-05: open, or closed with its reason, onward arrangement and any unmet need; the transition task near 18.</summary>
public sealed record EpisodeResponse(
    bool Open, LondonTime? ClosedAt, string? EndReason, string? OnwardArrangement, string? OnwardDetails, string? ClosedBy, Guid? UnmetNeedId,
    Guid? TransitionTaskId)
{
    public static EpisodeResponse? Of(TherapyReferral r) => r.Status != TherapyReferralStatus.Accepted ? null : new(
        r.IsEpisodeOpen, LondonTime.Of(r.EpisodeClosedAt), r.EpisodeEndReason?.ToString(), r.OnwardArrangement?.ToString(), r.OnwardDetails,
        r.EpisodeClosedBy, r.EpisodeUnmetNeedId, r.TransitionTaskId);
}

/// <summary>A declined referral, the unmet need it recorded and the key worker's task with the offers that fit.</summary>
public sealed record DeclinedResponse(TherapyReferralResponse Referral, Guid UnmetNeedId, Guid TaskId, string? TaskAssignedTo, IReadOnlyList<FittingOffer> FittingOffers);

/// <summary>An offer that could meet the need instead: open to the young person's age, funded today, with its capacity left.</summary>
public sealed record FittingOffer(Guid OfferId, string Name, string Type, string Provider, IReadOnlyList<string> Settings, int CapacityRemaining);
