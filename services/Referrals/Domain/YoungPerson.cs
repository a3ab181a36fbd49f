using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Data;

namespace Support.Referrals.Domain;

/// <summary>
/// A young person in the registry. Their details are a list of dated, signed versions; the latest is current and
/// every earlier one stays readable, so nobody can tell a different story about what was recorded when.
/// </summary>
[KeyedByYoungPerson]
public sealed class YoungPerson
{
    private readonly List<YoungPersonDetails> _details = [];

    private YoungPerson() { }

    public Guid Id { get; private init; }
    public DateTimeOffset RecordedAt { get; private init; }
    public string RecordedBy { get; private init; } = "";

    public IReadOnlyList<YoungPersonDetails> Details => _details;

    public YoungPersonDetails Current => _details.MaxBy(d => d.Version)
        ?? throw new InvalidOperationException("A registered young person always has details.");

    public static YoungPerson Register(PersonDetails details, Author author)
    {
        var person = new YoungPerson { Id = Guid.CreateVersion7(author.At), RecordedAt = author.At, RecordedBy = author.UserId };
        person._details.Add(YoungPersonDetails.Create(person.Id, 1, details, correctsId: null, reason: null, author));
        return person;
    }

    /// <summary>Appends a correction (REC-05). The caller must have loaded every version.</summary>
    public YoungPersonDetails Correct(PersonDetails details, string reason, Author author)
    {
        var current = Current;
        var correction = YoungPersonDetails.Create(Id, current.Version + 1, details, current.Id, reason, author);
        _details.Add(correction);
        return correction;
    }

    /// <summary>Age in whole years on a date; someone born on 29 February turns a year older on 1 March in a common year.</summary>
    public static int AgeOn(DateOnly dateOfBirth, DateOnly date)
    {
        var age = date.Year - dateOfBirth.Year;
        var birthdayThisYear = dateOfBirth.Month == 2 && dateOfBirth.Day == 29 && !DateTime.IsLeapYear(date.Year)
            ? new DateOnly(date.Year, 3, 1)
            : new DateOnly(date.Year, dateOfBirth.Month, dateOfBirth.Day);
        return date < birthdayThisYear ? age - 1 : age;
    }
}
