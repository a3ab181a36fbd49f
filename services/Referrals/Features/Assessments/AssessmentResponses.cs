using Support.Contracts.Referrals;
using Support.Contracts.UnmetNeeds;
using Support.Referrals.Domain.Assessments;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.Assessments;

/// <summary>Where an assessment stands: written into, signed by its author (for the current version), or completed.</summary>
public enum AssessmentStatus
{
    Open,
    Signed,
    Completed,
}

public sealed record AssessmentSummary(
    Guid Id, Guid YoungPersonId, AssessmentKind Kind, Guid? PathwayId, AssessmentStatus Status, LondonTime OpenedAt, LondonTime DueAt,
    bool Overdue, LondonTime? CompletedAt)
{
    public static AssessmentSummary From(Assessment a, bool signedAtCurrentVersion, DateTimeOffset now) => new(
        a.Id, a.YoungPersonId, a.Kind, a.PathwayId, StatusOf(a, signedAtCurrentVersion), LondonTime.Of(a.OpenedAt), LondonTime.Of(a.DueAt),
        a.IsOverdue(now), LondonTime.Of(a.CompletedAt));

    internal static AssessmentStatus StatusOf(Assessment a, bool signedAtCurrentVersion) =>
        a.IsCompleted ? AssessmentStatus.Completed : signedAtCurrentVersion ? AssessmentStatus.Signed : AssessmentStatus.Open;
}

public sealed record AssessmentEntryView(
    Guid Id, int Sequence, AssessmentSection Section, string? Account, string? Feelings, DateOnly? SeenAloneOn, string? ShortTermImpact,
    string? LongTermImpact, string? WhatHappened, string? Why, string? Consequences, string? Plan, IReadOnlyList<AssessmentNeed> Needs,
    LondonTime RecordedAt, string RecordedBy, string RecordedByRole)
{
    public static AssessmentEntryView From(AssessmentEntry e) => new(
        e.Id, e.Sequence, e.Section, e.Account, e.Feelings, e.SeenAloneOn, e.ShortTermImpact, e.LongTermImpact, e.WhatHappened, e.Why,
        e.Consequences, e.Plan, e.Needs, LondonTime.Of(e.RecordedAt), e.RecordedBy, e.RecordedByRole);
}

public sealed record InvitationReplyView(bool Contributed, string Text, LondonTime RecordedAt, string RecordedBy, string RecordedByRole);

public sealed record AssessmentInvitationView(
    Guid Id, Guid AssessmentId, Guid YoungPersonId, string Worker, string WorkerRole, LondonTime InvitedAt, string InvitedBy, InvitationReplyView? Reply)
{
    public static AssessmentInvitationView From(AssessmentInvitation i, AssessmentInvitationReply? r) => new(
        i.Id, i.AssessmentId, i.YoungPersonId, i.Worker, i.WorkerRole, LondonTime.Of(i.InvitedAt), i.InvitedBy,
        r is null ? null : new InvitationReplyView(r.Contributed, r.Text, LondonTime.Of(r.RecordedAt), r.RecordedBy, r.RecordedByRole));
}

public sealed record AssessmentSignatureView(int Version, LondonTime SignedAt, string SignedBy, string SignedByRole);

public sealed record MissingSection(string Field, string Message);

public sealed record NeedTaskView(
    Guid Id, Guid AssessmentId, Guid YoungPersonId, string Need, string Category, string? AssignedTo, LondonTime DueAt, bool Overdue,
    LondonTime CreatedAt, NeedTaskOutcome? Outcome, string? Detail, UnmetNeedReason? UnmetNeedReason, LondonTime? CompletedAt, string? CompletedBy)
{
    public static NeedTaskView From(AssessmentNeedTask t, AssessmentNeedTaskCompletion? c, DateTimeOffset now) => new(
        t.Id, t.AssessmentId, t.YoungPersonId, t.Need, t.Category, t.AssignedTo, LondonTime.Of(t.DueAt), t.IsOverdue(c?.CompletedAt ?? now),
        LondonTime.Of(t.CreatedAt), c?.Outcome, c?.Detail, c?.UnmetNeedReason, LondonTime.Of(c?.CompletedAt), c?.CompletedBy);
}

/// <summary>
/// One assessment in full: each section as it stands (its latest version), every version written, the invitations with
/// their replies, the author's signatures, what still stops it being signed, and the tasks its needs created.
/// </summary>
public sealed record AssessmentView(
    Guid Id, Guid YoungPersonId, AssessmentKind Kind, Guid? PathwayId, AssessmentStatus Status, int Version, LondonTime OpenedAt, string OpenedBy,
    LondonTime DueAt, bool Overdue, IReadOnlyList<AssessmentEntryView> Sections, IReadOnlyList<AssessmentEntryView> History,
    IReadOnlyList<AssessmentInvitationView> Invitations, IReadOnlyList<AssessmentSignatureView> Signatures, IReadOnlyList<MissingSection> Missing,
    LondonTime? CompletedAt, string? SignedBy, string? SignedOffBy, string? SignedOffByRole, IReadOnlyList<NeedTaskView> NeedTasks);
