using Support.Contracts.Risk;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Domain.Risk;

/// <summary>
/// A legal age flag on a young person's record (REF-07), set automatically from the child's age on the date of the
/// event, never by choice. Append-only; one per flag and source record.
/// </summary>
public sealed class YoungPersonLegalFlag
{
    private YoungPersonLegalFlag() { }

    public Guid Id { get; private init; }
    public Guid YoungPersonId { get; private init; }
    public LegalFlag Flag { get; private init; }
    /// <summary>The assessment that recorded the facts.</summary>
    public Guid SourceId { get; private init; }
    public DateOnly EventDate { get; private init; }
    public int AgeOnEventDate { get; private init; }
    public DateTimeOffset RaisedAt { get; private init; }
    public string RaisedBy { get; private init; } = "";

    public static YoungPersonLegalFlag Raise(Guid youngPersonId, LegalFlag flag, Guid sourceId, DateOnly eventDate, int age, Author author) => new()
    {
        Id = Guid.CreateVersion7(author.At),
        YoungPersonId = youngPersonId,
        Flag = flag,
        SourceId = sourceId,
        EventDate = eventDate,
        AgeOnEventDate = age,
        RaisedAt = author.At,
        RaisedBy = author.UserId,
    };
}
