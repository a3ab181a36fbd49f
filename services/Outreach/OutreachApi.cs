using MassTransit;
using Support.Messaging;
using Support.Registry;
using Support.Outreach.Data;
using Support.Outreach.Features.Aliases;
using Support.Outreach.Features.Contacts;
using Support.Outreach.Features.DisclosurePacks;
using Support.Outreach.Features.Information;
using Support.Outreach.Features.Involvements;
using Support.Outreach.Features.Locations;
using Support.Outreach.Features.Prevention;
using Support.Outreach.Features.Referrals;
using Support.Outreach.Features.Reports;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Load;

namespace Support.Outreach;

/// <summary>The service's features in one place, so Program.cs only says what kind of service this is.</summary>
public static class OutreachApi
{
    /// <summary>Who records outreach work: outreach workers and their managers.</summary>
    public const string OutreachStaff = nameof(OutreachStaff);

    public static WebApplicationBuilder AddOutreachFeatures(this WebApplicationBuilder builder)
    {
        builder.AddSupportMessaging<OutreachDbContext>("outreach", bus =>
        {
            bus.AddRegistryProjectionConsumers<OutreachDbContext>("outreach");
            bus.AddDisclosureContribution<OutreachDbContext, RecordsForDisclosure>("outreach");
            bus.AddConsumers(typeof(OutreachApi).Assembly);
        });
        builder.Services.AddOptions<OutreachOptions>().BindConfiguration(OutreachOptions.Section)
            .Validate(o => o.IsValid(), "Outreach: LateRecordingHours >= 1, NoContactAlertDays >= 1, NoContactCheckInterval > 0, EndNeedsManagerWithinMonths >= 0.")
            .ValidateOnStart();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(OutreachStaff, p => p.RequireRole(Roles.OutreachWorker, Roles.TeamManager, Roles.SeniorManager));
        // OUT-01: phones on a bad signal send contacts in bursts (a queue flushed when the signal returns), and a burst
        // after a start meets code not yet compiled: contacts wait their turn instead of all taking the database at once.
        builder.AddBurstQueue();
        builder.Services.AddHostedService<NoContactAlertJob>();
        // Tests resolve the same instance to run a pass.
        builder.Services.AddSingleton<HotspotCountUpkeep>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<HotspotCountUpkeep>());
        return builder;
    }

    public static WebApplication MapOutreachApi(this WebApplication app)
    {
        app.MapRegistryProjection<OutreachDbContext>("outreach");
        app.MapLocationEndpoints();
        app.MapContactEndpoints();
        app.MapAliasEndpoints();
        app.MapInformationEndpoints();
        app.MapReferralTrackingEndpoints();
        app.MapInvolvementEndpoints();
        app.MapPreventionEndpoints();
        app.MapReportEndpoints();
        return app;
    }
}
