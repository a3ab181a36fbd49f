namespace Support.Referrals.Domain;

/// <summary>The details a person can give or correct; the server adds who recorded them and when.</summary>
public sealed record PersonDetails(
    string GivenName,
    string FamilyName,
    string? PreferredName,
    DateOnly DateOfBirth,
    Gender Gender,
    string? GenderDescription,
    string? Ethnicity,
    IReadOnlyList<string> PhoneNumbers,
    string LocalArea);
