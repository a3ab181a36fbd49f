using Support.Referrals.Features.YoungPeople;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Features.Retention;

/// <summary>
/// Retention (REC-04, <c>RecordRetention</c>): nobody deletes a case record; the retention job removes a young person's
/// records across every service when the configured rule says, unless a legal hold stands, and leaves a tombstone.
/// Data protection officers and senior managers place and release holds and may start a pass; they and auditors read
/// the holds, the tombstones and the job's passes.
/// </summary>
public static class RetentionEndpoints
{
    public static readonly string[] RetentionOfficers = [Roles.DataProtectionOfficer, Roles.SeniorManager];
    public static readonly string[] RetentionReaders = [.. RetentionOfficers, Roles.Auditor];

    public static WebApplicationBuilder AddRetention(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section)
            .Validate(o => o.IsValid(), "Retention: LookedAfterUntilAge 25..120, OtherUntilAge 18..120, OtherYearsAfter 0..50, PassInterval 1 minute..1 day.")
            .ValidateOnStart();
        builder.Services.AddSingleton<RetentionJob>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RetentionJob>());
        return builder;
    }

    public static IEndpointRouteBuilder MapRetentionEndpoints(this IEndpointRouteBuilder app)
    {
        var holds = app.MapGroup("/api/referrals/young-people/{id:guid}/legal-holds").WithTags("Retention");
        holds.MapPost("/", LegalHolds.PlaceAsync).RequireAuthorization(p => p.RequireRole(RetentionOfficers))
            .WithName("PlaceLegalHold").WithSummary("Stop the retention job removing a young person's records, with a reason (REC-04)");
        holds.MapPost("/{holdId:guid}/release", LegalHolds.ReleaseAsync).RequireAuthorization(p => p.RequireRole(RetentionOfficers))
            .WithName("ReleaseLegalHold").WithSummary("Release a legal hold with a reason; the hold stays on record");
        holds.MapGet("/", LegalHolds.ListAsync).RequireAuthorization(p => p.RequireRole(RetentionReaders))
            .AuditsReadOf(YoungPeopleEndpoints.SubjectType)
            .WithName("ListLegalHolds").WithSummary("A young person's legal holds, standing and released");

        var retention = app.MapGroup("/api/referrals/retention").WithTags("Retention");
        retention.MapPost("/runs", RetentionRuns.StartAsync).RequireAuthorization(p => p.RequireRole(RetentionOfficers))
            .WithName("RunRetentionPass").WithSummary("Run a pass of the retention job now; recorded with who asked (REC-04)");
        retention.MapGet("/runs", RetentionRuns.ListAsync).RequireAuthorization(p => p.RequireRole(RetentionReaders))
            .WithName("ListRetentionRuns").WithSummary("The retention job's passes, newest first: when, by whom, how many removed and kept under a hold");
        retention.MapGet("/tombstones", Tombstones.ListAsync).RequireAuthorization(p => p.RequireRole(RetentionReaders))
            .WithName("ListRetentionTombstones").WithSummary("What was removed, when, under which rule, and each service's rows removed");
        return app;
    }
}
