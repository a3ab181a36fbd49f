using Support.ServiceDefaults.Auth;
namespace Support.Referrals.Domain;

/// <summary>
/// One dated, signed version of a young person's details. Never updated or deleted (a database trigger refuses it):
/// a correction is a new version that points at the version it corrects (REC-01, REC-05).
/// </summary>
public sealed class YoungPersonDetails
{
    private YoungPersonDetails() { }

    public Guid Id { get; private init; }
    public Guid YoungPersonId { get; private init; }
    public int Version { get; private init; }
    public string GivenName { get; private init; } = "";
    public string FamilyName { get; private init; } = "";
    public string? PreferredName { get; private init; }
    public DateOnly DateOfBirth { get; private init; }
    public Gender Gender { get; private init; }
    public string? GenderDescription { get; private init; }
    public string? Ethnicity { get; private init; }
    public List<string> PhoneNumbers { get; private init; } = [];
    public string LocalArea { get; private init; } = "";
    /// <summary>The version this one corrects; null for the registration itself.</summary>
    public Guid? CorrectsId { get; private init; }
    public string? CorrectionReason { get; private init; }
    public DateTimeOffset RecordedAt { get; private init; }
    public string RecordedBy { get; private init; } = "";
    public string RecordedByRole { get; private init; } = "";

    public string DisplayName => $"{PreferredName ?? GivenName} {FamilyName}";

    public PersonDetails ToPersonDetails() =>
        new(GivenName, FamilyName, PreferredName, DateOfBirth, Gender, GenderDescription, Ethnicity, PhoneNumbers, LocalArea);

    internal static YoungPersonDetails Create(
        Guid youngPersonId, int version, PersonDetails details, Guid? correctsId, string? reason, Author author) =>
        new()
        {
            Id = Guid.CreateVersion7(author.At),
            YoungPersonId = youngPersonId,
            Version = version,
            GivenName = details.GivenName.Trim(),
            FamilyName = details.FamilyName.Trim(),
            PreferredName = string.IsNullOrWhiteSpace(details.PreferredName) ? null : details.PreferredName.Trim(),
            DateOfBirth = details.DateOfBirth,
            Gender = details.Gender,
            GenderDescription = string.IsNullOrWhiteSpace(details.GenderDescription) ? null : details.GenderDescription.Trim(),
            Ethnicity = string.IsNullOrWhiteSpace(details.Ethnicity) ? null : details.Ethnicity.Trim(),
            PhoneNumbers = details.PhoneNumbers.Select(p => p.Trim()).Where(p => p.Length > 0).Distinct().ToList(),
            LocalArea = details.LocalArea.Trim(),
            CorrectsId = correctsId,
            CorrectionReason = reason?.Trim(),
            RecordedAt = author.At,
            RecordedBy = author.UserId,
            RecordedByRole = author.Role,
        };
}
