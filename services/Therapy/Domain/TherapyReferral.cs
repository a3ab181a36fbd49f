using Support.Contracts.Risk;
using Support.Contracts.Therapy;
using Support.ServiceDefaults.Auth;

namespace Support.Therapy.Domain;

public enum TherapyReferralStatus
{
    /// <summary>Made and waiting for the provider's decision.</summary>
    Open,
    /// <summary>Accepted: on the provider's list, waiting for or in therapy (THR-02).</summary>
    Accepted,
    Declined,
    Withdrawn,
}

public enum WithdrawalReason
{
    YoungPersonWithdrew,
    ReferrerWithdrew,
    NeedMetElsewhere,
    MovedAway,
    Other,
}

/// <summary>
/// A referral to a therapy or CAMHS offer that always ends with an outcome (THR-01): accepted, declined with a reason
/// code, or withdrawn with a reason. It carries the young person's CSE context (risk level and indicators) as the
/// risk events last said it when it was made, never typed again. Nothing in it depends on a criminal case (THR-04).
/// </summary>
public sealed class TherapyReferral
{
    /// <summary>Declines that blame the young person or their "behaviour" need the CSE history considered (THR-01, Imray §4.8).</summary>
    public static readonly IReadOnlySet<TherapyDeclineReason> NeedCseHistoryConsidered =
        new HashSet<TherapyDeclineReason> { TherapyDeclineReason.BelowThreshold, TherapyDeclineReason.NotMentallyIll, TherapyDeclineReason.Behavioural };

    /// <summary>Part I <c>TherapyWaitStandard</c>: 4 weeks to the first appointment is the target.</summary>
    public static readonly TimeSpan WaitTarget = TimeSpan.FromDays(28);
    /// <summary>Part I <c>TherapyWaitStandard</c>: 18 weeks is the breach line; a breach is unmet need (THR-02).</summary>
    public static readonly TimeSpan WaitBreach = TimeSpan.FromDays(126);
    /// <summary>THR-02: a waiting-well check-in every 2 weeks while the young person waits.</summary>
    public static readonly TimeSpan CheckInInterval = TimeSpan.FromDays(14);

    private TherapyReferral() { }

    public Guid Id { get; private init; }
    public Guid YoungPersonId { get; private init; }
    public Guid OfferId { get; private init; }
    public OfferType OfferType { get; private init; }
    /// <summary>When the referral was made (event time, COM-09).</summary>
    public DateTimeOffset ReferredAt { get; private init; }
    public string ReasonForReferral { get; private init; } = "";
    public RiskLevel? RiskLevel { get; private init; }
    public List<RiskIndicator> Indicators { get; private init; } = [];
    /// <summary>The key-worker task this referral came from, when it is the alternative chosen after a decline.</summary>
    public Guid? AlternativeForTaskId { get; private init; }
    public string RecordedBy { get; private init; } = "";
    public string RecordedByRole { get; private init; } = "";
    public DateTimeOffset RecordedAt { get; private init; }

    public TherapyReferralStatus Status { get; private set; }
    public DateTimeOffset? OutcomeAt { get; private set; }
    public DateTimeOffset? OutcomeRecordedAt { get; private set; }
    public string? OutcomeRecordedBy { get; private set; }
    public TherapyDeclineReason? DeclineReason { get; private set; }
    public bool? CseHistoryConsidered { get; private set; }
    public WithdrawalReason? WithdrawalReason { get; private set; }
    public string? OutcomeNote { get; private set; }
    public Guid? UnmetNeedId { get; private set; }
    /// <summary>When the young person was first seen (THR-02): the end of the wait.</summary>
    public DateTimeOffset? FirstAppointmentAt { get; private set; }
    /// <summary>When the 18-week breach was recorded as unmet need, once (THR-02, COM-05).</summary>
    public DateTimeOffset? BreachRecordedAt { get; private set; }
    public Guid? BreachUnmetNeedId { get; private set; }
    /// <summary>When the next waiting-well check-in is due; none once the wait is over.</summary>
    public DateTimeOffset? NextCheckInAt { get; private set; }
    /// <summary>THR-05: when the episode an acceptance opened ended (event time); the referral's outcome stays Accepted.</summary>
    public DateTimeOffset? EpisodeClosedAt { get; private set; }
    public EpisodeEndReason? EpisodeEndReason { get; private set; }
    public OnwardArrangement? OnwardArrangement { get; private set; }
    /// <summary>The onward service named, or why the episode ended for an "Other" reason.</summary>
    public string? OnwardDetails { get; private set; }
    public string? EpisodeClosedBy { get; private set; }
    public DateTimeOffset? EpisodeClosureRecordedAt { get; private set; }
    /// <summary>The unmet need recorded when support was still needed and none was available (THR-05, COM-05).</summary>
    public Guid? EpisodeUnmetNeedId { get; private set; }
    /// <summary>THR-05: the key-worker task to plan the move to an adult service, opened once for a CAMHS episode near 18.</summary>
    public Guid? TransitionTaskId { get; private set; }

    public bool IsEnded => Status is TherapyReferralStatus.Declined or TherapyReferralStatus.Withdrawn;

    /// <summary>THR-05: accepted and not yet closed; turning 18 does not close it.</summary>
    public bool IsEpisodeOpen => Status == TherapyReferralStatus.Accepted && EpisodeClosedAt is null;

    /// <summary>Waiting (THR-02): not ended, not closed and not yet seen.</summary>
    public bool IsWaiting => !IsEnded && EpisodeClosedAt is null && FirstAppointmentAt is null;

    /// <summary>Days from referral to the first appointment, or to <paramref name="now"/> while still waiting; none once ended unseen.</summary>
    public int? WaitDays(DateTimeOffset now) =>
        FirstAppointmentAt is { } seen ? (int)(seen - ReferredAt).TotalDays : IsWaiting ? (int)(now - ReferredAt).TotalDays : null;

    /// <summary>THR-02 against Part I <c>TherapyWaitStandard</c>: within the 4-week target, past it, or past the 18-week breach line.</summary>
    public string? WaitStatus(DateTimeOffset now)
    {
        var end = FirstAppointmentAt ?? (IsWaiting ? now : (DateTimeOffset?)null);
        if (end is not { } until)
        {
            return null;
        }
        var waited = until - ReferredAt;
        return waited >= WaitBreach ? "Breached" : waited > WaitTarget ? "PastTarget" : "WithinTarget";
    }

    /// <summary>Why the first appointment cannot be recorded, or null: only an accepted referral, once, not before acceptance.</summary>
    public string? CannotRecordFirstAppointment(DateTimeOffset at) =>
        Status != TherapyReferralStatus.Accepted ? "Only an accepted referral has a first appointment."
        : FirstAppointmentAt is not null ? "The first appointment is already recorded."
        : EpisodeClosedAt is not null ? "The episode is closed (THR-05)."
        : at < ReferredAt ? "The first appointment cannot come before the referral."
        : null;

    public void RecordFirstAppointment(DateTimeOffset at)
    {
        if (CannotRecordFirstAppointment(at) is { } problem)
        {
            throw new InvalidOperationException(problem);
        }
        FirstAppointmentAt = at;
        NextCheckInAt = null;
    }

    /// <summary>Marks the 18-week breach once; false if it is not breached or was already marked.</summary>
    public bool MarkBreached(DateTimeOffset now, Guid unmetNeedId)
    {
        if (!IsWaiting || BreachRecordedAt is not null || now - ReferredAt < WaitBreach)
        {
            return false;
        }
        BreachRecordedAt = now;
        BreachUnmetNeedId = unmetNeedId;
        return true;
    }

    /// <summary>A check-in was sent: the next is due 2 weeks after the one just due (never bunched after an outage).</summary>
    public bool MarkCheckInSent(DateTimeOffset now)
    {
        if (!IsWaiting || NextCheckInAt is not { } due || due > now)
        {
            return false;
        }
        while (due <= now)
        {
            due += CheckInInterval;
        }
        NextCheckInAt = due;
        return true;
    }

    public static TherapyReferral Make(Guid youngPersonId, Offer offer, DateTimeOffset referredAt, string reason, RiskPicture? risk, Guid? alternativeForTaskId, Author author) => new()
    {
        Id = Guid.CreateVersion7(author.At),
        YoungPersonId = youngPersonId,
        OfferId = offer.Id,
        OfferType = offer.Type,
        ReferredAt = referredAt,
        ReasonForReferral = reason,
        RiskLevel = risk?.Level,
        Indicators = risk is null ? [] : [.. risk.Indicators],
        AlternativeForTaskId = alternativeForTaskId,
        RecordedBy = author.UserId,
        RecordedByRole = author.Role,
        RecordedAt = author.At,
        Status = TherapyReferralStatus.Open,
        NextCheckInAt = referredAt + CheckInInterval,
    };

    /// <summary>Why an outcome cannot be recorded now, or null when it can: an outcome is recorded once.</summary>
    public string? CannotDecide(DateTimeOffset decidedAt) =>
        Status != TherapyReferralStatus.Open ? $"The referral already has an outcome: {Status}."
        : decidedAt < ReferredAt ? "The outcome cannot come before the referral."
        : null;

    public void Accept(DateTimeOffset acceptedAt, string? note, Author author) => End(TherapyReferralStatus.Accepted, acceptedAt, note, author);

    public void Decline(TherapyDeclineReason reason, bool cseHistoryConsidered, DateTimeOffset declinedAt, string? note, Guid unmetNeedId, Author author)
    {
        if (NeedCseHistoryConsidered.Contains(reason) && !cseHistoryConsidered)
        {
            throw new InvalidOperationException($"A {reason} decline needs the CSE history considered (THR-01).");
        }
        End(TherapyReferralStatus.Declined, declinedAt, note, author);
        DeclineReason = reason;
        NextCheckInAt = null;
        CseHistoryConsidered = cseHistoryConsidered;
        UnmetNeedId = unmetNeedId;
    }

    /// <summary>An accepted referral may still be withdrawn (the young person moves away); a declined one has ended.</summary>
    public string? CannotWithdraw(DateTimeOffset at) =>
        IsEnded ? $"The referral already ended: {Status}."
        : EpisodeClosedAt is not null ? "The episode is already closed, with its reason and onward arrangement (THR-05)."
        : at < ReferredAt ? "The withdrawal cannot come before the referral."
        : null;

    public void Withdraw(WithdrawalReason reason, DateTimeOffset withdrawnAt, string? note, Author author)
    {
        if (IsEnded || EpisodeClosedAt is not null)
        {
            throw new InvalidOperationException("The referral already ended.");
        }
        Status = TherapyReferralStatus.Withdrawn;
        NextCheckInAt = null;
        OutcomeAt = withdrawnAt;
        OutcomeRecordedAt = author.At;
        OutcomeRecordedBy = author.UserId;
        OutcomeNote = note;
        WithdrawalReason = reason;
    }

    private void End(TherapyReferralStatus status, DateTimeOffset at, string? note, Author author)
    {
        if (CannotDecide(at) is { } problem)
        {
            throw new InvalidOperationException(problem);
        }
        Status = status;
        OutcomeAt = at;
        OutcomeRecordedAt = author.At;
        OutcomeRecordedBy = author.UserId;
        OutcomeNote = note;
    }

    /// <summary>
    /// THR-05: why this episode cannot be closed as asked, as (field, problem), or null when it can. An ending needs an
    /// onward arrangement: "none needed" only when the therapy was completed or the young person ended it, and a transfer
    /// to adult services names an adult service. "None available" is allowed and is recorded as unmet need.
    /// </summary>
    public (string Field, string Problem)? CannotCloseEpisode(DateTimeOffset closedAt, EpisodeEndReason reason, OnwardArrangement onward, string? details) =>
        Status != TherapyReferralStatus.Accepted ? ("closedAt", $"Only an accepted referral has an episode to close; this one is {Status}.")
        : EpisodeClosedAt is not null ? ("closedAt", "The episode is already closed.")
        : closedAt < OutcomeAt ? ("closedAt", "The episode cannot close before the referral was accepted.")
        : onward == Support.Contracts.Therapy.OnwardArrangement.NoneNeeded
            && reason is not (Support.Contracts.Therapy.EpisodeEndReason.Completed or Support.Contracts.Therapy.EpisodeEndReason.YoungPersonEnded)
            ? ("onwardArrangement", $"An episode that ends as {reason} needs an onward arrangement, or 'NoneAvailable', which is recorded as unmet need (THR-05).")
        : reason == Support.Contracts.Therapy.EpisodeEndReason.TransferredToAdultService
            && onward is not (Support.Contracts.Therapy.OnwardArrangement.AdultMentalHealth or Support.Contracts.Therapy.OnwardArrangement.CommissionedAdultService)
            ? ("onwardArrangement", "A transfer to adult services names the adult service: 'AdultMentalHealth' or 'CommissionedAdultService'.")
        : onward == Support.Contracts.Therapy.OnwardArrangement.OtherService && string.IsNullOrWhiteSpace(details)
            ? ("onwardDetails", "Name the other service in 'onwardDetails'.")
        : reason == Support.Contracts.Therapy.EpisodeEndReason.Other && string.IsNullOrWhiteSpace(details)
            ? ("onwardDetails", "An 'Other' ending says why in 'onwardDetails'.")
        : null;

    public void CloseEpisode(DateTimeOffset closedAt, EpisodeEndReason reason, OnwardArrangement onward, string? details, Guid? unmetNeedId, Author author)
    {
        if (CannotCloseEpisode(closedAt, reason, onward, details) is { } problem)
        {
            throw new InvalidOperationException(problem.Problem);
        }
        EpisodeClosedAt = closedAt;
        EpisodeEndReason = reason;
        OnwardArrangement = onward;
        OnwardDetails = details;
        EpisodeClosedBy = author.UserId;
        EpisodeClosureRecordedAt = author.At;
        EpisodeUnmetNeedId = unmetNeedId;
        NextCheckInAt = null;
    }

    /// <summary>THR-05: marks the transition task opened, once; false if one already was.</summary>
    public bool MarkTransitionTaskOpened(Guid taskId)
    {
        if (TransitionTaskId is not null || !IsEpisodeOpen)
        {
            return false;
        }
        TransitionTaskId = taskId;
        return true;
    }

    /// <summary>COM-05: the reason code a decline is counted under in the platform's unmet-need ledger.</summary>
    public static Support.Contracts.UnmetNeeds.UnmetNeedReason LedgerReason(TherapyDeclineReason reason) => reason switch
    {
        TherapyDeclineReason.BelowThreshold or TherapyDeclineReason.NotMentallyIll or TherapyDeclineReason.Behavioural
            => Support.Contracts.UnmetNeeds.UnmetNeedReason.CriteriaNotMet,
        TherapyDeclineReason.NoCapacity => Support.Contracts.UnmetNeeds.UnmetNeedReason.Waitlisted,
        TherapyDeclineReason.OutOfArea => Support.Contracts.UnmetNeeds.UnmetNeedReason.NoProvider,
        // The offer as made did not reach them; the need is still unmet (THR-03: services "dependent on victims ... trusting").
        TherapyDeclineReason.YoungPersonDeclined => Support.Contracts.UnmetNeeds.UnmetNeedReason.NotAvailable,
        _ => Support.Contracts.UnmetNeeds.UnmetNeedReason.DeclinedByService,
    };
}
