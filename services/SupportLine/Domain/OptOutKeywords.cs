namespace Support.SupportLine.Domain;

public enum KeywordKind
{
    None,
    OptOut,
    OptIn,
    Help,
}

/// <summary>
/// Twilio's default keywords on long codes (twilio.md §4). Twilio itself blocks the number and answers these; we mirror
/// the opt-out so nothing is ever sent to the number until START. Only a single-word message counts ("STOP PLEASE" is
/// an ordinary message), matched case-insensitively, ignoring surrounding spaces and a trailing full stop or "!".
/// </summary>
public static class OptOutKeywords
{
    private static readonly HashSet<string> OptOut = new(StringComparer.OrdinalIgnoreCase)
        { "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT" };
    private static readonly HashSet<string> OptIn = new(StringComparer.OrdinalIgnoreCase) { "START", "YES", "UNSTOP" };
    private static readonly HashSet<string> Help = new(StringComparer.OrdinalIgnoreCase) { "HELP", "INFO" };

    public static KeywordKind Classify(string body, string? optOutType = null)
    {
        // Advanced Opt-Out names the keyword it matched; trust it over our own reading.
        switch (optOutType?.ToUpperInvariant())
        {
            case "STOP": return KeywordKind.OptOut;
            case "START": return KeywordKind.OptIn;
            case "HELP": return KeywordKind.Help;
        }
        var word = body.Trim().TrimEnd('.', '!');
        if (word.Length == 0 || word.Any(char.IsWhiteSpace))
        {
            return KeywordKind.None;
        }
        return OptOut.Contains(word) ? KeywordKind.OptOut
            : OptIn.Contains(word) ? KeywordKind.OptIn
            : Help.Contains(word) ? KeywordKind.Help
            : KeywordKind.None;
    }
}
