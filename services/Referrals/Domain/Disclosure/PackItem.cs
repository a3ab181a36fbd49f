using Support.Registry;

namespace Support.Referrals.Domain.Disclosure;

/// <summary>
/// One record in a disclosure pack, as it stood when the pack was made: its section, when it happened, where it came
/// from (REC-10 "with provenance") and its text fields by name. Redactions point at a field of an item.
/// </summary>
public sealed record PackItem(
    string Id, string Section, DateTimeOffset? OccurredAt, PackProvenance Provenance, IReadOnlyDictionary<string, string> Text);

/// <summary>Which service recorded it, who signed it and when (REC-01).</summary>
public sealed record PackProvenance(string Service, string? RecordedBy, string? RecordedByRole, DateTimeOffset? RecordedAt);

/// <summary>The sections of a pack, in the order they are shown.</summary>
public static class PackSections
{
    /// <summary>Every chronology entry: every service's events, cross-references (REF-19) and case notes, corrections beside them.</summary>
    public const string Chronology = "chronology";
    /// <summary>The decisions of finalised strategy meetings about the young person (REF-12).</summary>
    public const string MeetingDecisions = "meeting-decisions";
    /// <summary>
    /// The young person's views in their own words (issue 16 item 4): as the meetings recorded them, and as the other
    /// services' parts of the pack give them (a return interview's account, a text marked as their views, handover wishes).
    /// </summary>
    public const string OwnWords = DisclosedSections.OwnWords;
    /// <summary>Every other record another service keeps about them, word for word, from that service's part of the pack.</summary>
    public const string ServiceRecords = DisclosedSections.ServiceRecords;
    /// <summary>Persons of concern, vehicles, phones and places linked to the young person (REF-13).</summary>
    public const string Links = "links";
    public const string PoliceOutcomes = "police-outcomes";

    public static readonly IReadOnlyList<string> All = [OwnWords, Chronology, MeetingDecisions, ServiceRecords, Links, PoliceOutcomes];
}
