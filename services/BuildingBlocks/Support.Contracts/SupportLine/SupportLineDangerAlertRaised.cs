using MassTransit;

namespace Support.Contracts.SupportLine;

/// <summary>
/// An inbound text was triaged as immediate danger (SL-03): the duty worker and police liaison are alerted at once.
/// Codes only: the message text and the phone number stay in the SupportLine service (SL-06).
/// </summary>
[MessageUrn("support:supportline:danger-alert-raised:v1")]
public sealed record SupportLineDangerAlertRaised
{
    public required Guid ConversationId { get; init; }
    public required Guid MessageId { get; init; }
    /// <summary>Set when the texter is a known young person.</summary>
    public Guid? YoungPersonId { get; init; }
    /// <summary>The roles alerted (duty worker, police liaison).</summary>
    public required IReadOnlyList<string> AlertedRoles { get; init; }
    /// <summary>The triage rules that matched, with the table's version, so the alert explains itself.</summary>
    public required IReadOnlyList<string> MatchedRules { get; init; }
    public required string TriageTableVersion { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
