using System.Text.RegularExpressions;
using Support.Referrals.Domain;
using Support.ServiceDefaults.Problems;

namespace Support.Referrals.Features.YoungPeople;

/// <summary>Details as sent by a client; every field is nullable so a missing one is reported by name, not as a 500.</summary>
public sealed record PersonDetailsInput(
    string? GivenName,
    string? FamilyName,
    string? PreferredName,
    DateOnly? DateOfBirth,
    Gender? Gender,
    string? GenderDescription,
    string? Ethnicity,
    IReadOnlyList<string>? PhoneNumbers,
    string? LocalArea);

internal static partial class PersonDetailsValidation
{
    /// <summary>The registry covers children and adult survivors, including historic victims.</summary>
    private const int OldestPlausibleAge = 120;

    /// <summary>Checks presence and format (400). Returns null details when anything is missing.</summary>
    public static PersonDetails? Validate(PersonDetailsInput input, ValidationErrors errors)
    {
        errors.Required("givenName", input.GivenName, 100)
            .Required("familyName", input.FamilyName, 100)
            .MaxLength("preferredName", input.PreferredName, 100)
            .Required("dateOfBirth", input.DateOfBirth)
            .Required("gender", input.Gender)
            .MaxLength("genderDescription", input.GenderDescription, 100)
            .MaxLength("ethnicity", input.Ethnicity, 100)
            .Required("localArea", input.LocalArea, 100)
            .When(input.Gender == Gender.SelfDescribed && string.IsNullOrWhiteSpace(input.GenderDescription),
                "genderDescription", "'genderDescription' is required when gender is SelfDescribed.");
        var phones = input.PhoneNumbers ?? [];
        for (var i = 0; i < phones.Count; i++)
        {
            errors.When(string.IsNullOrWhiteSpace(phones[i]) || !PhoneNumber().IsMatch(phones[i]),
                $"phoneNumbers[{i}]", "A phone number has digits, spaces, and an optional leading '+' (7 to 20 characters).");
        }
        errors.When(phones.Count > 10, "phoneNumbers", "At most 10 phone numbers.");
        if (errors.Any)
        {
            return null;
        }
        return new PersonDetails(input.GivenName!, input.FamilyName!, input.PreferredName, input.DateOfBirth!.Value,
            input.Gender!.Value, input.GenderDescription, input.Ethnicity, phones, input.LocalArea!);
    }

    /// <summary>Checks rules on well-formed details (422).</summary>
    public static void CheckRules(PersonDetails details, DateOnly today, ValidationErrors errors) =>
        errors.When(details.DateOfBirth > today, "dateOfBirth", "'dateOfBirth' cannot be in the future.")
            .When(YoungPerson.AgeOn(details.DateOfBirth, today) > OldestPlausibleAge, "dateOfBirth",
                $"'dateOfBirth' gives an age over {OldestPlausibleAge}.");

    [GeneratedRegex(@"^\+?[0-9 ]{7,20}$")]
    private static partial Regex PhoneNumber();
}
