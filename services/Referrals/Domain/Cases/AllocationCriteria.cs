using Support.Contracts.Referrals;

namespace Support.Referrals.Domain.Cases;

/// <summary>One allocation criterion: what a young person's situation must meet, and the team that then leads.</summary>
public sealed record AllocationCriterion(string Code, string Description, string LeadTeam);

/// <summary>
/// REF-06: allocation follows explicit, versioned criteria, never "arbitrary at times" (Casey). Every allocation
/// decision names the criterion it met and the version of this table. A new version is a new entry here; old versions
/// stay so decisions recorded under them can still be read.
/// </summary>
public static class AllocationCriteria
{
    public const string CseTeam = "CSE";
    public const string AssessmentTeam = "Assessment";

    public const string Current = "2026.1";

    private static readonly Dictionary<string, IReadOnlyList<AllocationCriterion>> Versions = new(StringComparer.Ordinal)
    {
        [Current] =
        [
            new("CseCaseOpened", "The front-door decision was to open a CSE case.", CseTeam),
            new("S47EnquiryCse", "Reasonable cause to suspect significant harm from sexual exploitation: s47 enquiry (REF-10).", CseTeam),
            new("ChildInNeedAssessment", "A child in need assessment (s17) with CSE indicators below the s47 threshold.", AssessmentTeam),
            new("RiskHighOrAbove", "The risk rule table rates the young person High or VeryHigh (REF-14).", CseTeam),
            new("OrganisedAbuseLink", "Linked to another young person through the same alleged perpetrator, vehicle, phone or address (REF-13).", CseTeam),
            new("PeerOnlyHarmfulSexualBehaviour", "Peer-on-peer concerns with no adult involved (REF-05 peer pathway).", AssessmentTeam),
        ],
    };

    public static IReadOnlyCollection<string> KnownVersions => Versions.Keys;

    public static AllocationCriterion? Find(string version, string code) =>
        Versions.TryGetValue(version, out var criteria) ? criteria.FirstOrDefault(c => c.Code == code) : null;

    public static bool IsKnownVersion(string version) => Versions.ContainsKey(version);

    /// <summary>The criterion a front-door outcome meets under the current version; null if the outcome opens no case.</summary>
    public static AllocationCriterion? ForOutcome(ReferralOutcome outcome) => outcome switch
    {
        ReferralOutcome.CseCaseOpened => Find(Current, "CseCaseOpened"),
        ReferralOutcome.S47Enquiry => Find(Current, "S47EnquiryCse"),
        ReferralOutcome.ChildInNeedAssessment => Find(Current, "ChildInNeedAssessment"),
        _ => null,
    };
}
