using System.Security.Claims;
using Microsoft.Extensions.Configuration;
using Support.Contracts.Registry;
using Support.ServiceDefaults.Auth;

namespace Support.ServiceDefaults.Access;

/// <summary>
/// The information-sharing protocol (REC-11, MA-01): which roles are partners outside the case team, which
/// relationships to a young person their access may come from, and the purpose and lawful basis every share under it
/// records. A caller holding any case-team role keeps the case team's access; a caller whose only case-staff roles are
/// partner roles sees only the young people they are related to. Configured under <c>InformationSharing</c>
/// (README, "Information sharing"); without that section the default below applies.
/// </summary>
public sealed class InformationSharingProtocol
{
    public const string Section = "InformationSharing";

    /// <summary>A name for the agreement the partners signed, shown with every share.</summary>
    public string Name { get; set; } = "";

    /// <summary>Partner role code → its terms.</summary>
    public Dictionary<string, PartnerTerms> Partners { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Carers see the young people placed with them; school safeguarding leads their pupils and the young people they
    /// referred; health partners the young people they referred. Each sees a young person whose assessment they were
    /// invited to contribute to until they answer (REF-17). Anything else needs a time-limited grant.
    /// </summary>
    public static InformationSharingProtocol Default => new()
    {
        Name = "Default multi-agency safeguarding information-sharing protocol",
        Partners = new(StringComparer.Ordinal)
        {
            [Roles.Carer] = new()
            {
                Relationships = [SharingRelationshipKind.Placement, SharingRelationshipKind.Grant, SharingRelationshipKind.AssessmentInvitation],
                Purpose = "Day-to-day care and safety of a young person placed with the carer",
                LawfulBasis = SafeguardingBasis,
            },
            [Roles.SchoolSafeguardingLead] = new()
            {
                Relationships = [SharingRelationshipKind.School, SharingRelationshipKind.ReferralMade, SharingRelationshipKind.Grant, SharingRelationshipKind.AssessmentInvitation],
                Purpose = "Safeguarding a pupil, or following up a referral the school made",
                LawfulBasis = SafeguardingBasis,
            },
            [Roles.HealthPartner] = new()
            {
                Relationships = [SharingRelationshipKind.ReferralMade, SharingRelationshipKind.Grant, SharingRelationshipKind.AssessmentInvitation],
                Purpose = "Health care and safeguarding of a young person the health partner referred or was asked to support",
                LawfulBasis = SafeguardingBasis,
            },
        },
    };

    private const string SafeguardingBasis =
        "UK GDPR Art. 6(1)(e) public task; Art. 9(2)(g) with DPA 2018 Sch. 1 para. 18 (safeguarding of children and individuals at risk)";

    public static InformationSharingProtocol From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var protocol = section.Exists() ? section.Get<InformationSharingProtocol>() ?? Default : Default;
        foreach (var (role, terms) in protocol.Partners)
        {
            if (string.IsNullOrWhiteSpace(terms.Purpose) || string.IsNullOrWhiteSpace(terms.LawfulBasis) || terms.Relationships.Count == 0)
            {
                // A share without a purpose and lawful basis is what REC-11 forbids: refuse to start rather than share.
                throw new InvalidOperationException(
                    $"{Section}:Partners:{role} needs Relationships, Purpose and LawfulBasis.");
            }
        }
        return protocol;
    }

    /// <summary>
    /// The terms that govern this caller's reads, or null when the caller holds a case-team role (or no case-staff role
    /// at all, which the endpoints' role policies already refuse).
    /// </summary>
    public PartnerTerms? TermsFor(ClaimsPrincipal user)
    {
        var caseStaffRoles = user.RoleCodes().Where(r => Roles.CaseStaff.Contains(r)).ToList();
        if (caseStaffRoles.Count == 0 || caseStaffRoles.Any(r => !Partners.ContainsKey(r)))
        {
            return null;
        }
        var terms = caseStaffRoles.Select(r => Partners[r]).ToList();
        return terms.Count == 1
            ? terms[0]
            : new PartnerTerms
            {
                Relationships = [.. terms.SelectMany(t => t.Relationships).Distinct()],
                Purpose = string.Join("; ", terms.Select(t => t.Purpose).Distinct()),
                LawfulBasis = string.Join("; ", terms.Select(t => t.LawfulBasis).Distinct()),
            };
    }
}

/// <summary>What one partner role may see and on what terms.</summary>
public sealed class PartnerTerms
{
    public List<SharingRelationshipKind> Relationships { get; set; } = [];
    public string Purpose { get; set; } = "";
    public string LawfulBasis { get; set; } = "";
}
