using Support.Referrals.Domain.Staff;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.Staff;

public sealed record StaffMemberResponse(
    string UserId, string DisplayName, string Role, string Organisation, bool Active, LondonTime RegisteredAt, string RegisteredBy,
    LondonTime? DeactivatedAt, string? DeactivatedBy, string? DeactivationReason)
{
    public static StaffMemberResponse From(StaffMember m, StaffDeactivation? d) => new(
        m.UserId, m.DisplayName, m.Role, m.Organisation, d is null, LondonTime.Of(m.RegisteredAt), m.RegisteredBy,
        LondonTime.Of(d?.DeactivatedAt), d?.DeactivatedBy, d?.Reason);
}
