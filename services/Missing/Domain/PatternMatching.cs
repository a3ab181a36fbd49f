using System.Text;
using System.Text.RegularExpressions;

namespace Support.Missing.Domain;

/// <summary>An episode's matchable text, keyed by the API's field names.</summary>
public sealed record EpisodeText(Guid EpisodeId, Guid YoungPersonId, IReadOnlyDictionary<string, string?> Fields)
{
    public const string LastSeenLocation = "lastSeenLocation";
    public const string BelievedWith = "believedWith";
    public const string WhereFound = "whereFound";
    public const string FoundWith = "foundWith";
    public const string HowReturned = "howReturned";

    public static readonly IReadOnlyList<string> ReportFields = [LastSeenLocation, BelievedWith];
    public static readonly IReadOnlyList<string> ReturnFields = [WhereFound, FoundWith, HowReturned];

    public static EpisodeText Of(MissingEpisode e) => new(e.Id, e.YoungPersonId, new Dictionary<string, string?>
    {
        [LastSeenLocation] = e.LastSeenLocation,
        [BelievedWith] = e.BelievedWith,
        [WhereFound] = e.WhereFound,
        [FoundWith] = e.FoundWith,
        [HowReturned] = e.HowReturned,
    });
}

/// <summary>One term shared by an episode and another episode or a notice.</summary>
public sealed record PatternMatch(string Term, IReadOnlyList<string> MatchedOn, IReadOnlyList<string> LinkedFields);

/// <summary>
/// MIS-05: the simple, explainable matching rule. Text is normalised (lower case, punctuation turned into spaces,
/// whitespace collapsed); vehicle registrations are compared as their letters and digits only.
/// <list type="bullet">
/// <item>Episode with episode: a whole location field (<c>lastSeenLocation</c>, <c>whereFound</c>) equal to a whole
/// location field of the other; a whole associate field (<c>believedWith</c>, <c>foundWith</c>) equal to a whole
/// associate field of the other; or a vehicle registration (current UK format, e.g. <c>RB61 XYZ</c>) written in any of
/// the five fields of both. Uninformative values (<c>unknown</c>, <c>home</c>, <c>alone</c>, ...) and values under four
/// characters never match. <c>howReturned</c> is compared only by registration ("brought back by police" is common).</item>
/// <item>Episode with an abduction notice: the subject's name, a nickname or an address, normalised, appearing as
/// whole words in any of the fields; or a registration from the notice appearing, without spaces, in any field.</item>
/// </list>
/// </summary>
public static partial class PatternMatching
{
    private static readonly string[] Locations = [EpisodeText.LastSeenLocation, EpisodeText.WhereFound];
    private static readonly string[] Associates = [EpisodeText.BelievedWith, EpisodeText.FoundWith];

    private static readonly HashSet<string> Uninformative = new(StringComparer.Ordinal)
    {
        "unknown", "not known", "none", "no one", "nobody", "alone", "on own", "on their own", "home", "n a", "not stated", "not given",
    };

    public const int MinimumLength = 4;

    /// <summary>Lower case, every punctuation or symbol character a space, whitespace collapsed and trimmed.</summary>
    public static string Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
                space = false;
            }
            else if (!space && builder.Length > 0)
            {
                builder.Append(' ');
                space = true;
            }
        }
        return builder.ToString().TrimEnd();
    }

    /// <summary>A registration as its letters and digits only, upper case ("rb61-xyz" and "RB61 XYZ" are both "RB61XYZ").</summary>
    public static string CompactRegistration(string? text) =>
        string.IsNullOrWhiteSpace(text) ? "" : new string(text.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());

    /// <summary>Current-format UK registrations written in <paramref name="text"/>, compacted.</summary>
    public static IEnumerable<string> RegistrationsIn(string? text) =>
        RegistrationPattern().Matches(Normalise(text)).Select(m => CompactRegistration(m.Value));

    /// <summary>
    /// Terms <paramref name="episode"/>'s <paramref name="fields"/> share with any field of <paramref name="other"/>,
    /// one match per term.
    /// </summary>
    public static IReadOnlyList<PatternMatch> Match(EpisodeText episode, IReadOnlyList<string> fields, EpisodeText other)
    {
        var found = new Dictionary<string, (HashSet<string> Mine, HashSet<string> Theirs)>(StringComparer.Ordinal);
        void Add(string term, string mine, string theirs)
        {
            if (!found.TryGetValue(term, out var entry))
            {
                found[term] = entry = ([], []);
            }
            entry.Mine.Add(mine);
            entry.Theirs.Add(theirs);
        }

        foreach (var field in fields)
        {
            var value = Normalise(episode.Fields.GetValueOrDefault(field));
            var group = Locations.Contains(field) ? Locations : Associates.Contains(field) ? Associates : [];
            if (IsInformative(value))
            {
                foreach (var theirs in group.Where(f => Normalise(other.Fields.GetValueOrDefault(f)) == value))
                {
                    Add(value, field, theirs);
                }
            }
            foreach (var registration in RegistrationsIn(episode.Fields.GetValueOrDefault(field)))
            {
                foreach (var (theirs, text) in other.Fields)
                {
                    if (RegistrationsIn(text).Contains(registration))
                    {
                        Add(registration, field, theirs);
                    }
                }
            }
        }
        return found.Select(f => new PatternMatch(f.Key, Sorted(f.Value.Mine), Sorted(f.Value.Theirs))).ToList();
    }

    /// <summary>Terms of <paramref name="notice"/> that appear in <paramref name="episode"/>'s <paramref name="fields"/>, one match per term.</summary>
    public static IReadOnlyList<PatternMatch> Match(EpisodeText episode, IReadOnlyList<string> fields, AbductionNotice notice)
    {
        var terms = new List<(string Term, string Part, bool Registration)>();
        terms.Add((Normalise(notice.SubjectName), "subjectName", false));
        terms.AddRange(notice.SubjectNicknames.Select(n => (Normalise(n), "subjectNicknames", false)));
        terms.AddRange(notice.Addresses.Select(a => (Normalise(a), "addresses", false)));
        terms.AddRange(notice.VehicleRegistrations.Select(r => (CompactRegistration(r), "vehicleRegistrations", true)));

        var matches = new List<PatternMatch>();
        foreach (var group in terms.Where(t => t.Term.Length > 0).GroupBy(t => (t.Term, t.Registration)))
        {
            var matchedOn = fields.Where(field =>
            {
                var text = episode.Fields.GetValueOrDefault(field);
                return group.Key.Registration
                    ? CompactRegistration(text).Contains(group.Key.Term, StringComparison.Ordinal)
                    : $" {Normalise(text)} ".Contains($" {group.Key.Term} ", StringComparison.Ordinal);
            }).ToList();
            if (matchedOn.Count > 0)
            {
                matches.Add(new PatternMatch(group.Key.Term, Sorted(matchedOn), Sorted(group.Select(t => t.Part))));
            }
        }
        return matches;
    }

    private static bool IsInformative(string normalised) => normalised.Length >= MinimumLength && !Uninformative.Contains(normalised);

    private static List<string> Sorted(IEnumerable<string> values) => values.Distinct().Order(StringComparer.Ordinal).ToList();

    [GeneratedRegex(@"\b[a-z]{2}[0-9]{2} ?[a-z]{3}\b")]
    private static partial Regex RegistrationPattern();
}
