using Support.ServiceDefaults.Auth;

namespace Support.LeavingCare.Domain;

/// <summary>
/// LC-08 (Casey: "children having children ... Many of their own children were taken into care"): a young person's
/// dependant, with the child's date of birth and whether children's social care is involved. Append-only: a change is
/// a new row.
/// </summary>
public sealed class Dependant
{
    private Dependant() { }

    public Guid Id { get; private init; }
    public Guid YoungPersonId { get; private init; }
    public DateOnly DateOfBirth { get; private init; }
    public bool SocialCareInvolvement { get; private init; }
    public DateTimeOffset RecordedAt { get; private init; }
    public string RecordedBy { get; private init; } = "";

    public static Dependant Record(Guid youngPersonId, DateOnly dateOfBirth, bool socialCareInvolvement, Author author) => new()
    {
        Id = Guid.CreateVersion7(author.At),
        YoungPersonId = youngPersonId,
        DateOfBirth = dateOfBirth,
        SocialCareInvolvement = socialCareInvolvement,
        RecordedAt = author.At.ToUniversalTime(),
        RecordedBy = author.UserId,
    };
}
