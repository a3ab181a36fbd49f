using MassTransit;
using Support.Contracts.Risk;

namespace Support.Contracts.Outreach;

/// <summary>
/// An outreach worker raised a CSE concern about a young person (REF-16, OUT-*). Referrals opens a risk review from
/// it. Codes only: the worker's notes stay in the Outreach service.
/// </summary>
[MessageUrn("support:outreach:outreach-concern-raised:v1")]
public sealed record OutreachConcernRaised
{
    public required Guid ConcernId { get; init; }
    public required Guid YoungPersonId { get; init; }
    public required IReadOnlyList<RiskIndicator> Indicators { get; init; }
    public required string RaisedBy { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
