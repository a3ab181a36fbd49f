using System.Text.RegularExpressions;

namespace Support.SupportLine.Domain;

/// <summary>How urgent a text is, most urgent first in the duty inbox (SL-03: ImmediateDanger, then Urgent, then Routine).</summary>
public enum TriageCategory
{
    Other = 0,
    RequestForHelp = 1,
    Disclosure = 2,
    ImmediateDanger = 3,
}

public sealed record TriageRule(string Id, TriageCategory Category, string Pattern, string Explanation)
{
    // NonBacktracking matches in time linear in the text, so no timeout is needed; a timeout turned a text into a 500
    // when the machine was busy (a clean test run under load) and a text that asks for help must never be lost to that.
    public Regex Regex { get; } = new($@"\b(?:{Pattern})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, Regex.InfiniteMatchTimeout);
}

/// <summary>The category a text was given, with every rule that matched and the table version that decided.</summary>
public sealed record TriageResult(TriageCategory Category, IReadOnlyList<TriageRule> Matched, string TableVersion)
{
    public IReadOnlyList<string> MatchedRuleIds => Matched.Select(r => r.Id).ToList();
}

/// <summary>
/// SL-02, SL-03, SL-08: a transparent, versioned keyword and pattern table, like the Referrals risk rule table. A text
/// takes the highest category of any rule that matches and the result lists every matched rule, so a worker sees why.
/// It is a prioritisation aid, never an assessment (twilio.md §7): a person reads every text. The vocabulary comes
/// from the domain brief: texted threats (SL-03: "if she didn't come out they'd shoot her", threats to rape family
/// members), disclosures, and victims' warning signs (SL-08: more than one mobile, driving around in cars, a lot of
/// boyfriends, going out an awful lot). Change a rule by adding a new version, never by editing one in place.
/// </summary>
public static class TriageTable
{
    public const string Version = "2026-12-v1";

    public static readonly IReadOnlyList<TriageRule> Rules =
    [
        // Immediate danger: threats, being held, self-harm now (SL-03).
        new("D1", TriageCategory.ImmediateDanger, @"(going|gonna|gunna|threaten(?:ed|ing)?|said)\s+(to\s+)?(kill|shoot|stab|rape|hurt)", "a threat to kill, shoot, stab, rape or hurt"),
        new("D2", TriageCategory.ImmediateDanger, @"(kill|shoot|stab)\s+(me|her|him|us|my\s+\w+)", "someone will be killed, shot or stabbed"),
        new("D3", TriageCategory.ImmediateDanger, @"(won'?t|will\s+not)\s+let\s+me\s+(go|leave|out)|locked\s+(me\s+)?in|can'?t\s+get\s+out|trapped", "being held and unable to leave"),
        new("D4", TriageCategory.ImmediateDanger, @"(outside|at)\s+my\s+(house|door|flat|hostel|school)|(they'?re|he'?s|they\s+are|he\s+is)\s+coming", "the person is at or on the way to where the young person is"),
        new("D5", TriageCategory.ImmediateDanger, @"kill\s+myself|end\s+(it|my\s+life)|suicid\w*|overdos\w*|took\s+(too\s+many\s+)?(pills|tablets)", "risk to life from self-harm"),
        new("D6", TriageCategory.ImmediateDanger, @"(gun|knife|weapon)", "a weapon is mentioned"),
        new("D7", TriageCategory.ImmediateDanger, @"help\s+me\s+now|in\s+danger|scared\s+for\s+my\s+life|come\s+now|need\s+help\s+now", "asks for help now or says they are in danger"),
        // Disclosure of abuse or exploitation.
        new("S1", TriageCategory.Disclosure, @"rap(ed|e)|sexually\s+assault\w*|assaulted", "a disclosure of rape or assault"),
        new("S2", TriageCategory.Disclosure, @"(touched|forced|made)\s+me|had\s+sex\s+with|sex\s+with", "a disclosure of sexual activity or coercion"),
        new("S3", TriageCategory.Disclosure, @"abus(ed|e|ing)|groom(ed|ing)|exploit(ed|ing)", "names abuse, grooming or exploitation"),
        new("S4", TriageCategory.Disclosure, @"(pics|pictures|photos|videos?|nudes)\s+(of\s+me|of\s+her)|sent\s+(him|them)\s+(pics|nudes|photos)", "images of the young person"),
        new("S5", TriageCategory.Disclosure, @"gave\s+(me|her|us)\s+(drugs|alcohol|vodka|weed|drink|money|a\s+phone|lifts?)|paid\s+(me|her)|owe\s+(him|them)", "gifts, lifts, alcohol, drugs or debt from an adult"),
        new("S6", TriageCategory.Disclosure, @"older\s+(man|men|boyfriend|lads?)", "an older boyfriend or older men"),
        // Warning signs a parent, carer or friend may report (SL-08).
        new("W1", TriageCategory.RequestForHelp, @"more\s+than\s+one\s+(mobile|phone)|(new|second|another)\s+phone", "SL-08: has more than one mobile"),
        new("W2", TriageCategory.RequestForHelp, @"driving\s+around\s+in\s+cars|(gets|getting)\s+in(to)?\s+cars", "SL-08: driving around in cars"),
        new("W3", TriageCategory.RequestForHelp, @"(lot|lots)\s+of\s+boyfriends|going\s+out\s+(an\s+awful\s+lot|a\s+lot|all\s+the\s+time)|(staying|stays)\s+out", "SL-08: going out a lot, a lot of boyfriends"),
        new("W4", TriageCategory.RequestForHelp, @"(went|gone|goes)\s+missing|run\s+away|ran\s+away", "missing or running away"),
        // Asking for help.
        new("H1", TriageCategory.RequestForHelp, @"help|need\s+to\s+talk|talk\s+to\s+(someone|somebody|you)|advice|don'?t\s+know\s+what\s+to\s+do|scared|worried|frightened", "asks for help or says they are scared or worried"),
    ];

    public static TriageResult Classify(string body)
    {
        // Curly apostrophes from phones read as plain ones, so "won’t" matches like "won't".
        var text = body.Replace('\u2019', '\'').Replace('\u2018', '\'');
        var matched = Rules.Where(r => r.Regex.IsMatch(text)).ToList();
        var category = matched.Count == 0 ? TriageCategory.Other : matched.Max(r => r.Category);
        return new TriageResult(category, matched, Version);
    }
}
