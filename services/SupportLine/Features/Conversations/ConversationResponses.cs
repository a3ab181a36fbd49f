using Support.Contracts.Referrals;
using Support.ServiceDefaults.Time;
using Support.SupportLine.Domain;

namespace Support.SupportLine.Features.Conversations;

/// <summary>A line of the duty inbox: no message text and only the last digits of the number.</summary>
public sealed record ConversationSummary(
    Guid Id, ConversationKind Kind, Guid? YoungPersonId, string? AssignedTo, string RoutedTo, TriageCategory Urgency, ConversationStatus Status,
    string PhoneEnding, LondonTime OpenedAt, LondonTime LastInboundAt, LondonTime? WaitingSince, double? WaitingMinutes, LondonTime? EscalatedAt)
{
    public static ConversationSummary Of(Conversation c, DateTimeOffset now) => new(
        c.Id, c.Kind, c.YoungPersonId, c.AssignedTo, c.AssignedTo is null ? "duty" : "own-worker", c.Urgency, c.Status,
        E164Numbers.Masked(c.Phone), LondonTime.Of(c.OpenedAt), LondonTime.Of(c.LastInboundAt), LondonTime.Of(c.AwaitingReplySince),
        c.AwaitingReplySince is { } since ? Math.Round((now - since).TotalMinutes, 1) : null, LondonTime.Of(c.EscalatedAt));
}

public sealed record MessageView(
    Guid Id, string Direction, string Body, LondonTime At, TriageCategory? Category, IReadOnlyList<string> MatchedRules, string? TriageVersion,
    DeliveryStatus? DeliveryStatus, int? ErrorCode, string? By);

public sealed record ConversationView(
    ConversationSummary Conversation, string Phone, bool Discreet, bool OptedOut, string? CloseReason, string? ClosedBy, IReadOnlyList<MessageView> Messages,
    IReadOnlyList<ConversationReferralView> Referrals);

/// <summary>SL-09: a referral made from this conversation, with its deadline and, once made, the front door's decision.</summary>
public sealed record ConversationReferralView(
    Guid ReferralId, Guid YoungPersonId, ReferrerRole ReferrerRole, ReferralPriority Priority, LondonTime DecisionDue, string ReferredBy,
    LondonTime ReferredAt, ReferralOutcome? Outcome, bool? DecidedLate, LondonTime? DecidedAt)
{
    public static ConversationReferralView Of(ConversationReferral r) => new(
        r.ReferralId, r.YoungPersonId, r.ReferrerRole, r.Priority, LondonTime.Of(r.DecisionDueAt), r.ReferredBy, LondonTime.Of(r.ReferredAt),
        r.Outcome, r.DecidedLate, LondonTime.Of(r.DecidedAt));
}

public sealed record AlertView(Guid Id, Guid ConversationId, Guid? MessageId, AlertKind Kind, string Reason, LondonTime RaisedAt);

public sealed record OutboundView(Guid Id, Guid? ConversationId, string To, string Body, OutboundKind Kind, DeliveryStatus Status, int? ErrorCode, string? TwilioSid, LondonTime RequestedAt);
