using MassTransit;

namespace Support.Contracts.Therapy;

/// <summary>Why a therapy episode ended (THR-05). Travel as strings; add at the end, never rename. Turning 18 is not a reason.</summary>
public enum EpisodeEndReason
{
    /// <summary>The therapy reached its goals.</summary>
    Completed,
    /// <summary>The young person chose to stop.</summary>
    YoungPersonEnded,
    /// <summary>The young person stopped coming and follow-up did not bring them back.</summary>
    Disengaged,
    MovedAway,
    /// <summary>Care moved on to an adult mental-health or commissioned adult service.</summary>
    TransferredToAdultService,
    Other,
}

/// <summary>What happens after an episode ends (THR-05). Travel as strings; add at the end, never rename.</summary>
public enum OnwardArrangement
{
    /// <summary>Nothing more is needed: only when the therapy was completed or the young person ended it.</summary>
    NoneNeeded,
    AdultMentalHealth,
    CommissionedAdultService,
    GeneralPractitioner,
    /// <summary>Another service, named in the closure's details.</summary>
    OtherService,
    /// <summary>Support is still needed and nothing is available: recorded as unmet need.</summary>
    NoneAvailable,
}

/// <summary>
/// A therapy or CAMHS referral was accepted (THR-01): the young person is on the provider's list, and an episode of
/// therapy is open until <see cref="TherapyEpisodeClosed"/>. Ids and codes only: the reason for referral stays in Therapy.
/// </summary>
[MessageUrn("support:therapy:therapy-referral-accepted:v1")]
public sealed record TherapyReferralAccepted
{
    public required Guid ReferralId { get; init; }
    public required Guid YoungPersonId { get; init; }
    public required Guid OfferId { get; init; }
    public required OfferType OfferType { get; init; }
    public required string AcceptedBy { get; init; }
    /// <summary>When the provider accepted (event time).</summary>
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>
/// A therapy episode ended with a reason and an onward arrangement (THR-05); turning 18 never ends one. When support is
/// still needed and none is available, <see cref="UnmetNeedId"/> names the unmet need announced with it (COM-05).
/// </summary>
[MessageUrn("support:therapy:therapy-episode-closed:v1")]
public sealed record TherapyEpisodeClosed
{
    public required Guid ReferralId { get; init; }
    public required Guid YoungPersonId { get; init; }
    public required Guid OfferId { get; init; }
    public required OfferType OfferType { get; init; }
    public required EpisodeEndReason Reason { get; init; }
    public required OnwardArrangement OnwardArrangement { get; init; }
    /// <summary>The young person's age in whole years on the day it closed, when their date of birth is known.</summary>
    public int? AgeAtClosing { get; init; }
    public Guid? UnmetNeedId { get; init; }
    public required string ClosedBy { get; init; }
    /// <summary>When the episode ended (event time).</summary>
    public required DateTimeOffset OccurredAt { get; init; }
}
