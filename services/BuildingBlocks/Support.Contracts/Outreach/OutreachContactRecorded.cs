using MassTransit;
using Support.Contracts.Risk;

namespace Support.Contracts.Outreach;

/// <summary>
/// An outreach worker's contact with a registered young person was recorded (OUT-01), or a contact recorded under an
/// alias now belongs to them because the alias was matched (OUT-02, <see cref="AliasId"/> set). Referrals puts it in
/// the young person's chronology. No free text: the notes and the place stay in the Outreach service.
/// </summary>
[MessageUrn("support:outreach:outreach-contact-recorded:v1")]
public sealed record OutreachContactRecorded
{
    public required Guid ContactId { get; init; }
    public required Guid YoungPersonId { get; init; }
    /// <summary>The alias the contact was first recorded under, when it was (OUT-02).</summary>
    public Guid? AliasId { get; init; }
    public required OutreachChannel Channel { get; init; }
    /// <summary>When the contact happened (the worker's time, not the server's).</summary>
    public required DateTimeOffset ContactedAt { get; init; }
    public RiskLevel? Concern { get; init; }
    public Guid? LocationId { get; init; }
    /// <summary>The worker who recorded it (their user id).</summary>
    public required string RecordedBy { get; init; }
    public required DateTimeOffset RecordedAt { get; init; }
    /// <summary>Recorded more than the late-recording limit (48 hours by default) after it happened (OUT-01).</summary>
    public required bool RecordedLate { get; init; }
    /// <summary>The contact this entry corrects, when it is a correction (records are never changed, REC-01).</summary>
    public Guid? Corrects { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
