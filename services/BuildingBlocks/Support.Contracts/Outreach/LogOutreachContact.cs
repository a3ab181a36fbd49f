using MassTransit;
using Support.Contracts.Risk;

namespace Support.Contracts.Outreach;

/// <summary>
/// Command to the Outreach service: log a street contact that a registered outreach worker texted in to the support
/// line (OUT-01, OUT-07). The same rules apply as to a contact logged in the app: the server's RecordedAt, late
/// contacts flagged, append-only. <see cref="CommandId"/> is the idempotency key (the support line uses the
/// inbound message's id), so a redelivered command never creates a second contact.
/// Exactly one of <see cref="YoungPersonId"/> and <see cref="Alias"/> is set.
/// </summary>
[MessageUrn("support:outreach:log-outreach-contact:v1")]
public sealed record LogOutreachContact
{
    public required Guid CommandId { get; init; }
    /// <summary>The worker's user id (the same subject their sign-in token carries), looked up from their phone number.</summary>
    public required string WorkerUserId { get; init; }
    /// <summary>A registered young person, when the text named one.</summary>
    public Guid? YoungPersonId { get; init; }
    /// <summary>A name the young person is known by on the street (OUT-02), when the text did not name a registered id.</summary>
    public string? Alias { get; init; }
    /// <summary>When the contact happened (the text's HHMM, read as London time on the day it was sent).</summary>
    public required DateTimeOffset ContactedAt { get; init; }
    /// <summary>Where, as the worker typed it (a known place's name, or a new one).</summary>
    public required string Place { get; init; }
    /// <summary>What was seen and said, word for word.</summary>
    public required string Notes { get; init; }
    /// <summary>The worker's concern, when the text gave one.</summary>
    public RiskLevel? Concern { get; init; }
    /// <summary>How it arrived: "sms".</summary>
    public required string Channel { get; init; }
    /// <summary>When the command was issued (the text's receipt).</summary>
    public required DateTimeOffset OccurredAt { get; init; }
}
