using Support.Contracts.Referrals;

namespace Support.Referrals.Domain.Referrals;

/// <summary>The documented response for one form of CSE (REF-05).</summary>
public sealed record ResponsePathway(string Code, string Name, string Response, bool AdultInvolvementAllowed);

/// <summary>
/// REF-05: each <see cref="CseType"/> has its own documented response, so image sharing between peers is not handled
/// like predation by adults, nor online grooming like street grooming. Only the peer pathway refuses an adult.
/// </summary>
public static class ResponsePathways
{
    private static readonly Dictionary<CseType, ResponsePathway> Pathways = new()
    {
        [CseType.StreetGrooming] = new("street-grooming", "Street grooming",
            "CSE team assessment; strategy discussion considered the same day; police disruption of the adults and places named.", true),
        [CseType.OnlineGrooming] = new("online-grooming", "Online grooming",
            "CSE team assessment with the police online child abuse team; preserve devices and accounts; online safety plan with the young person.", true),
        [CseType.PeerImageSharing] = new("peer-image-sharing", "Image sharing between peers",
            "Education-led safeguarding response with the school: image removal, advice to the young people and families, no adult involved. Re-route to another pathway if an adult is involved.", false),
        [CseType.OrganisedGroupOrGang] = new("organised-group", "Organised group or gang",
            "Organised or multiple abuse procedures (REF-13): strategy meeting chaired at service-manager grade or above, police intelligence, links between children checked.", true),
        [CseType.LoneOffenderOpenHouse] = new("open-house", "Lone offender or 'open house'",
            "CSE team assessment; strategy discussion; police and licensing disruption of the premises; other children attending identified.", true),
        [CseType.BoyfriendModel] = new("boyfriend-model", "'Boyfriend' model",
            "CSE team assessment; strategy discussion; relationship-based outreach that does not rely on the young person making a complaint (REF-08).", true),
        [CseType.Trafficking] = new("trafficking", "Trafficking",
            "Strategy discussion the same day; police; National Referral Mechanism considered; missing-from-home checks across areas.", true),
        [CseType.IntraFamilial] = new("intra-familial", "Intra-familial",
            "Child protection (s47) pathway with the locality team; the CSE team advises.", true),
        [CseType.Other] = new("cse-triage", "Other CSE",
            "CSE team triage to decide the response; the referral keeps its indicators.", true),
        [CseType.NotCse] = new("front-door", "Not CSE",
            "Children's social care front door; the CSE indicators recorded at intake stay on the record (REF-02).", true),
    };

    public static ResponsePathway For(CseType type) => Pathways[type];
}
