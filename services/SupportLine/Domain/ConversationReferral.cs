using Support.Contracts.Referrals;

namespace Support.SupportLine.Domain;

/// <summary>
/// SL-09: a referral the duty worker made at the front door from a parent's or carer's conversation, as Referrals
/// announced it, and its decision when Referrals announces that. The line keeps it so that whoever answers the parent
/// next can say what became of their report ("something would be done about it"). Referrals holds the record; this is
/// its projection, keyed by the referral's id, so each event applies once.
/// </summary>
public sealed class ConversationReferral
{
    private ConversationReferral() { }

    public Guid ReferralId { get; private init; }
    public Guid ConversationId { get; private init; }
    public Guid YoungPersonId { get; private init; }
    public ReferrerRole ReferrerRole { get; private init; }
    public ReferralPriority Priority { get; private init; }
    public DateTimeOffset DecisionDueAt { get; private init; }
    public string ReferredBy { get; private init; } = "";
    public DateTimeOffset ReferredAt { get; private init; }
    public ReferralOutcome? Outcome { get; private set; }
    public bool? DecidedLate { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }

    public static ConversationReferral From(ReferralReceived received, Guid conversationId) => new()
    {
        ReferralId = received.ReferralId,
        ConversationId = conversationId,
        YoungPersonId = received.YoungPersonId,
        ReferrerRole = received.ReferrerRole,
        Priority = received.Priority,
        DecisionDueAt = received.DecisionDueAt,
        ReferredBy = received.RecordedBy,
        ReferredAt = received.OccurredAt,
    };

    /// <summary>The front door's decision (REF-03); the first announced decision is kept, as Referrals keeps it.</summary>
    public void Decided(ReferralDecided decided)
    {
        if (Outcome is not null)
        {
            return;
        }
        Outcome = decided.Outcome;
        DecidedLate = decided.DecidedLate;
        DecidedAt = decided.OccurredAt;
    }
}
