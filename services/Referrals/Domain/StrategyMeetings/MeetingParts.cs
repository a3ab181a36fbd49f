namespace Support.Referrals.Domain.StrategyMeetings;

/// <summary>Who chaired, in what role and at what grade (REF-11).</summary>
public sealed record MeetingChair(string? Name, string? Role, Grade? Grade);

/// <summary>
/// Someone at the meeting and the agency they came from. Every attendee is a full participant: an outreach or youth
/// worker's voice carries the same weight as a police officer's (REF-11: "gives equal weight to all voices"; OUT-05).
/// </summary>
public sealed record MeetingAttendee(string? Name, string? Role, string? Agency);

/// <summary>A child's view in their own words, or why it could not be obtained (REF-11).</summary>
public sealed record ChildView(Guid YoungPersonId, string? InOwnWords, string? NotObtainedReason);

/// <summary>A decision, about one named child or (no child named) about every child at the meeting (REF-12).</summary>
public sealed record MeetingDecision(string? Text, Guid? YoungPersonId);

/// <summary>An action agreed at the meeting, for one child or (no child named) for each child (REF-11, REF-12).</summary>
public sealed record PlannedAction(string? Description, string? Owner, DateTimeOffset? DueAt, Guid? YoungPersonId);

/// <summary>What a draft holds; any part may still be missing until the meeting is finalised.</summary>
public sealed record StrategyMeetingContent(
    IReadOnlyList<Guid> YoungPersonIds,
    IReadOnlyList<Guid> PathwayIds,
    DateTimeOffset? HeldAt,
    MeetingChair? Chair,
    IReadOnlyList<MeetingAttendee> Attendees,
    IReadOnlyList<ChildView> ChildViews,
    string? FamilyView,
    IReadOnlyList<MeetingDecision> Decisions,
    IReadOnlyList<PlannedAction> Actions,
    bool NoFurtherAction,
    string? NoFurtherActionRationale);
