using Support.Referrals.Domain.Escalations;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.ShareRefusals;

/// <summary>A recorded refusal to share, with the escalations lodged against it.</summary>
public sealed record ShareRefusalView(
    Guid Id, Guid YoungPersonId, string RequestedBy, string InformationRequested, string Reason,
    LondonTime RecordedAt, string RecordedBy, string RecordedByRole, IReadOnlyList<Guid> Escalations)
{
    public static ShareRefusalView From(ShareRefusal r, IReadOnlyList<Guid> escalations) => new(
        r.Id, r.YoungPersonId, r.RequestedBy, r.InformationRequested, r.Reason, LondonTime.Of(r.RecordedAt), r.RecordedBy, r.RecordedByRole, escalations);
}
