using Support.Referrals.Domain.OnCall;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.OnCall;

public sealed record ShiftResponse(
    Guid Id, string ManagerId, LondonTime StartsAt, LondonTime EndsAt,
    LondonTime RecordedAt, string RecordedBy)
{
    public static ShiftResponse From(OnCallShift s) => new(
        s.Id, s.ManagerId, LondonTime.Of(s.StartsAt), LondonTime.Of(s.EndsAt), LondonTime.Of(s.RecordedAt), s.RecordedBy);
}

/// <summary>Who is on call at <c>At</c>, and whether that instant is out of office hours at all.</summary>
public sealed record OnCallNowResponse(LondonTime At, bool OutOfHours, ShiftResponse? OnCall);
