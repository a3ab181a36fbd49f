namespace Support.ServiceDefaults.Input;

/// <summary>
/// Rules every input to every service obeys, checked at the edge (JSON bodies by <see cref="StrictJson"/>, query,
/// route and form values by <see cref="RequestInputGuard"/>) so no endpoint has to remember them.
/// </summary>
public static class InputRules
{
    /// <summary>
    /// The range any date or instant a person types may fall in. Nothing the platform records predates 1900 (the
    /// oldest date of birth of an adult survivor is far later) or lies beyond 2199, and keeping inside it leaves room
    /// for every deadline and calendar calculation (adding working days to 9999-12-31 overflows).
    /// </summary>
    public static readonly DateOnly EarliestDate = new(1900, 1, 1);
    public static readonly DateOnly LatestDate = new(2199, 12, 31);

    /// <summary>Why a value was refused when its type cannot read it; never quotes the value (it may be personal data).</summary>
    public const string UnreadableValueMessage = "The value is not valid for this field.";

    public const string DateRangeMessage = "The date must be between 1900-01-01 and 2199-12-31.";

    public static bool InRange(DateOnly date) => date >= EarliestDate && date <= LatestDate;

    public static bool InRange(DateTimeOffset instant) => InRange(DateOnly.FromDateTime(instant.UtcDateTime));

    public static bool InRange(DateTime instant) => InRange(DateOnly.FromDateTime(instant));

    /// <summary>C0 and C1 control characters except tab, line feed and carriage return; DEL too.</summary>
    public static bool HasControlCharacter(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if ((c < ' ' && c is not '\t' and not '\n' and not '\r') || c is >= '\u007f' and <= '\u009f')
            {
                return true;
            }
        }
        return false;
    }
}
