using System.Globalization;
using System.Text.RegularExpressions;
using Support.Contracts.Risk;
using Support.ServiceDefaults.Time;

namespace Support.SupportLine.Domain;

/// <summary>A street contact as an outreach worker texted it (OUT-01).</summary>
public sealed record ContactText(Guid? YoungPersonId, string? Alias, DateTimeOffset ContactedAt, string Place, string Notes, RiskLevel? Concern);

/// <summary>The text was not a contact; <see cref="Reason"/> says what was wrong, in words a worker can fix from.</summary>
public sealed record ContactGrammarError(string Reason);

/// <summary>
/// OUT-01: an outreach worker logs a street contact in one text:
/// <code>C &lt;who&gt; &lt;HHMM&gt; [!&lt;concern&gt;] &lt;place&gt; / &lt;notes&gt;</code>
/// <c>who</c> is a young person's registry id or the alias they are known by (OUT-02, one word); <c>HHMM</c> is the
/// London time of the contact on the day the text was sent (a time later than the text means the day before, for a
/// contact logged just after midnight); <c>!low|!medium|!high|!veryhigh</c> is an optional concern; the place is every
/// word up to " / ", the notes everything after it, word for word. Without " / " the place is one word.
/// Accepted at any hour, any day (OUT-01: texts sent at night and at weekends).
/// </summary>
public static partial class ContactGrammar
{
    public const int MaxPlaceLength = 100;
    public const int MaxNotesLength = 1500;
    public const string Usage = "Use: C <name-or-id> <HHMM> [!high] <place> / <notes>";

    /// <summary>True when the text is meant as a contact (starts with the C keyword).</summary>
    public static bool LooksLikeContact(string body) => KeywordRegex().IsMatch(body);

    public static OneOf Parse(string body, DateTimeOffset receivedAt)
    {
        var match = KeywordRegex().Match(body);
        if (!match.Success)
        {
            return new ContactGrammarError($"Not logged: start with C. {Usage}");
        }
        var rest = body[match.Length..].Trim();
        var tokens = rest.Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length < 3)
        {
            return new ContactGrammarError($"Not logged: too short. {Usage}");
        }
        var who = tokens[0];
        Guid? youngPersonId = null;
        string? alias = null;
        if (Guid.TryParseExact(who, "D", out var id))
        {
            youngPersonId = id;
        }
        else if (AliasRegex().IsMatch(who))
        {
            alias = who;
        }
        else
        {
            return new ContactGrammarError("Not logged: the name must be one word of letters or digits, or a young person's id.");
        }

        if (!TimeRegex().IsMatch(tokens[1])
            || !TimeOnly.TryParseExact(tokens[1], "HHmm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return new ContactGrammarError($"Not logged: '{Clip(tokens[1])}' is not a time; use 24-hour HHMM, e.g. 2130.");
        }

        var remainder = tokens[2].Trim();
        RiskLevel? concern = null;
        if (remainder.StartsWith('!'))
        {
            var parts = remainder.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
            if (!Enum.TryParse<RiskLevel>(parts[0][1..], ignoreCase: true, out var level) || !Enum.IsDefined(level) || parts[0].Length < 2 || char.IsDigit(parts[0][1]))
            {
                return new ContactGrammarError($"Not logged: concern must be one of {string.Join(", ", Enum.GetNames<RiskLevel>().Select(n => "!" + n.ToLowerInvariant()))}.");
            }
            concern = level;
            remainder = parts.Length > 1 ? parts[1] : "";
        }

        string place, notes;
        var slash = remainder.IndexOf(" / ", StringComparison.Ordinal);
        if (slash >= 0)
        {
            place = remainder[..slash].Trim();
            notes = remainder[(slash + 3)..].Trim();
        }
        else
        {
            var parts = remainder.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
            place = parts.Length > 0 ? parts[0] : "";
            notes = parts.Length > 1 ? parts[1].Trim() : "";
        }
        if (place.Length == 0)
        {
            return new ContactGrammarError($"Not logged: say where. {Usage}");
        }
        if (place.Length > MaxPlaceLength)
        {
            return new ContactGrammarError($"Not logged: the place is longer than {MaxPlaceLength} characters.");
        }
        if (notes.Length == 0)
        {
            return new ContactGrammarError($"Not logged: add notes after ' / '. {Usage}");
        }
        if (notes.Length > MaxNotesLength)
        {
            return new ContactGrammarError($"Not logged: the notes are longer than {MaxNotesLength} characters.");
        }

        // The contact happened at HHMM London time on the day the text was sent; a time after the text (beyond a few
        // minutes of clock skew on the phone) was the day before.
        var day = London.DateOf(receivedAt);
        var contactedAt = London.At(day, time);
        if (contactedAt > receivedAt.AddMinutes(5))
        {
            contactedAt = London.At(day.AddDays(-1), time);
        }
        return new ContactText(youngPersonId, alias, contactedAt, place, notes, concern);
    }

    private static string Clip(string value) => value.Length <= 12 ? value : value[..12];

    [GeneratedRegex(@"^\s*[Cc](?:\s+|$)")]
    private static partial Regex KeywordRegex();

    [GeneratedRegex(@"^[\p{L}\p{N}][\p{L}\p{N}'_-]{0,39}$")]
    private static partial Regex AliasRegex();

    [GeneratedRegex(@"^\d{4}$")]
    private static partial Regex TimeRegex();

    /// <summary>Either a contact or the reason it is not one.</summary>
    public readonly struct OneOf
    {
        private OneOf(ContactText? contact, ContactGrammarError? error) => (Contact, Error) = (contact, error);

        public ContactText? Contact { get; }
        public ContactGrammarError? Error { get; }

        public static implicit operator OneOf(ContactText contact) => new(contact, null);
        public static implicit operator OneOf(ContactGrammarError error) => new(null, error);
    }
}
