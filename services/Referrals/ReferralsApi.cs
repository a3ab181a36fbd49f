using MassTransit;
using Support.Messaging;
using Support.Registry;
using Support.Referrals.Data;
using Support.Referrals.Features.Assessments;
using Support.Referrals.Features.Cases;
using Support.Referrals.Features.Chronology;
using Support.Referrals.Features.CriticalIncidents;
using Support.Referrals.Features.CrossReferences;
using Support.Referrals.Features.Deadlines;
using Support.Referrals.Features.Disclosure;
using Support.Referrals.Features.SubjectAccess;
using Support.Referrals.Features.Escalations;
using Support.Referrals.Features.LinkProposals;
using Support.Referrals.Features.ManagerTasks;
using Support.Referrals.Features.OnCall;
using Support.Referrals.Features.OrganisedAbuse;
using Support.Referrals.Features.OwnRecord;
using Support.Referrals.Features.Placements;
using Support.Referrals.Features.UnmetNeeds;
using Support.Referrals.Features.PoliceOutcomes;
using Support.Referrals.Features.Referrals;
using Support.Referrals.Features.Retention;
using Support.Referrals.Features.RiskAssessments;
using Support.Referrals.Features.RiskReviews;
using Support.Referrals.Features.S47Pathways;
using Support.Referrals.Features.ShareRefusals;
using Support.Referrals.Features.SharingRelationships;
using Support.Referrals.Features.Staff;
using Support.Referrals.Features.StrategyMeetings;
using Support.Referrals.Features.YoungPeople;

namespace Support.Referrals;

/// <summary>The service's features in one place, so Program.cs only says what kind of service this is.</summary>
public static class ReferralsApi
{
    public const string ServiceName = "referrals";

    public static WebApplicationBuilder AddReferralsFeatures(this WebApplicationBuilder builder)
    {
        // Every consumer in this service (Consumers/), each with its declared inbox name, and the retention erasure every
        // service shares (REC-04).
        builder.AddSupportMessaging<ReferralsDbContext>(ServiceName, bus =>
        {
            bus.AddConsumers(typeof(ReferralsApi).Assembly);
            bus.AddRetentionErasureConsumer<ReferralsDbContext>(ServiceName);
        });
        builder.Services.AddOptions<S47Options>().BindConfiguration(S47Options.Section)
            .Validate(o => o.IsValid(), "S47: every deadline >= 1 and OrganisedAbuseThreshold >= 2.")
            .ValidateOnStart();
        builder.AddReferrals();
        builder.Services.AddCases();
        builder.AddCriticalIncidents();
        builder.AddEscalations();
        builder.AddPlacements();
        builder.AddAssessments();
        builder.AddRetention();
        DisclosureOptions.AddTo(builder);
        builder.Services.AddOptions<SupervisionOptions>().BindConfiguration(SupervisionOptions.Section)
            .Validate(o => o.IsValid(), "Supervision: 1 <= GapWeeks <= 52.")
            .ValidateOnStart();
        builder.Services.AddDeadlineJob<RiskReviewOverdueJob>()
            .AddDeadlineJob<S47StageOverdueJob>()
            .AddDeadlineJob<StrategyActionOverdueJob>()
            .AddDeadlineJob<VisitGapJob>();
        builder.Services.AddOptions<VisitGapOptions>().BindConfiguration(VisitGapOptions.Section)
            .Validate(o => o.IsValid(), "VisitGaps: 1 <= VeryHighDays <= HighDays <= MediumDays <= LowDays <= 366.")
            .ValidateOnStart();
        builder.Services.AddOptions<CaseloadOptions>().BindConfiguration(CaseloadOptions.Section)
            .Validate(o => o.IsValid(), "Caseloads: 1 <= LowWeight <= MediumWeight <= HighWeight <= VeryHighWeight <= 20, WeightedThreshold 1 to 1000.")
            .ValidateOnStart();
        return builder;
    }

    public static WebApplication MapReferralsApi(this WebApplication app)
    {
        app.MapYoungPeopleEndpoints();
        app.MapReferralEndpoints();
        app.MapRiskAssessmentEndpoints();
        app.MapPoliceOutcomeEndpoints();
        app.MapRiskReviewEndpoints();
        app.MapManagerTaskEndpoints();
        app.MapS47PathwayEndpoints();
        app.MapOnCallEndpoints();
        app.MapStrategyMeetingEndpoints();
        app.MapOrganisedAbuseEndpoints();
        app.MapLinkProposalEndpoints();
        app.MapCaseEndpoints();
        app.MapChronologyEndpoints();
        app.MapCriticalIncidentEndpoints();
        app.MapSharingRelationshipEndpoints();
        app.MapDisclosureEndpoints();
        app.MapSubjectAccessEndpoints();
        app.MapRetentionEndpoints();
        app.MapOwnRecordEndpoints();
        app.MapEscalationEndpoints();
        app.MapShareRefusalEndpoints();
        app.MapPlacementEndpoints();
        app.MapUnmetNeedEndpoints();
        app.MapCrossReferenceEndpoints();
        app.MapAssessmentEndpoints();
        app.MapStaffEndpoints();
        return app;
    }
}
