using Support.Contracts.Registry;

namespace Support.ServiceDefaults.Access;

/// <summary>
/// A partner's relationship to one young person that the information-sharing protocol may base access on (REC-11,
/// issue 16). Referrals records it (with its reason and signature) and announces it; every other service keeps a copy
/// from <see cref="SharingRelationshipRecorded"/> and <see cref="SharingRelationshipEnded"/> so a partner's read is
/// decided where the record is. Never deleted: an ended relationship keeps its row, with when it ended.
/// </summary>
public sealed class SharingRelationship
{
    private SharingRelationship() { }

    public Guid Id { get; private init; }
    public Guid YoungPersonId { get; private init; }
    /// <summary>The partner's user id (the token's subject).</summary>
    public string UserId { get; private init; } = "";
    public SharingRelationshipKind Kind { get; private init; }
    public DateTimeOffset ValidFrom { get; private init; }
    public DateTimeOffset? ValidUntil { get; private init; }
    public DateTimeOffset? EndedAt { get; private set; }
    /// <summary>Why it was recorded; kept by Referrals only (it may name the placement or the school).</summary>
    public string? Reason { get; private init; }
    public string? RecordedBy { get; private init; }
    public DateTimeOffset RecordedAt { get; private init; }
    public string? EndedBy { get; private set; }
    public string? EndReason { get; private set; }

    public bool IsActiveAt(DateTimeOffset at) =>
        ValidFrom <= at && (ValidUntil is null || at < ValidUntil) && (EndedAt is null || at < EndedAt);

    /// <summary>A relationship as Referrals records it: signed, with its reason.</summary>
    public static SharingRelationship Record(
        Guid youngPersonId, string userId, SharingRelationshipKind kind, DateTimeOffset validFrom, DateTimeOffset? validUntil,
        string reason, string recordedBy, DateTimeOffset at) =>
        new()
        {
            Id = Guid.CreateVersion7(at), YoungPersonId = youngPersonId, UserId = userId, Kind = kind, ValidFrom = validFrom,
            ValidUntil = validUntil, Reason = reason, RecordedBy = recordedBy, RecordedAt = at,
        };

    /// <summary>Another service's copy, as the event announced it.</summary>
    public static SharingRelationship FromEvent(SharingRelationshipRecorded recorded) =>
        new()
        {
            Id = recorded.RelationshipId, YoungPersonId = recorded.YoungPersonId, UserId = recorded.UserId, Kind = recorded.Kind,
            ValidFrom = recorded.ValidFrom, ValidUntil = recorded.ValidUntil, RecordedAt = recorded.OccurredAt,
        };

    /// <summary>
    /// An ending that overtook its recording: a row for no user (it can never match a caller) that the recording,
    /// arriving later, finds and leaves alone.
    /// </summary>
    public static SharingRelationship Placeholder(Guid id, Guid youngPersonId, DateTimeOffset at) =>
        new() { Id = id, YoungPersonId = youngPersonId, UserId = "", Kind = SharingRelationshipKind.Grant, ValidFrom = at, RecordedAt = at };

    /// <summary>Ends it from <paramref name="at"/> on; the first ending stands (a second one changes nothing).</summary>
    public bool End(DateTimeOffset at, string? endedBy, string? reason)
    {
        if (EndedAt is not null)
        {
            return false;
        }
        EndedAt = at;
        EndedBy = endedBy;
        EndReason = reason;
        return true;
    }
}
