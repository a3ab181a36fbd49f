using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.Referrals.Domain.StrategyMeetings;
using Support.ServiceDefaults.Problems;

namespace Support.Referrals.Features.StrategyMeetings;

/// <summary>A strategy meeting draft, created or saved whole. Anything but the young people may still be missing.</summary>
public sealed record StrategyMeetingRequest(
    IReadOnlyList<Guid>? YoungPersonIds,
    IReadOnlyList<Guid>? PathwayIds,
    DateTimeOffset? HeldAt,
    MeetingChair? Chair,
    IReadOnlyList<MeetingAttendee>? Attendees,
    IReadOnlyList<ChildView>? ChildViews,
    string? FamilyView,
    IReadOnlyList<MeetingDecision>? Decisions,
    IReadOnlyList<PlannedAction>? Actions,
    bool? NoFurtherAction,
    string? NoFurtherActionRationale)
{
    public StrategyMeetingContent ToContent() => new(
        YoungPersonIds ?? [], PathwayIds ?? [], HeldAt, Chair, Attendees ?? [], ChildViews ?? [], Trim(FamilyView),
        Decisions ?? [], Actions ?? [], NoFurtherAction ?? false, Trim(NoFurtherActionRationale));

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>400: the shape is wrong (no child, a view or decision about a child not at the meeting, too long).</summary>
    public ValidationErrors CheckShape()
    {
        var errors = new ValidationErrors();
        var children = YoungPersonIds ?? [];
        errors.When(children.Count == 0, "youngPersonIds", "A strategy meeting is about at least one young person.");
        errors.When(children.Count > 100, "youngPersonIds", "At most 100 young people per meeting.");
        errors.MaxLength("familyView", FamilyView, 8000).MaxLength("noFurtherActionRationale", NoFurtherActionRationale, 4000);
        if (Chair is not null)
        {
            errors.MaxLength("chair.name", Chair.Name, 200).MaxLength("chair.role", Chair.Role, 200);
        }
        foreach (var (attendee, i) in errors.Present("attendees", Attendees))
        {
            errors.MaxLength($"attendees[{i}].name", attendee.Name, 200).MaxLength($"attendees[{i}].role", attendee.Role, 200)
                .MaxLength($"attendees[{i}].agency", attendee.Agency, 200);
        }
        foreach (var (view, i) in errors.Present("childViews", ChildViews))
        {
            errors.When(!children.Contains(view.YoungPersonId), $"childViews[{i}].youngPersonId", "The child must be one of the meeting's young people.")
                .MaxLength($"childViews[{i}].inOwnWords", view.InOwnWords, 8000)
                .MaxLength($"childViews[{i}].notObtainedReason", view.NotObtainedReason, 2000);
        }
        foreach (var (decision, i) in errors.Present("decisions", Decisions))
        {
            errors.When(decision.YoungPersonId is { } child && !children.Contains(child), $"decisions[{i}].youngPersonId", "The child must be one of the meeting's young people.")
                .MaxLength($"decisions[{i}].text", decision.Text, 4000);
        }
        foreach (var (action, i) in errors.Present("actions", Actions))
        {
            errors.When(action.YoungPersonId is { } child && !children.Contains(child), $"actions[{i}].youngPersonId", "The child must be one of the meeting's young people.")
                .MaxLength($"actions[{i}].description", action.Description, 4000).MaxLength($"actions[{i}].owner", action.Owner, 200);
        }
        return errors;
    }

    /// <summary>422: the young people must be registered, and each linked pathway must be about one of them.</summary>
    public async Task<ValidationErrors> CheckReferencesAsync(ReferralsDbContext db, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var children = YoungPersonIds!.Distinct().ToList();
        var known = await db.YoungPeople.Where(p => children.Contains(p.Id)).CountAsync(cancellationToken);
        errors.When(known != children.Count, "youngPersonIds", "Every young person must be registered.");
        var pathwayIds = (PathwayIds ?? []).Distinct().ToList();
        if (pathwayIds.Count > 0)
        {
            var pathways = await db.S47Pathways.Where(p => pathwayIds.Contains(p.Id)).Select(p => p.YoungPersonId).ToListAsync(cancellationToken);
            errors.When(pathways.Count != pathwayIds.Count || pathways.Any(child => !children.Contains(child)), "pathwayIds",
                "Every linked s47 pathway must exist and be about one of the meeting's young people.");
        }
        return errors;
    }
}
