using System.Text;

namespace Support.Referrals.Domain.OrganisedAbuse;

/// <summary>
/// Normalises a link value so that the same car, phone or place written two ways is one link (REF-13): vehicle
/// registrations upper-case without spaces, phone numbers as UK national digits, names and addresses lower-case
/// without punctuation or repeated spaces.
/// </summary>
public static class LinkValues
{
    public static string Normalise(LinkKind kind, string value) => kind switch
    {
        LinkKind.Vehicle => new string(value.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray()),
        LinkKind.Phone => Phone(value),
        _ => Words(value),
    };

    /// <summary>UK numbers as national digits: +44 7700 900461, +44 (0)7700 900461 and 07700 900461 are one phone.</summary>
    private static string Phone(string value)
    {
        var digits = new string(value.Where(char.IsAsciiDigit).ToArray());
        string? national = digits.StartsWith("0044", StringComparison.Ordinal) ? digits[4..]
            : digits.StartsWith("44", StringComparison.Ordinal) && digits.Length >= 12 ? digits[2..]
            : null;
        return national is null ? digits : national.StartsWith('0') ? national : "0" + national;
    }

    private static string Words(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if ((char.IsWhiteSpace(c) || c is ',' or '-' or '/') && builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }
        return builder.ToString().TrimEnd();
    }
}
