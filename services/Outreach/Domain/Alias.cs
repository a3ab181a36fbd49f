using Support.ServiceDefaults.Auth;

namespace Support.Outreach.Domain;

/// <summary>
/// A young person known to outreach only by a street name (OUT-02): "Jade, about 14, from the Clifton Park group" is a
/// record in its own right, with its own contacts. It is never changed: a later match to a registered young person is
/// an <see cref="AliasMatch"/> beside it, and the alias stays searchable. Gender and ethnicity are as described by the
/// young person or the worker, never assumed (OUT-10).
/// </summary>
public sealed class Alias
{
    private Alias() { }

    public Guid Id { get; private init; }
    public string Name { get; private init; } = "";
    /// <summary>The worker's estimate of the young person's age, in years.</summary>
    public int? ApproximateAge { get; private init; }
    /// <summary>Where they are seen or say they are from (a local area, a group).</summary>
    public string? Area { get; private init; }
    public string? Description { get; private init; }
    public string? Gender { get; private init; }
    public string? Ethnicity { get; private init; }
    public DateTimeOffset RecordedAt { get; private init; }
    public string RecordedBy { get; private init; } = "";
    public string RecordedByRole { get; private init; } = "";
    public string? IdempotencyKey { get; private init; }

    public static Alias Record(string name, int? approximateAge, string? area, string? description, string? gender, string? ethnicity,
        Author author, string? idempotencyKey) =>
        new()
        {
            Id = Guid.CreateVersion7(author.At),
            Name = name,
            ApproximateAge = approximateAge,
            Area = area,
            Description = description,
            Gender = gender,
            Ethnicity = ethnicity,
            RecordedAt = author.At,
            RecordedBy = author.UserId,
            RecordedByRole = author.Role,
            IdempotencyKey = idempotencyKey,
        };
}

/// <summary>
/// OUT-02: the recorded action that says an alias is a registered young person: who confirmed it, when and why. One per
/// alias (a second is a 409); append-only, so a mistaken match is corrected by a new record, never by an edit.
/// </summary>
public sealed class AliasMatch
{
    private AliasMatch() { }

    public Guid Id { get; private init; }
    public Guid AliasId { get; private init; }
    public Guid YoungPersonId { get; private init; }
    public string Reason { get; private init; } = "";
    public DateTimeOffset MatchedAt { get; private init; }
    public string MatchedBy { get; private init; } = "";
    public string MatchedByRole { get; private init; } = "";

    public static AliasMatch Confirm(Alias alias, Guid youngPersonId, string reason, Author author) =>
        new()
        {
            Id = Guid.CreateVersion7(author.At),
            AliasId = alias.Id,
            YoungPersonId = youngPersonId,
            Reason = reason,
            MatchedAt = author.At,
            MatchedBy = author.UserId,
            MatchedByRole = author.Role,
        };
}
