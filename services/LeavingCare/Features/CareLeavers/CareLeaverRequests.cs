using System.Text.Json.Serialization;
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

/// <summary>COM-05: the date an unmet need was met and how (who now provides it).</summary>
public sealed record RecordUnmetNeedMetRequest(DateOnly? MetOn, string? How);

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
public sealed record UnmetNeedResponse(Guid Id, Guid YoungPersonId, string NeedCategory, string Reason, string RefusedBy, DateOnly RefusedOn, LondonTime RecordedAt, string RecordedBy)
{
    /// <summary>Set once the need was met (COM-05); null while it is still unmet. Absent from the answer to recording the need.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public UnmetNeedMetResponse? Met { get; init; }

    public string? Details { get; init; }

    public static UnmetNeedResponse From(UnmetNeed need, UnmetNeedMet? met) =>
        new(need.Id, need.YoungPersonId, need.NeedCategory, need.Reason.ToString(), need.RefusedBy, need.RefusedOn, LondonTime.Of(need.RecordedAt), need.RecordedBy)
        {
            Details = need.Details,
            Met = met is null ? null : UnmetNeedMetResponse.From(met),
        };
}

public sealed record UnmetNeedMetResponse(Guid UnmetNeedId, DateOnly MetOn, string How, LondonTime RecordedAt, string RecordedBy)
{
    public static UnmetNeedMetResponse From(UnmetNeedMet met) => new(met.UnmetNeedId, met.MetOn, met.How, LondonTime.Of(met.RecordedAt), met.RecordedBy);
}

/// <summary>One overdue item (LC-03): a pathway plan or review past due, or keeping in touch lapsed.</summary>
/// <summary>A due date on the caseload; <c>DisplayName</c> from the registry projection, "" until the registration arrives.</summary>
public sealed record OverdueItem(Guid YoungPersonId, string DisplayName, string Kind, DateOnly DueOn, int DaysOverdue, string? PersonalAdviser);
