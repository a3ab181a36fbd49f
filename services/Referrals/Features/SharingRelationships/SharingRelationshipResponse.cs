using Support.Contracts.Registry;
using Support.ServiceDefaults.Access;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.SharingRelationships;

public sealed record SharingRelationshipResponse(
    Guid Id, Guid YoungPersonId, string UserId, SharingRelationshipKind Kind, LondonTime ValidFrom, LondonTime? ValidUntil,
    bool Active, string? Reason, string? RecordedBy, LondonTime RecordedAt, LondonTime? EndedAt, string? EndedBy, string? EndReason)
{
    public static SharingRelationshipResponse From(SharingRelationship r, DateTimeOffset now) => new(
        r.Id, r.YoungPersonId, r.UserId, r.Kind, LondonTime.Of(r.ValidFrom), r.ValidUntil is { } until ? LondonTime.Of(until) : null,
        r.IsActiveAt(now), r.Reason, r.RecordedBy, LondonTime.Of(r.RecordedAt), r.EndedAt is { } ended ? LondonTime.Of(ended) : null,
        r.EndedBy, r.EndReason);
}
