using Support.Contracts.UnmetNeeds;
using Support.LeavingCare.Domain;
using Support.ServiceDefaults.Time;

namespace Support.LeavingCare.Features.CareLeavers;

public sealed record RegisterCareLeaverRequest(Guid? YoungPersonId, bool? LookedAfter);
public sealed record AllocateAdviserRequest(Guid? AdviserId);
/// <summary><c>Concern</c>: the adviser's own words on why they are worried; with whereabouts unknown it reaches the Missing episode (issue 15 item 5).</summary>
public sealed record LogContactRequest(DateTimeOffset? OccurredAt, ContactOutcome? Outcome, string? Method, string? YoungPersonsWords, string? Concern = null);
public sealed record PathwayPlanReviewRequest(DateOnly? ReviewedOn);
public sealed record RecordUnmetNeedRequest(string? NeedCategory, UnmetNeedReason? Reason, string? RefusedBy, string? Details, DateOnly? RefusedOn);

public sealed record CareLeaverResponse(
    Guid YoungPersonId, DateOnly? DateOfBirth, int? Age, DateOnly? PathwayPlanFrom, DateOnly? EighteenthBirthday, DateOnly? SupportAvailableUntil,
    bool LookedAfter, LondonTime? OnCaseloadSince, string? PersonalAdviser, LondonTime? LastContactAt)
{
    public static CareLeaverResponse From(YoungPersonPicture p, DateOnly today) =>
        new(p.YoungPersonId, p.DateOfBirth, p.AgeOn(today), p.PathwayPlanFrom, p.EighteenthBirthday, p.SupportUntil, p.LookedAfter,
            LondonTime.Of(p.OnCaseloadSince), p.AdviserUserId, LondonTime.Of(p.LastContactAt));
}

public sealed record ContactResponse(Guid Id, Guid YoungPersonId, LondonTime OccurredAt, string Outcome, string Method, string? Concern, Guid? WhereaboutsCommandId, LondonTime RecordedAt, string RecordedBy);
public sealed record PathwayPlanReviewResponse(Guid Id, Guid YoungPersonId, DateOnly ReviewedOn, DateOnly NextReviewDue, LondonTime RecordedAt, string RecordedBy);
public sealed record UnmetNeedResponse(Guid Id, Guid YoungPersonId, string NeedCategory, string Reason, string RefusedBy, DateOnly RefusedOn, LondonTime RecordedAt, string RecordedBy);

/// <summary>One overdue item (LC-03): a pathway plan or review past due, or keeping in touch lapsed.</summary>
/// <summary>A due date on the caseload; <c>DisplayName</c> from the registry projection, "" until the registration arrives.</summary>
public sealed record OverdueItem(Guid YoungPersonId, string DisplayName, string Kind, DateOnly DueOn, int DaysOverdue, string? PersonalAdviser);
