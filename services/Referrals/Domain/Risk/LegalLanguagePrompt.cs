using System.Text.RegularExpressions;

namespace Support.Referrals.Domain.Risk;

/// <summary>A non-blocking prompt shown when a note about a child uses language that blames or implies consent.</summary>
public sealed record LegalLanguagePrompt(IReadOnlyList<string> Terms, IReadOnlyList<string> Law);

/// <summary>
/// REF-07, REF-08: "consent", "consensual", "willingly", "prostitution", "putting herself at risk" or "lifestyle
/// choice" in a note about a child under 16 return the law (brief §4.4, quoted exactly). Never blocks saving.
/// </summary>
public static partial class LegalLanguagePrompts
{
    public const string AgeOfConsent = "The age of consent is 16.";
    public const string Under13 =
        "A child under 13 does not, under any circumstances, have legal capacity to consent to any form of sexual activity. "
        + "Penetration of any kind would amount to rape which is punishable by up to life imprisonment.";
    public const string Under16 = "Any sexual activity with a consenting child under the age of 16 is unlawful.";

    // No match timeout: the alternation has no nested quantifiers, so matching is linear, and a timeout only fired when
    // the machine was busy, turning a saved note into a 500.
    [GeneratedRegex(
        @"\b(consent\w*|consensual\w*|willingly|prostitut\w*|putting (?:herself|himself|themselves|themself) at risk|lifestyle choices?)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Language();

    /// <summary>The prompt for a note, or null when there is nothing to say (no such words, or the child is 16 or over).</summary>
    public static LegalLanguagePrompt? For(string? notes, int? ageOnEventDate)
    {
        if (string.IsNullOrWhiteSpace(notes) || ageOnEventDate is not < RiskRuleTable.AgeOfConsent)
        {
            return null;
        }
        var terms = Language().Matches(notes).Select(m => m.Value.ToLowerInvariant()).Distinct().ToList();
        if (terms.Count == 0)
        {
            return null;
        }
        List<string> law = ageOnEventDate < RiskRuleTable.AgeOfNoCapacity ? [AgeOfConsent, Under13, Under16] : [AgeOfConsent, Under16];
        return new LegalLanguagePrompt(terms, law);
    }
}
