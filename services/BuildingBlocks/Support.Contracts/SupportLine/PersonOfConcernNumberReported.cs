using MassTransit;

namespace Support.Contracts.SupportLine;

/// <summary>
/// A texter reported a phone number as belonging to someone who harms or exploits them (SL-04). It is intelligence, a
/// proposed identifier for a person-of-concern link in Referrals (REF-13), never a contact number: the support line
/// refuses to register or text it. <see cref="YoungPersonId"/> is set when the conversation is linked to a young person.
/// </summary>
[MessageUrn("support:supportline:person-of-concern-number-reported:v1")]
public sealed record PersonOfConcernNumberReported
{
    public required Guid ReportId { get; init; }
    public Guid? YoungPersonId { get; init; }
    /// <summary>E.164.</summary>
    public required string Phone { get; init; }
    /// <summary>What the texter said about the number's owner, as the worker recorded it.</summary>
    public required string Description { get; init; }
    public required string ReportedBy { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
