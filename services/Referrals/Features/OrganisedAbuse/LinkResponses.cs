using Support.Referrals.Domain.OrganisedAbuse;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.OrganisedAbuse;

public sealed record LinkResponse(Guid Id, Guid YoungPersonId, LinkKind Kind, string Value, LondonTime RecordedAt, string RecordedBy);

/// <summary>A child's links and, if any link is shared by enough children, the REF-13 flag and the networks that set it.</summary>
public sealed record LinksResponse(Guid YoungPersonId, IReadOnlyList<LinkResponse> Links, IReadOnlyList<string> Flags, IReadOnlyList<Guid> NetworkIds);
