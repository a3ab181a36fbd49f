using Support.Contracts.Registry;
using Support.Referrals.Domain;

namespace Support.Referrals.Features.YoungPeople;

/// <summary>
/// The registry events other services build their projections from, made in one place: a registration (here or
/// inline with a referral) and a correction announce the same fields. Gender goes as its recorded category and
/// ethnicity as described (OUT-10); names beyond the display name, self-descriptions and phone numbers never leave.
/// </summary>
internal static class RegistryEvents
{
    public static YoungPersonRegistered Registered(YoungPerson person, DateTimeOffset at) => new()
    {
        YoungPersonId = person.Id,
        DateOfBirth = person.Current.DateOfBirth,
        DisplayName = person.Current.DisplayName,
        Gender = Category(person.Current.Gender),
        Ethnicity = person.Current.Ethnicity,
        OccurredAt = at,
    };

    public static YoungPersonDetailsCorrected Corrected(YoungPersonDetails correction, DateTimeOffset at) => new()
    {
        YoungPersonId = correction.YoungPersonId,
        CorrectionId = correction.Id,
        Version = correction.Version,
        DateOfBirth = correction.DateOfBirth,
        DisplayName = correction.DisplayName,
        Gender = Category(correction.Gender),
        Ethnicity = correction.Ethnicity,
        OccurredAt = at,
    };

    /// <summary>The same category by name; a test keeps the two enums' names identical.</summary>
    private static GenderCategory Category(Gender gender) => Enum.Parse<GenderCategory>(gender.ToString());
}
