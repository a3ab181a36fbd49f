using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Domain.StrategyMeetings;

public enum StrategyMeetingStatus
{
    Draft,
    Finalised,
}

/// <summary>
/// A strategy meeting or discussion about one or more young people (REF-10, REF-11, REF-12). It is drafted and redrafted
/// until complete, then finalised; a finalised meeting never changes again (a database trigger refuses it too), and
/// corrections or later information are <see cref="StrategyMeetingAddendum"/> rows pointing at it.
/// </summary>
public sealed class StrategyMeeting
{
    private StrategyMeeting() { }

    public Guid Id { get; private init; }
    public List<Guid> YoungPersonIds { get; private set; } = [];
    public List<Guid> PathwayIds { get; private set; } = [];
    public DateTimeOffset? HeldAt { get; private set; }
    public MeetingChair? Chair { get; private set; }
    public List<MeetingAttendee> Attendees { get; private set; } = [];
    public List<ChildView> ChildViews { get; private set; } = [];
    public string? FamilyView { get; private set; }
    public List<MeetingDecision> Decisions { get; private set; } = [];
    public List<PlannedAction> Actions { get; private set; } = [];
    public bool NoFurtherAction { get; private set; }
    public string? NoFurtherActionRationale { get; private set; }
    public StrategyMeetingStatus Status { get; private set; }
    /// <summary>Counts saves of the draft; two people saving the same draft at once: one gets a 409.</summary>
    public int Revision { get; private set; }
    /// <summary>Whether a child at the meeting was flagged for organised or multiple abuse when it was finalised (REF-13).</summary>
    public bool OrganisedOrMultipleAbuse { get; private set; }
    public DateTimeOffset CreatedAt { get; private init; }
    public string CreatedBy { get; private init; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";
    public DateTimeOffset? FinalisedAt { get; private set; }
    public string? FinalisedBy { get; private set; }
    public string? FinalisedByRole { get; private set; }

    public static StrategyMeeting Draft(StrategyMeetingContent content, Author author)
    {
        var meeting = new StrategyMeeting
        {
            Id = Guid.CreateVersion7(author.At),
            Status = StrategyMeetingStatus.Draft,
            CreatedAt = author.At,
            CreatedBy = author.UserId,
        };
        meeting.Apply(content, author);
        return meeting;
    }

    public void Update(StrategyMeetingContent content, Author author)
    {
        EnsureDraft();
        Apply(content, author);
    }

    private void Apply(StrategyMeetingContent content, Author author)
    {
        YoungPersonIds = [.. content.YoungPersonIds.Distinct()];
        PathwayIds = [.. content.PathwayIds.Distinct()];
        // Stored in UTC whatever offset they were sent with (Part I).
        HeldAt = content.HeldAt?.ToUniversalTime();
        Chair = content.Chair;
        Attendees = [.. content.Attendees];
        ChildViews = [.. content.ChildViews];
        FamilyView = content.FamilyView;
        Decisions = [.. content.Decisions];
        Actions = [.. content.Actions.Select(a => a with { DueAt = a.DueAt?.ToUniversalTime() })];
        NoFurtherAction = content.NoFurtherAction;
        NoFurtherActionRationale = content.NoFurtherActionRationale;
        Revision++;
        UpdatedAt = author.At;
        UpdatedBy = author.UserId;
    }

    private void EnsureDraft()
    {
        if (Status != StrategyMeetingStatus.Draft)
        {
            throw new DomainConflictException($"The meeting is {Status}: it cannot change. Add an addendum instead.");
        }
    }

    /// <summary>
    /// REF-11: every field still missing before the record can be finalised, each named; REF-13: a chair below
    /// service-manager grade when any child is flagged for organised or multiple abuse.
    /// </summary>
    public IReadOnlyList<RuleViolation> CheckComplete(bool anyChildFlagged, DateTimeOffset now)
    {
        var missing = new List<RuleViolation>();
        void Missing(string field, string message) => missing.Add(new RuleViolation(field, message));

        if (HeldAt is null)
        {
            Missing("heldAt", "The date and time the meeting was held is required.");
        }
        else if (HeldAt > now)
        {
            Missing("heldAt", "A meeting cannot be finalised before it has been held.");
        }

        if (Chair is null)
        {
            Missing("chair", "The chair, with their role and grade, is required.");
        }
        else
        {
            if (string.IsNullOrWhiteSpace(Chair.Name))
            {
                Missing("chair.name", "The chair's name is required.");
            }
            if (string.IsNullOrWhiteSpace(Chair.Role))
            {
                Missing("chair.role", "The chair's role is required.");
            }
            if (Chair.Grade is null)
            {
                Missing("chair.grade", "The chair's grade is required.");
            }
            else if (anyChildFlagged && Chair.Grade < Grade.ServiceManager)
            {
                Missing("chair.grade",
                    $"A young person at this meeting is flagged for organised or multiple abuse: the chair must be {Grade.ServiceManager} grade or above, not {Chair.Grade} (REF-13).");
            }
        }

        if (Attendees.Count == 0)
        {
            Missing("attendees", "The attendees and their agencies are required.");
        }
        for (var i = 0; i < Attendees.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Attendees[i].Name))
            {
                Missing($"attendees[{i}].name", "Each attendee's name is required.");
            }
            if (string.IsNullOrWhiteSpace(Attendees[i].Agency))
            {
                Missing($"attendees[{i}].agency", "Each attendee's agency is required.");
            }
        }

        foreach (var child in YoungPersonIds)
        {
            var view = ChildViews.FirstOrDefault(v => v.YoungPersonId == child);
            if (view is null || (string.IsNullOrWhiteSpace(view.InOwnWords) && string.IsNullOrWhiteSpace(view.NotObtainedReason)))
            {
                Missing($"childViews[{child}]", "The child's view in their own words, or the reason it could not be obtained, is required.");
            }
        }

        if (string.IsNullOrWhiteSpace(FamilyView))
        {
            Missing("familyView", "The family's view is required.");
        }

        if (Decisions.Count == 0)
        {
            Missing("decisions", "The meeting's decisions are required.");
        }
        for (var i = 0; i < Decisions.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Decisions[i].Text))
            {
                Missing($"decisions[{i}].text", "Each decision needs its text.");
            }
        }

        if (NoFurtherAction)
        {
            if (string.IsNullOrWhiteSpace(NoFurtherActionRationale))
            {
                Missing("noFurtherActionRationale", "A decision of no further action needs its rationale.");
            }
        }
        else if (Actions.Count == 0)
        {
            Missing("actions", "At least one action with an owner and due date, or a decision of no further action with a rationale, is required.");
        }
        for (var i = 0; i < Actions.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Actions[i].Description))
            {
                Missing($"actions[{i}].description", "Each action needs a description.");
            }
            if (string.IsNullOrWhiteSpace(Actions[i].Owner))
            {
                Missing($"actions[{i}].owner", "Each action needs an owner.");
            }
            if (Actions[i].DueAt is null)
            {
                Missing($"actions[{i}].dueAt", "Each action needs a due date.");
            }
        }
        return missing;
    }

    /// <summary>
    /// Finalises a complete record (call <see cref="CheckComplete"/> first) and returns the tracked actions: one per
    /// child for an action about every child, so each child's record carries its own (REF-12).
    /// </summary>
    public IReadOnlyList<StrategyAction> Finalise(bool anyChildFlagged, Author author)
    {
        EnsureDraft();
        if (CheckComplete(anyChildFlagged, author.At).Count > 0)
        {
            throw new InvalidOperationException("Only a complete meeting record can be finalised.");
        }
        Status = StrategyMeetingStatus.Finalised;
        OrganisedOrMultipleAbuse = anyChildFlagged;
        FinalisedAt = author.At;
        FinalisedBy = author.UserId;
        FinalisedByRole = author.Role;
        return Actions
            .SelectMany(a => (a.YoungPersonId is { } one ? [one] : YoungPersonIds).Select(child => StrategyAction.Agree(this, child, a, author)))
            .ToList();
    }

    public IReadOnlyList<MeetingDecision> DecisionsFor(Guid youngPersonId) =>
        Decisions.Where(d => d.YoungPersonId is null || d.YoungPersonId == youngPersonId).ToList();
}

/// <summary>An action agreed at a finalised meeting, for one child; append-only. Completion is its own row.</summary>
public sealed class StrategyAction
{
    private StrategyAction() { }

    public Guid Id { get; private init; }
    public Guid MeetingId { get; private init; }
    public Guid YoungPersonId { get; private init; }
    public string Description { get; private init; } = "";
    /// <summary>The owner agreed at the meeting (a staff user id, COM-10). The row never changes: a handover is a reassignment row.</summary>
    public string Owner { get; private init; } = "";
    private readonly List<StrategyActionReassignment> _reassignments = [];
    /// <summary>Every change of owner, in order (COM-10).</summary>
    public IReadOnlyList<StrategyActionReassignment> Reassignments => _reassignments;

    /// <summary>The owner now: the agreed one, or the last reassignment's.</summary>
    public string CurrentOwner => _reassignments.Count == 0 ? Owner : _reassignments.MaxBy(r => r.Number)!.ToOwner;

    /// <summary>The due time agreed at the meeting. The row never changes: a move is a deferral row (COM-10).</summary>
    public DateTimeOffset DueAt { get; private init; }
    public DateTimeOffset RecordedAt { get; private init; }
    public string RecordedBy { get; private init; } = "";
    public StrategyActionCompletion? Completion { get; private set; }
    private readonly List<StrategyActionDeferral> _deferrals = [];
    /// <summary>Every move of the due time, in order (COM-10).</summary>
    public IReadOnlyList<StrategyActionDeferral> Deferrals => _deferrals;

    /// <summary>The due time now: the agreed one, or the last deferral's (each is later than the one before).</summary>
    public DateTimeOffset CurrentDueAt => _deferrals.Count == 0 ? DueAt : _deferrals.Max(d => d.ToDueAt);

    /// <summary>COM-10: an action whose due time was moved has slipped, and says so for good.</summary>
    public bool Slipped => _deferrals.Count > 0;

    public bool IsOverdue(DateTimeOffset now) => Completion is null && now > CurrentDueAt;

    /// <summary>
    /// COM-10: red, amber or green against the date agreed at the meeting, never the moved one, so a slipped action
    /// cannot turn green by being deferred. Red: open past the original date. Amber: open and slipped, or the original
    /// date is within a day. Green: open and on time. Done: completed (late or not is on the completion).
    /// </summary>
    public StrategyActionRag Rag(DateTimeOffset now) =>
        Completion is not null ? StrategyActionRag.Done
        : now > DueAt ? StrategyActionRag.Red
        : Slipped || DueAt - now <= TimeSpan.FromDays(1) ? StrategyActionRag.Amber
        : StrategyActionRag.Green;

    /// <summary>
    /// COM-10: moves the due time later, keeping the original and recording why and by whom as a new row. An action
    /// already done cannot be deferred; the new time must be later than the current one and within a year.
    /// </summary>
    public StrategyActionDeferral Defer(DateTimeOffset to, string reason, Author author)
    {
        if (Completion is not null)
        {
            throw new DomainConflictException($"The action is already Completed (at {London.Describe(Completion.CompletedAt)}): it cannot be deferred.");
        }
        if (to <= CurrentDueAt)
        {
            throw new Referrals.RuleViolationException(new Referrals.RuleViolation("dueAt", $"'dueAt' must be later than the action's current due time, {London.Describe(CurrentDueAt)}."));
        }
        if (to > author.At.AddYears(1))
        {
            throw new Referrals.RuleViolationException(new Referrals.RuleViolation("dueAt", "'dueAt' must be within a year."));
        }
        var deferral = new StrategyActionDeferral
        {
            Id = Guid.CreateVersion7(author.At), ActionId = Id, Number = _deferrals.Count + 1, FromDueAt = CurrentDueAt, ToDueAt = to,
            Reason = reason, RecordedAt = author.At, RecordedBy = author.UserId, RecordedByRole = author.Role,
        };
        _deferrals.Add(deferral);
        return deferral;
    }

    /// <summary>
    /// COM-10: gives an open action to another (active) owner, keeping who had it, why it moved and who moved it as a new
    /// row. An action already done, or given to the person who has it, cannot be reassigned.
    /// </summary>
    public StrategyActionReassignment Reassign(string to, string reason, Author author)
    {
        if (Completion is not null)
        {
            throw new DomainConflictException($"The action is already Completed (at {London.Describe(Completion.CompletedAt)}): it cannot be reassigned.");
        }
        if (to == CurrentOwner)
        {
            throw new DomainConflictException($"The action is already owned by '{to}'.");
        }
        var reassignment = new StrategyActionReassignment
        {
            Id = Guid.CreateVersion7(author.At), ActionId = Id, Number = _reassignments.Count + 1, FromOwner = CurrentOwner, ToOwner = to,
            Reason = reason, RecordedAt = author.At, RecordedBy = author.UserId, RecordedByRole = author.Role,
        };
        _reassignments.Add(reassignment);
        return reassignment;
    }

    internal static StrategyAction Agree(StrategyMeeting meeting, Guid youngPersonId, PlannedAction planned, Author author) => new()
    {
        Id = Guid.CreateVersion7(author.At),
        MeetingId = meeting.Id,
        YoungPersonId = youngPersonId,
        Description = planned.Description!.Trim(),
        Owner = planned.Owner!.Trim(),
        DueAt = planned.DueAt!.Value,
        RecordedAt = author.At,
        RecordedBy = author.UserId,
    };

    public StrategyActionCompletion Complete(string? note, Author author)
    {
        if (Completion is not null)
        {
            throw new DomainConflictException($"The action is already Completed (at {London.Describe(Completion.CompletedAt)}).");
        }
        Completion = new StrategyActionCompletion
        {
            Id = Guid.CreateVersion7(author.At),
            ActionId = Id,
            Note = note,
            CompletedAt = author.At,
            // COM-10: late against the date agreed, however often it was moved.
            Late = author.At > DueAt,
            RecordedBy = author.UserId,
            RecordedByRole = author.Role,
        };
        return Completion;
    }
}

/// <summary>
/// That an action's due time passed before it was done and this was announced (<c>StrategyActionOverdue</c>, REF-11);
/// append-only, at most one per action (a deferral after it does not announce the action again).
/// </summary>
public sealed class StrategyActionOverdueNotice
{
    private StrategyActionOverdueNotice() { }

    public Guid ActionId { get; private init; }
    public DateTimeOffset AnnouncedAt { get; private init; }

    /// <summary>The notice for <paramref name="action"/>, or null if it is not overdue at <paramref name="now"/>.</summary>
    public static StrategyActionOverdueNotice? For(StrategyAction action, DateTimeOffset now) =>
        action.IsOverdue(now) ? new StrategyActionOverdueNotice { ActionId = action.Id, AnnouncedAt = now } : null;
}

public enum StrategyActionRag
{
    Green,
    Amber,
    Red,
    Done,
}

/// <summary>COM-10: a strategy action's due time moved, from when to when, why and by whom; append-only.</summary>
public sealed class StrategyActionDeferral
{
    internal StrategyActionDeferral() { }

    public Guid Id { get; internal init; }
    public Guid ActionId { get; internal init; }
    /// <summary>1 for the first deferral; unique per action, so two moves at once cannot both apply to the same due time.</summary>
    public int Number { get; internal init; }
    public DateTimeOffset FromDueAt { get; internal init; }
    public DateTimeOffset ToDueAt { get; internal init; }
    public string Reason { get; internal init; } = "";
    public DateTimeOffset RecordedAt { get; internal init; }
    public string RecordedBy { get; internal init; } = "";
    public string RecordedByRole { get; internal init; } = "";
}

/// <summary>COM-10: a strategy action given to another owner, from whom to whom, why and by whom; append-only.</summary>
public sealed class StrategyActionReassignment
{
    internal StrategyActionReassignment() { }

    public Guid Id { get; internal init; }
    public Guid ActionId { get; internal init; }
    /// <summary>1 for the first reassignment; unique per action, so two handovers at once cannot both apply.</summary>
    public int Number { get; internal init; }
    public string FromOwner { get; internal init; } = "";
    public string ToOwner { get; internal init; } = "";
    public string Reason { get; internal init; } = "";
    public DateTimeOffset RecordedAt { get; internal init; }
    public string RecordedBy { get; internal init; } = "";
    public string RecordedByRole { get; internal init; } = "";
}

/// <summary>That a strategy action was done, by whom and when; append-only, at most one per action.</summary>
public sealed class StrategyActionCompletion
{
    internal StrategyActionCompletion() { }

    public Guid Id { get; internal init; }
    public Guid ActionId { get; internal init; }
    public string? Note { get; internal init; }
    public DateTimeOffset CompletedAt { get; internal init; }
    public bool Late { get; internal init; }
    public string RecordedBy { get; internal init; } = "";
    public string RecordedByRole { get; internal init; } = "";
}

/// <summary>A correction or later information about a finalised meeting: a new row pointing at it, never an edit.</summary>
public sealed class StrategyMeetingAddendum
{
    private StrategyMeetingAddendum() { }

    public Guid Id { get; private init; }
    public Guid MeetingId { get; private init; }
    public string Text { get; private init; } = "";
    public DateTimeOffset RecordedAt { get; private init; }
    public string RecordedBy { get; private init; } = "";
    public string RecordedByRole { get; private init; } = "";

    public static StrategyMeetingAddendum To(StrategyMeeting meeting, string text, Author author)
    {
        if (meeting.Status != StrategyMeetingStatus.Finalised)
        {
            throw new DomainConflictException($"The meeting is {meeting.Status}: change the draft instead of adding an addendum.");
        }
        return new StrategyMeetingAddendum
        {
            Id = Guid.CreateVersion7(author.At),
            MeetingId = meeting.Id,
            Text = text,
            RecordedAt = author.At,
            RecordedBy = author.UserId,
            RecordedByRole = author.Role,
        };
    }
}
