using Support.Contracts.Registry;
using Support.ServiceDefaults.Auth;

namespace Support.LeavingCare.Domain;

/// <summary>LC-04: what the adviser does when a care leaver is reported missing.</summary>
public enum FollowUpStep
{
    /// <summary>Give police liaison what the adviser knows: last contact, friends, places, who she may be with.</summary>
    SharePictureWithPoliceLiaison,
    /// <summary>Visit or call the last known address and the accommodation provider.</summary>
    CheckLastKnownAddress,
    /// <summary>Contact friends, family and services she uses (GP, college, support line) for a sighting.</summary>
    ContactKnownNetwork,
    /// <summary>Take part in the risk review due within 24 hours (Referrals).</summary>
    AttendRiskReview,
}

/// <summary>
/// LC-04 (Casey-K18: "Leaving care services do not follow through"): the adviser's follow-up tasks when a care leaver
/// is reported missing, one per step per episode, due within <c>MissingFollowUpHours</c> of the report. Assigned to
/// the allocated adviser, or to the team's queue when there is none. Completed once, with a note; never deleted.
/// </summary>
public sealed class FollowUpTask
{
    private FollowUpTask() { }

    public Guid Id { get; private init; }
    public Guid YoungPersonId { get; private init; }
    public Guid EpisodeId { get; private init; }
    public FollowUpStep Step { get; private init; }
    /// <summary>The adviser's user id, or null: the leaving-care team's queue.</summary>
    public string? AssignedTo { get; private init; }
    public DateTimeOffset DueAt { get; private init; }
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public string? CompletedBy { get; private set; }
    public string? CompletionNote { get; private set; }

    public static IReadOnlyList<FollowUpTask> ForEpisode(Guid youngPersonId, Guid episodeId, string? adviser, DateTimeOffset reportedAt, TimeSpan within, DateTimeOffset now) =>
        [.. Enum.GetValues<FollowUpStep>().Select(step => new FollowUpTask
        {
            Id = Guid.CreateVersion7(now),
            YoungPersonId = youngPersonId,
            EpisodeId = episodeId,
            Step = step,
            AssignedTo = adviser,
            DueAt = (reportedAt + within).ToUniversalTime(),
            CreatedAt = now.ToUniversalTime(),
        })];

    public bool IsOverdueAt(DateTimeOffset now) => CompletedAt is null && now > DueAt;

    /// <summary>False when it was already completed.</summary>
    public bool Complete(string note, Author author)
    {
        if (CompletedAt is not null)
        {
            return false;
        }
        (CompletedAt, CompletedBy, CompletionNote) = (author.At.ToUniversalTime(), author.UserId, note.Trim());
        return true;
    }
}

/// <summary>Why a leaving-care record is closed (LC-02: never because of age alone).</summary>
public enum ClosureReason
{
    LostContact,
    DeclinedFurtherSupport,
    MovedToAnotherAuthority,
    DutyEnded,
}

/// <summary>
/// LC-02, LC-04: closing a leaving-care record is an explicit decision by a manager that records the young person's
/// views; "lost contact" is refused while a missing episode is open. Append-only: one closure per record.
/// </summary>
public sealed class CareLeaverClosure
{
    private CareLeaverClosure() { }

    public Guid Id { get; private init; }
    public Guid YoungPersonId { get; private init; }
    public ClosureReason Reason { get; private init; }
    public string YoungPersonsViews { get; private init; } = "";
    public string Rationale { get; private init; } = "";
    public DateTimeOffset RecordedAt { get; private init; }
    public string RecordedBy { get; private init; } = "";
    public string RecordedByRole { get; private init; } = "";

    public static CareLeaverClosure Record(Guid youngPersonId, ClosureReason reason, string views, string rationale, Author manager) => new()
    {
        Id = Guid.CreateVersion7(manager.At),
        YoungPersonId = youngPersonId,
        Reason = reason,
        YoungPersonsViews = views.Trim(),
        Rationale = rationale.Trim(),
        RecordedAt = manager.At.ToUniversalTime(),
        RecordedBy = manager.UserId,
        RecordedByRole = manager.Role,
    };

    /// <summary>Their views on the closure, for their record in Referrals (issue 16 item 4).</summary>
    public YoungPersonsWordsRecorded ViewsRecorded() => new()
    {
        WordsId = Id, YoungPersonId = YoungPersonId, Service = LeavingCareApi.ServiceName, Source = "Closing leaving-care support",
        Words = YoungPersonsViews, SaidAt = RecordedAt, RecordedBy = RecordedBy, RecordedByRole = RecordedByRole, OccurredAt = RecordedAt,
    };
}
