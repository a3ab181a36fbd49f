using Support.Contracts.UnmetNeeds;
using Support.Referrals.Domain.UnmetNeeds;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.UnmetNeeds;

/// <summary>An unmet need Referrals recorded, where it came from, and whether, when and how it was met (COM-05).</summary>
public sealed record UnmetNeedResponse(
    Guid Id, Guid YoungPersonId, string NeedCategory, UnmetNeedReason Reason, UnmetNeedSource Source, Guid SourceId, DateOnly Since,
    LondonTime RecordedAt, string RecordedBy, string RecordedByRole, UnmetNeedMetResponse? Met)
{
    public static UnmetNeedResponse From(UnmetNeed need, UnmetNeedMet? met) => new(
        need.Id, need.YoungPersonId, need.NeedCategory, need.Reason, need.Source, need.SourceId, need.Since, LondonTime.Of(need.RecordedAt),
        need.RecordedBy, need.RecordedByRole, met is null ? null : UnmetNeedMetResponse.From(met));
}

public sealed record UnmetNeedMetResponse(Guid UnmetNeedId, DateOnly MetOn, string How, LondonTime RecordedAt, string RecordedBy, string RecordedByRole)
{
    public static UnmetNeedMetResponse From(UnmetNeedMet met) =>
        new(met.UnmetNeedId, met.MetOn, met.How, LondonTime.Of(met.RecordedAt), met.RecordedBy, met.RecordedByRole);
}
