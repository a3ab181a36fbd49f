using Support.Contracts.Placements;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Domain.Placements;

/// <summary>
/// Where a looked-after child lives, from when, why, and (for residential care) until when it must be reviewed and the
/// compelling case for it (REF-26: "Residential care should never be used as a first option ... which should include
/// a time limit", Imray §4.9). Append-only: a placement ends with its own <see cref="PlacementEnding"/> row, written
/// when the next placement starts or when care at a setting ends.
/// </summary>
public sealed class Placement
{
    private Placement() { }

    public Guid Id { get; private init; }
    public Guid YoungPersonId { get; private init; }
    public PlacementType Type { get; private init; }
    public PlacementReason Reason { get; private init; }
    /// <summary>The home or unit as the worker wrote it.</summary>
    public string Setting { get; private init; } = "";
    /// <summary>The setting compared without case or surrounding spaces, to find who else lives there.</summary>
    public string SettingKey { get; private init; } = "";
    public DateOnly StartedOn { get; private init; }
    public DateOnly? ReviewBy { get; private init; }
    public string Rationale { get; private init; } = "";
    /// <summary>The approved matching assessment this admission relied on (REF-26), when a resident's risk matched.</summary>
    public Guid? MatchingAssessmentId { get; private init; }
    /// <summary>
    /// The carer's user id, when the child is placed with a carer who signs in (REF-27: the must-not-have-contact list
    /// is shared with them), and the sharing relationship (kind Placement) that gives them the child's record while the
    /// placement lasts.
    /// </summary>
    public string? CarerUserId { get; private init; }
    public Guid? CarerRelationshipId { get; private init; }
    public DateTimeOffset RecordedAt { get; private init; }
    public string RecordedBy { get; private init; } = "";
    public string RecordedByRole { get; private init; } = "";

    public static string KeyOf(string setting) => setting.Trim().ToUpperInvariant();

    public static Placement Start(Guid youngPersonId, PlacementType type, PlacementReason reason, string setting, DateOnly startedOn,
        DateOnly? reviewBy, string rationale, Guid? matchingAssessmentId, string? carerUserId, Guid? carerRelationshipId, Author author) => new()
    {
        Id = Guid.CreateVersion7(author.At),
        YoungPersonId = youngPersonId,
        Type = type,
        Reason = reason,
        Setting = setting.Trim(),
        SettingKey = KeyOf(setting),
        StartedOn = startedOn,
        ReviewBy = reviewBy,
        Rationale = rationale.Trim(),
        MatchingAssessmentId = matchingAssessmentId,
        CarerUserId = carerUserId,
        CarerRelationshipId = carerRelationshipId,
        RecordedAt = author.At,
        RecordedBy = author.UserId,
        RecordedByRole = author.Role,
    };
}

/// <summary>The end of a placement (REF-26): by the next placement starting, or on its own with a reason. One per placement.</summary>
public sealed class PlacementEnding
{
    private PlacementEnding() { }

    public Guid PlacementId { get; private init; }
    public Guid YoungPersonId { get; private init; }
    public DateOnly EndedOn { get; private init; }
    public PlacementReason Reason { get; private init; }
    /// <summary>The placement that replaced it, when the ending came from a move.</summary>
    public Guid? NextPlacementId { get; private init; }
    public DateTimeOffset RecordedAt { get; private init; }
    public string RecordedBy { get; private init; } = "";

    public static PlacementEnding Of(Placement placement, DateOnly endedOn, PlacementReason reason, Guid? nextPlacementId, Author author) => new()
    {
        PlacementId = placement.Id,
        YoungPersonId = placement.YoungPersonId,
        EndedOn = endedOn,
        Reason = reason,
        NextPlacementId = nextPlacementId,
        RecordedAt = author.At,
        RecordedBy = author.UserId,
    };
}

/// <summary>
/// A placement asked for and not given, for cost or shortage (REF-26: Child E "was told there was a shortage of foster
/// carers"; "out of area placements would not be sanctioned due to costs"). Append-only; each one is unmet need.
/// </summary>
public sealed class PlacementRefusal
{
    private PlacementRefusal() { }

    public Guid Id { get; private init; }
    public Guid YoungPersonId { get; private init; }
    public PlacementType RequestedType { get; private init; }
    public PlacementReason Reason { get; private init; }
    public string Note { get; private init; } = "";
    public DateTimeOffset RecordedAt { get; private init; }
    public string RecordedBy { get; private init; } = "";

    public static PlacementRefusal Record(Guid youngPersonId, PlacementType requestedType, PlacementReason reason, string note, Author author) => new()
    {
        Id = Guid.CreateVersion7(author.At),
        YoungPersonId = youngPersonId,
        RequestedType = requestedType,
        Reason = reason,
        Note = note.Trim(),
        RecordedAt = author.At,
        RecordedBy = author.UserId,
    };
}
