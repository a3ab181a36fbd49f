using PhoneNumbers;

namespace Support.SupportLine.Domain;

/// <summary>
/// Phone numbers in E.164, normalised by libphonenumber (never by hand): <c>07700 900123</c>, <c>+44 7700 900123</c>
/// and <c>447700900123</c> are one number. Numbers without a country code are read as UK numbers.
/// </summary>
public static class E164Numbers
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public static bool TryNormalise(string? raw, out string e164, string defaultRegion = "GB")
    {
        e164 = "";
        if (string.IsNullOrWhiteSpace(raw) || raw.Length > 40)
        {
            return false;
        }
        try
        {
            var parsed = Util.Parse(raw, defaultRegion);
            if (!Util.IsPossibleNumber(parsed))
            {
                return false;
            }
            e164 = Util.Format(parsed, PhoneNumberFormat.E164);
            return true;
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    /// <summary>The last three digits only, for lists where the whole number is not needed.</summary>
    public static string Masked(string e164) => e164.Length <= 3 ? "***" : "*******" + e164[^3..];
}
