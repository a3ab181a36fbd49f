using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Features.Disclosure;

/// <summary>
/// Subject access and case-review packs (REC-08, REC-09, REC-10, issue 16 item 3): an auditor or the data protection
/// officer makes a complete copy of one young person's record, redacts it for a recipient with a reason for every
/// redaction, and reads the original and the redacted version side by side. Every pack read is a read of the record.
/// </summary>
public static class DisclosureEndpoints
{
    /// <summary>Who makes, redacts and reads disclosure packs.</summary>
    public static readonly string[] DisclosureRoles = [Roles.Auditor, Roles.DataProtectionOfficer];

    public static IEndpointRouteBuilder MapDisclosureEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/referrals/young-people/{id:guid}/disclosure-packs", MakeDisclosurePack.HandleAsync)
            .RequireAuthorization(p => p.RequireRole(DisclosureRoles)).WithTags("Disclosure").WithName("MakeDisclosurePack")
            .WithSummary("Make a complete pack of one young person's record for subject access, a case review or an audit (REC-10)");
        app.MapGet("/api/referrals/young-people/{id:guid}/disclosure-packs", ListDisclosurePacks.HandleAsync)
            .RequireAuthorization(p => p.RequireRole(DisclosureRoles)).WithTags("Disclosure").WithName("ListDisclosurePacks")
            .WithSummary("The packs made of one young person's record, newest first, as manifests (audited)");
        var pack = app.MapGroup("/api/referrals/disclosure-packs/{packId:guid}")
            .RequireAuthorization(p => p.RequireRole(DisclosureRoles)).WithTags("Disclosure");
        pack.MapGet("/", GetDisclosurePack.HandleAsync).WithName("GetDisclosurePack")
            .WithSummary("The pack: original, redacted, or both side by side, with every redaction's reason and author (audited)");
        pack.MapPost("/redactions", RedactDisclosurePack.HandleAsync).WithName("RedactDisclosurePack")
            .WithSummary("Withhold a span of one item, or every occurrence of a text, from the recipient, with the reason (REC-09)");
        return app;
    }
}
