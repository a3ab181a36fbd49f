using System.Security.Claims;
using Microsoft.Extensions.Configuration;
using Support.Contracts.Registry;
using Support.ServiceDefaults.Access;
using Support.ServiceDefaults.Auth;

namespace Support.Messaging.Tests.Access;

/// <summary>REC-11: the protocol is configuration, every partner's terms carry a purpose and lawful basis, and only a caller with no case-team role is a partner.</summary>
public sealed class InformationSharingProtocolTests
{
    private static ClaimsPrincipal User(params string[] roles) =>
        new(new ClaimsIdentity([new Claim(SupportAuthentication.SubjectClaim, "u"), .. roles.Select(r => new Claim(SupportAuthentication.RoleClaim, r))],
            "test", SupportAuthentication.SubjectClaim, SupportAuthentication.RoleClaim));

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    [Fact]
    public void A_configured_protocol_replaces_the_default_and_binds_relationship_kinds_by_name()
    {
        var protocol = InformationSharingProtocol.From(Configuration(new()
        {
            ["InformationSharing:Name"] = "Test protocol",
            ["InformationSharing:Partners:SchoolSafeguardingLead:Relationships:0"] = "Grant",
            ["InformationSharing:Partners:SchoolSafeguardingLead:Purpose"] = "Pupil safety",
            ["InformationSharing:Partners:SchoolSafeguardingLead:LawfulBasis"] = "Art. 6(1)(e)",
        }));

        var terms = protocol.TermsFor(User(Roles.SchoolSafeguardingLead));
        Assert.Equal([SharingRelationshipKind.Grant], terms!.Relationships);
        Assert.Equal("Pupil safety", terms.Purpose);
        // Carers are not in this protocol: as any case-staff role outside it, they keep the case team's access.
        Assert.Null(protocol.TermsFor(User(Roles.Carer)));
    }

    [Fact]
    public void A_partner_without_a_lawful_basis_stops_the_service_from_starting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => InformationSharingProtocol.From(Configuration(new()
        {
            ["InformationSharing:Partners:Carer:Relationships:0"] = "Placement",
            ["InformationSharing:Partners:Carer:Purpose"] = "Care",
        })));
        Assert.Contains("Partners:Carer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_a_caller_whose_every_case_staff_role_is_a_partner_role_is_checked_and_their_terms_are_combined()
    {
        var protocol = InformationSharingProtocol.From(Configuration([]));

        Assert.Null(protocol.TermsFor(User(Roles.Carer, Roles.SocialWorker)));
        Assert.Null(protocol.TermsFor(User(Roles.Commissioner)));
        var both = protocol.TermsFor(User(Roles.Carer, Roles.HealthPartner));
        Assert.Equal(
            new[] { SharingRelationshipKind.Placement, SharingRelationshipKind.Grant, SharingRelationshipKind.ReferralMade, SharingRelationshipKind.AssessmentInvitation }.Order(),
            both!.Relationships.Order());
        Assert.Equal(protocol.Partners[Roles.Carer].LawfulBasis, both.LawfulBasis);
    }
}
