using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Domain;

public enum FamilyRelationshipKind
{
    Sibling,
    HalfSibling,
    StepSibling,
    /// <summary>Lives in the same household without being a sibling (REF-19: "their siblings or ... an unrelated adult").</summary>
    Household,
}

/// <summary>
/// Two registered young people who are siblings or share a household (REF-19, REF-14). Casey-U's "sister has a CSE
/// history"; Child S's sibling "had a long history of involvement with services and agencies ... in relation to CSE".
/// Kept once per pair (the smaller id first), append-only, read in both directions.
/// </summary>
public sealed class FamilyRelationship
{
    private FamilyRelationship() { }

    public Guid Id { get; private init; }
    public Guid FirstYoungPersonId { get; private init; }
    public Guid SecondYoungPersonId { get; private init; }
    public FamilyRelationshipKind Kind { get; private init; }
    public DateTimeOffset RecordedAt { get; private init; }
    public string RecordedBy { get; private init; } = "";

    public Guid OtherThan(Guid youngPersonId) => youngPersonId == FirstYoungPersonId ? SecondYoungPersonId : FirstYoungPersonId;

    public static FamilyRelationship Record(Guid one, Guid other, FamilyRelationshipKind kind, Author author) => new()
    {
        Id = Guid.CreateVersion7(author.At),
        FirstYoungPersonId = one.CompareTo(other) < 0 ? one : other,
        SecondYoungPersonId = one.CompareTo(other) < 0 ? other : one,
        Kind = kind,
        RecordedAt = author.At,
        RecordedBy = author.UserId,
    };
}
