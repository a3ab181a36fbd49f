using Support.Referrals.Domain.Disclosure;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.SubjectAccess;

/// <summary>A request with its computed deadline, whether it is overdue today (London), any extension and the answer.</summary>
public sealed record SubjectAccessRequestView(
    Guid Id, Guid YoungPersonId, string Requester, string HowReceived, DateOnly ReceivedOn, DateOnly DueOn, DateOnly? ExtendedDueOn,
    string? ExtensionReason, string? ExtendedBy, bool Open, bool Overdue, Guid? AnsweredWithPackId, LondonTime? AnsweredAt, string? AnsweredBy,
    bool? AnsweredLate, string RecordedBy, LondonTime RecordedAt)
{
    public static SubjectAccessRequestView From(SubjectAccessRequest r, DateOnly today) => new(
        r.Id, r.YoungPersonId, r.Requester.ToString(), r.HowReceived, r.ReceivedOn, r.DueOn, r.ExtendedDueOn, r.ExtensionReason, r.ExtendedBy,
        r.IsOpen, r.IsOverdue(today), r.AnsweredWithPackId, LondonTime.Of(r.AnsweredAt), r.AnsweredBy, r.AnsweredLate, r.RecordedBy,
        LondonTime.Of(r.RecordedAt));
}
