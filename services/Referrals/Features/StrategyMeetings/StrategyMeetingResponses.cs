using Support.Referrals.Domain.StrategyMeetings;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.StrategyMeetings;

/// <summary>An action with its current and original due times (COM-10: <c>rag</c> is judged against the original).</summary>
public sealed record StrategyActionResponse(
    Guid Id, Guid MeetingId, Guid YoungPersonId, string Description, string Owner, string OriginalOwner, int Reassignments,
    LondonTime DueAt, LondonTime OriginalDueAt, bool Slipped, int Deferrals, StrategyActionRag Rag,
    bool Completed, LondonTime? CompletedAt, bool? CompletedLate, string? CompletedBy, bool Overdue)
{
    public static StrategyActionResponse From(StrategyAction a, DateTimeOffset now) => new(
        a.Id, a.MeetingId, a.YoungPersonId, a.Description, a.CurrentOwner, a.Owner, a.Reassignments.Count, LondonTime.Of(a.CurrentDueAt), LondonTime.Of(a.DueAt),
        a.Slipped, a.Deferrals.Count, a.Rag(now),
        a.Completion is not null, LondonTime.Of(a.Completion?.CompletedAt), a.Completion?.Late, a.Completion?.RecordedBy, a.IsOverdue(now));
}

public sealed record AddendumResponse(Guid Id, Guid MeetingId, string Text, LondonTime RecordedAt, string RecordedBy, string RecordedByRole)
{
    public static AddendumResponse From(StrategyMeetingAddendum a) => new(a.Id, a.MeetingId, a.Text, LondonTime.Of(a.RecordedAt), a.RecordedBy, a.RecordedByRole);
}

public sealed record StrategyMeetingResponse(
    Guid Id, StrategyMeetingStatus Status, int Revision, IReadOnlyList<Guid> YoungPersonIds, IReadOnlyList<Guid> PathwayIds,
    LondonTime? HeldAt, MeetingChair? Chair, IReadOnlyList<MeetingAttendee> Attendees,
    IReadOnlyList<ChildView> ChildViews, string? FamilyView, IReadOnlyList<MeetingDecision> Decisions,
    IReadOnlyList<PlannedAction> PlannedActions, bool NoFurtherAction, string? NoFurtherActionRationale, bool OrganisedOrMultipleAbuse,
    IReadOnlyList<StrategyActionResponse> Actions, IReadOnlyList<AddendumResponse> Addenda,
    LondonTime CreatedAt, string CreatedBy, LondonTime UpdatedAt, string UpdatedBy, LondonTime? FinalisedAt, string? FinalisedBy)
{
    public static StrategyMeetingResponse From(
        StrategyMeeting m, IEnumerable<StrategyAction> actions, IEnumerable<StrategyMeetingAddendum> addenda, DateTimeOffset now) => new(
        m.Id, m.Status, m.Revision, m.YoungPersonIds, m.PathwayIds, LondonTime.Of(m.HeldAt), m.Chair, m.Attendees,
        m.ChildViews, m.FamilyView, m.Decisions, m.Actions, m.NoFurtherAction, m.NoFurtherActionRationale, m.OrganisedOrMultipleAbuse,
        actions.OrderBy(a => a.CurrentDueAt).Select(a => StrategyActionResponse.From(a, now)).ToList(),
        addenda.OrderBy(a => a.RecordedAt).Select(AddendumResponse.From).ToList(),
        LondonTime.Of(m.CreatedAt), m.CreatedBy, LondonTime.Of(m.UpdatedAt), m.UpdatedBy, LondonTime.Of(m.FinalisedAt), m.FinalisedBy);
}

/// <summary>One finalised meeting as it appears on one child's record: that child's view, decisions and actions (REF-12).</summary>
public sealed record ChildMeetingResponse(
    Guid MeetingId, LondonTime HeldAt, MeetingChair Chair, IReadOnlyList<MeetingAttendee> Attendees,
    bool OrganisedOrMultipleAbuse, ChildView? ChildView, string? FamilyView, IReadOnlyList<string> Decisions,
    bool NoFurtherAction, string? NoFurtherActionRationale, IReadOnlyList<StrategyActionResponse> Actions,
    IReadOnlyList<AddendumResponse> Addenda, IReadOnlyList<Guid> OtherYoungPersonIds, LondonTime FinalisedAt, string FinalisedBy);
