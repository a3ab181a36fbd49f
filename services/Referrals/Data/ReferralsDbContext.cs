using Microsoft.EntityFrameworkCore;
using Support.Messaging;
using Support.Registry;
using Support.Referrals.Domain;
using Support.Referrals.Domain.OrganisedAbuse;
using Support.Referrals.Domain.Cases;
using Support.Referrals.Domain.Placements;
using Support.Referrals.Domain.UnmetNeeds;
using Support.Referrals.Domain.Chronology;
using Support.Referrals.Domain.CrossReferences;
using Support.Referrals.Domain.Disclosure;
using Support.Referrals.Domain.OnCall;
using Support.Referrals.Domain.PoliceOutcomes;
using Support.Referrals.Domain.Referrals;
using Support.Referrals.Domain.Risk;
using Support.Referrals.Domain.S47;
using Support.Referrals.Domain.StrategyMeetings;
using Support.ServiceDefaults.Data;

namespace Support.Referrals.Data;

public sealed class ReferralsDbContext(DbContextOptions<ReferralsDbContext> options) : DbContext(options)
{
    public const string Schema = "referrals";

    public DbSet<YoungPerson> YoungPeople => Set<YoungPerson>();
    public DbSet<YoungPersonDetails> YoungPersonDetails => Set<YoungPersonDetails>();
    /// <summary>The young person's date of birth as the registry holds it now (the latest details version), or null if unknown.</summary>
    public Task<DateOnly?> DateOfBirthOfAsync(Guid youngPersonId, CancellationToken cancellationToken) =>
        YoungPersonDetails.Where(d => d.YoungPersonId == youngPersonId).OrderByDescending(d => d.Version)
            .Select(d => (DateOnly?)d.DateOfBirth).FirstOrDefaultAsync(cancellationToken);

    public DbSet<FamilyRelationship> FamilyRelationships => Set<FamilyRelationship>();
    public DbSet<CrossReference> CrossReferences => Set<CrossReference>();
    public DbSet<CrossReferenceAcknowledgement> CrossReferenceAcknowledgements => Set<CrossReferenceAcknowledgement>();
    public DbSet<CaseVisit> CaseVisits => Set<CaseVisit>();
    public DbSet<CaseSupervision> CaseSupervisions => Set<CaseSupervision>();
    public DbSet<Placement> Placements => Set<Placement>();
    public DbSet<PlacementEnding> PlacementEndings => Set<PlacementEnding>();
    public DbSet<PlacementRefusal> PlacementRefusals => Set<PlacementRefusal>();
    public DbSet<UnmetNeed> UnmetNeeds => Set<UnmetNeed>();
    public DbSet<UnmetNeedMet> UnmetNeedsMet => Set<UnmetNeedMet>();
    public DbSet<RiskToOthersFlag> RiskToOthersFlags => Set<RiskToOthersFlag>();
    public DbSet<RiskToOthersWithdrawal> RiskToOthersWithdrawals => Set<RiskToOthersWithdrawal>();
    public DbSet<PlacementMatchingAssessment> PlacementMatchingAssessments => Set<PlacementMatchingAssessment>();
    public DbSet<PlacementMatchingDecision> PlacementMatchingDecisions => Set<PlacementMatchingDecision>();
    public DbSet<BarredPerson> BarredPersons => Set<BarredPerson>();
    public DbSet<BarredPersonRemoval> BarredPersonRemovals => Set<BarredPersonRemoval>();
    public DbSet<BarredContactReport> BarredContactReports => Set<BarredContactReport>();
    public DbSet<VisitGapNotice> VisitGapNotices => Set<VisitGapNotice>();
    public DbSet<RiskReview> RiskReviews => Set<RiskReview>();
    public DbSet<CurrentRiskLevel> CurrentRiskLevels => Set<CurrentRiskLevel>();
    public DbSet<S47Pathway> S47Pathways => Set<S47Pathway>();
    public DbSet<S47StageTransition> S47StageTransitions => Set<S47StageTransition>();
    public DbSet<StrategyMeeting> StrategyMeetings => Set<StrategyMeeting>();
    public DbSet<StrategyAction> StrategyActions => Set<StrategyAction>();
    public DbSet<StrategyActionCompletion> StrategyActionCompletions => Set<StrategyActionCompletion>();
    public DbSet<StrategyActionDeferral> StrategyActionDeferrals => Set<StrategyActionDeferral>();
    public DbSet<StrategyActionOverdueNotice> StrategyActionOverdueNotices => Set<StrategyActionOverdueNotice>();
    public DbSet<OnCallShift> OnCallShifts => Set<OnCallShift>();
    public DbSet<StrategyMeetingAddendum> StrategyMeetingAddenda => Set<StrategyMeetingAddendum>();
    public DbSet<YoungPersonLink> YoungPersonLinks => Set<YoungPersonLink>();
    public DbSet<OrganisedAbuseNetwork> OrganisedAbuseNetworks => Set<OrganisedAbuseNetwork>();
    public DbSet<OrganisedAbuseFlag> OrganisedAbuseFlags => Set<OrganisedAbuseFlag>();
    public DbSet<RiskAssessment> RiskAssessments => Set<RiskAssessment>();
    public DbSet<RiskAssessmentCountersignature> RiskAssessmentCountersignatures => Set<RiskAssessmentCountersignature>();
    public DbSet<YoungPersonLegalFlag> LegalFlags => Set<YoungPersonLegalFlag>();
    public DbSet<ManagerTask> ManagerTasks => Set<ManagerTask>();
    public DbSet<ManagerTaskCompletion> ManagerTaskCompletions => Set<ManagerTaskCompletion>();
    public DbSet<RiskReviewCompletion> RiskReviewCompletions => Set<RiskReviewCompletion>();
    public DbSet<MissingEpisodeSeen> MissingEpisodesSeen => Set<MissingEpisodeSeen>();
    public DbSet<ChronologyEntry> ChronologyEntries => Set<ChronologyEntry>();
    public DbSet<ChronologyHead> ChronologyHeads => Set<ChronologyHead>();
    public DbSet<Referral> Referrals => Set<Referral>();
    public DbSet<PoliceOutcome> PoliceOutcomes => Set<PoliceOutcome>();
    public DbSet<DisclosurePack> DisclosurePacks => Set<DisclosurePack>();
    public DbSet<Redaction> Redactions => Set<Redaction>();
    public DbSet<PackContribution> PackContributions => Set<PackContribution>();
    public DbSet<SubjectAccessRequest> SubjectAccessRequests => Set<SubjectAccessRequest>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.StoreInstantsAsUtc();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.AddOutboxAndInbox().AddAccessLog().AddErasedYoungPeople();

        modelBuilder.Entity<YoungPerson>(e =>
        {
            e.HasKey(x => x.Id);
            // Ids are made by the domain (version 7 Guids); EF must never mistake a new row for an existing one.
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.RecordedBy).HasMaxLength(200);
            e.HasMany(x => x.Details).WithOne().HasForeignKey(d => d.YoungPersonId);
            e.Navigation(x => x.Details).HasField("_details").UsePropertyAccessMode(PropertyAccessMode.Field);
            e.Ignore(x => x.Current);
        });
        modelBuilder.Entity<YoungPersonDetails>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            // Two corrections racing for the same version: one wins, the other gets a 409.
            e.HasIndex(x => new { x.YoungPersonId, x.Version }).IsUnique();
            e.HasIndex(x => x.DateOfBirth);
            e.Property(x => x.GivenName).HasMaxLength(100);
            e.Property(x => x.FamilyName).HasMaxLength(100);
            e.Property(x => x.PreferredName).HasMaxLength(100);
            e.Property(x => x.GenderDescription).HasMaxLength(100);
            e.Property(x => x.Ethnicity).HasMaxLength(100);
            e.Property(x => x.LocalArea).HasMaxLength(100);
            e.Property(x => x.CorrectionReason).HasMaxLength(1000);
            e.Property(x => x.RecordedBy).HasMaxLength(200);
            e.Property(x => x.RecordedByRole).HasMaxLength(100);
            e.Property(x => x.Gender).HasConversion<string>().HasMaxLength(32);
            e.Ignore(x => x.DisplayName);
        });
        modelBuilder.Entity<RiskReview>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Trigger).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.TriggerReference).HasMaxLength(2000);
            e.PrimitiveCollection(x => x.Indicators).ElementType().HasConversion<string>();
            e.Property(x => x.Owner).HasMaxLength(200);
            e.Property(x => x.Reason).HasMaxLength(2000);
            e.Property(x => x.RecordedBy).HasMaxLength(200);
            // One review per trigger, however many times the trigger is delivered (REF-16).
            e.HasIndex(x => new { x.Trigger, x.TriggerReference }).IsUnique();
            e.HasIndex(x => new { x.YoungPersonId, x.Status });
            e.HasIndex(x => new { x.Status, x.DueAt });
        });

        // Each feature keeps its entities' mapping in Data/Configurations/<Entity>Configuration.cs.
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ReferralsDbContext).Assembly);
    }
}
