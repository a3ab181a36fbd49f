using Support.Contracts.Referrals;

namespace Support.Outreach.Domain;

/// <summary>
/// OUT-04: a referral an outreach worker made, kept current from Referrals' events so the worker sees its priority,
/// decision and any reclassification. A projection of Referrals' record, not a case record: it is updated in place,
/// and the history the worker is told lives in <see cref="ReferralNotification"/>, which is append-only. Events may
/// arrive in any order (one queue each), so a decision seen before the referral waits on the row.
/// </summary>
public sealed class TrackedReferral
{
    private TrackedReferral() { }

    public Guid ReferralId { get; private init; }
    public Guid YoungPersonId { get; private set; }
    /// <summary>The referring worker's user id; null until <c>ReferralReceived</c> (or a reclassification naming them) arrives.</summary>
    public string? Referrer { get; private set; }
    public CseType? CseType { get; private set; }
    public ReferralPriority? Priority { get; private set; }
    public DateTimeOffset? ReceivedAt { get; private set; }
    public DateTimeOffset? DecisionDueAt { get; private set; }
    public ReferralOutcome? Outcome { get; private set; }
    public bool DecidedLate { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public bool DecisionNotified { get; private set; }
    public int Reclassifications { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static TrackedReferral Start(Guid referralId, Guid youngPersonId, DateTimeOffset at) =>
        new() { ReferralId = referralId, YoungPersonId = youngPersonId, UpdatedAt = at };

    public void Received(ReferralReceived m)
    {
        (Referrer, CseType, ReceivedAt, DecisionDueAt, UpdatedAt) = (m.RecordedBy, m.CseType, m.OccurredAt, m.DecisionDueAt, m.OccurredAt);
        // A reclassification that overtook the referral already set the current priority; keep it.
        Priority ??= m.Priority;
    }

    public void Decided(ReferralDecided m) =>
        (Outcome, DecidedLate, DecidedAt, UpdatedAt) = (m.Outcome, m.DecidedLate, m.OccurredAt, m.OccurredAt);

    public void Reclassified(ReferralReclassified m)
    {
        (CseType, Priority, UpdatedAt) = (m.ToCseType, m.ToPriority, m.OccurredAt);
        Referrer ??= m.OriginalReferrer;
        Reclassifications++;
    }

    /// <summary>True once, when the decision and the referrer are both known and the worker has not been told.</summary>
    public bool TakeDecisionToNotify()
    {
        if (DecisionNotified || Outcome is null || Referrer is null)
        {
            return false;
        }
        DecisionNotified = true;
        return true;
    }
}

public enum ReferralNotificationKind
{
    Decided,
    Reclassified,
}

/// <summary>OUT-04: what a referring worker is told, when, and why (append-only).</summary>
public sealed class ReferralNotification
{
    private ReferralNotification() { }

    public Guid Id { get; private init; }
    public string Recipient { get; private init; } = "";
    public Guid ReferralId { get; private init; }
    public Guid YoungPersonId { get; private init; }
    public ReferralNotificationKind Kind { get; private init; }
    public string Summary { get; private init; } = "";
    public string? Rationale { get; private init; }
    public DateTimeOffset OccurredAt { get; private init; }
    public DateTimeOffset CreatedAt { get; private init; }

    public static ReferralNotification Create(string recipient, TrackedReferral referral, ReferralNotificationKind kind, string summary,
        string? rationale, DateTimeOffset occurredAt, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Recipient = recipient,
        ReferralId = referral.ReferralId,
        YoungPersonId = referral.YoungPersonId,
        Kind = kind,
        Summary = summary,
        Rationale = rationale,
        OccurredAt = occurredAt,
        CreatedAt = now,
    };
}
