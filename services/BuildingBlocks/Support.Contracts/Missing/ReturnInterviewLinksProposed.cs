using MassTransit;

namespace Support.Contracts.Missing;

/// <summary>
/// MIS-03, INT-01: a completed return-home interview names adults (names or nicknames), vehicles and places; each is a
/// proposed link to a person of concern, a vehicle or a place, for Referrals and Outreach to confirm or reject. The
/// names are shared because safeguarding overrides confidentiality (MIS-03); nothing else the young person said
/// travels here.
/// </summary>
[MessageUrn("support:missing:return-interview-links-proposed:v1")]
public sealed record ReturnInterviewLinksProposed
{
    public required Guid InterviewId { get; init; }
    public required Guid EpisodeId { get; init; }
    public required Guid YoungPersonId { get; init; }
    public required IReadOnlyList<string> Persons { get; init; }
    /// <summary>Vehicle registrations or descriptions as written.</summary>
    public required IReadOnlyList<string> Vehicles { get; init; }
    public required IReadOnlyList<string> Places { get; init; }
    public required string SharingBasis { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
