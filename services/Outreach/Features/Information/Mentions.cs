using System.Text.RegularExpressions;
using PhoneNumbers;
using Support.Outreach.Domain;

namespace Support.Outreach.Features.Information;

/// <summary>
/// INT-01, INT-02: what an item names, in a form that matches across items however it was typed. Registrations lose
/// spaces and case ("rb61 xyz" is "RB61XYZ"); phone numbers become E.164 through libphonenumber, read as UK numbers
/// when they have no country code ("07700 900123" is "+447700900123"); names and addresses lose case and extra spaces.
/// </summary>
internal static partial class Mentions
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    public static bool TryNormalise(MentionKind kind, string value, out string normalised)
    {
        normalised = "";
        switch (kind)
        {
            case MentionKind.Vehicle:
                normalised = NotAlphanumeric().Replace(value, "").ToUpperInvariant();
                return normalised.Length is >= 2 and <= 10;
            case MentionKind.Phone:
                try
                {
                    var number = Phones.Parse(value, "GB");
                    if (!Phones.IsPossibleNumber(number))
                    {
                        return false;
                    }
                    normalised = Phones.Format(number, PhoneNumberFormat.E164);
                    return true;
                }
                catch (NumberParseException)
                {
                    return false;
                }
            default:
                normalised = Spaces().Replace(value.Trim(), " ").ToLowerInvariant();
                return normalised.Any(char.IsLetterOrDigit);
        }
    }

    [GeneratedRegex("[^A-Za-z0-9]")]
    private static partial Regex NotAlphanumeric();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
