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

    public bool IsEnded => Status is TherapyReferralStatus.Declined or TherapyReferralStatus.Withdrawn;

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
        CseHistoryConsidered = cseHistoryConsidered;
        UnmetNeedId = unmetNeedId;
    }

    /// <summary>An accepted referral may still be withdrawn (the young person moves away); a declined one has ended.</summary>
    public string? CannotWithdraw(DateTimeOffset at) =>
        IsEnded ? $"The referral already ended: {Status}."
        : at < ReferredAt ? "The withdrawal cannot come before the referral."
        : null;

    public void Withdraw(WithdrawalReason reason, DateTimeOffset withdrawnAt, string? note, Author author)
    {
        if (IsEnded)
        {
            throw new InvalidOperationException("The referral already ended.");
        }
        Status = TherapyReferralStatus.Withdrawn;
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
