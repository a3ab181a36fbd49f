using Microsoft.EntityFrameworkCore;
using Support.Messaging;
using Support.Registry;
using Support.ServiceDefaults.Data;
using Support.Therapy.Domain;

namespace Support.Therapy.Data;

/// <summary>The Therapy service's own database (CAMHS and therapy commissioning, and unmet need); it shares no table with any other service.</summary>
public sealed class TherapyDbContext(DbContextOptions<TherapyDbContext> options) : DbContext(options)
{
    public const string Schema = "therapy";

    public DbSet<KnownYoungPerson> KnownYoungPeople => Set<KnownYoungPerson>();
    public DbSet<Provider> Providers => Set<Provider>();
    public DbSet<Offer> Offers => Set<Offer>();
    public DbSet<TherapyReferral> Referrals => Set<TherapyReferral>();
    public DbSet<KeyWorkerTask> Tasks => Set<KeyWorkerTask>();
    public DbSet<RiskPicture> RiskPictures => Set<RiskPicture>();
    public DbSet<KeyWorker> KeyWorkers => Set<KeyWorker>();
    public DbSet<UnmetNeedEntry> UnmetNeeds => Set<UnmetNeedEntry>();
    public DbSet<HealthIndicator> HealthIndicators => Set<HealthIndicator>();
    public DbSet<ServiceFeedback> Feedback => Set<ServiceFeedback>();

    /// <summary>Each answer's latest version: what the lists and the report count (a corrected version is kept, not counted).</summary>
    public IQueryable<ServiceFeedback> CurrentFeedback => Feedback.Where(f => !Feedback.Any(c => c.Corrects == f.Id));
    public DbSet<HistoricImport> HistoricImports => Set<HistoricImport>();
    public DbSet<HistoricFigure> HistoricFigures => Set<HistoricFigure>();
    public DbSet<ReferralDemand> ReferralDemand => Set<ReferralDemand>();
    public DbSet<ReferralReclassification> ReferralReclassifications => Set<ReferralReclassification>();
    public DbSet<CommissioningFact> CommissioningFacts => Set<CommissioningFact>();
    public DbSet<TriggerDayCount> TriggerDayCounts => Set<TriggerDayCount>();
    public DbSet<TriggerLateCount> TriggerLateCounts => Set<TriggerLateCount>();
    public DbSet<ReferralMonthCount> ReferralMonthCounts => Set<ReferralMonthCount>();
    public DbSet<ReferralYearPerson> ReferralYearPeople => Set<ReferralYearPerson>();
    public DbSet<TriggerYearPerson> TriggerYearPeople => Set<TriggerYearPerson>();
    public DbSet<TriggerYearPeopleCount> TriggerYearPeopleCounts => Set<TriggerYearPeopleCount>();
    public DbSet<TriggerYearAnyPerson> TriggerYearAnyPeople => Set<TriggerYearAnyPerson>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.StoreInstantsAsUtc();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.AddOutboxAndInbox().AddAccessLog().AddRegistryProjection();

        modelBuilder.Entity<Provider>(e =>
        {
            e.ToTable("providers");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Name).HasMaxLength(200);
            e.HasIndex(x => x.Name).IsUnique();
            e.Property(x => x.ReferralRoute).HasMaxLength(500);
            e.Property(x => x.RecordedBy).HasMaxLength(200);
        });
        modelBuilder.Entity<Offer>(e =>
        {
            e.ToTable("offers");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasOne<Provider>().WithMany().HasForeignKey(x => x.ProviderId);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Type).HasConversion<string>().HasMaxLength(40);
            e.PrimitiveCollection(x => x.Settings).ElementType().HasConversion<string>();
            e.Property(x => x.Eligibility).HasMaxLength(4000);
            e.Property(x => x.IntendedOutcomes).HasMaxLength(4000);
            e.Property(x => x.RecordedBy).HasMaxLength(200);
            e.OwnsMany(x => x.Funding, f =>
            {
                f.ToTable("offer_funding");
                f.WithOwner().HasForeignKey("OfferId");
                f.Property<int>("Id");
                f.HasKey("Id");
                f.Property(x => x.Amount).HasPrecision(14, 2);
                f.Property(x => x.FundedFte).HasPrecision(6, 2);
                f.Property(x => x.Source).HasConversion<string>().HasMaxLength(20);
            });
        });
        modelBuilder.Entity<TherapyReferral>(e =>
        {
            e.ToTable("referrals");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasOne<Offer>().WithMany().HasForeignKey(x => x.OfferId);
            e.Property(x => x.OfferType).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.ReasonForReferral).HasMaxLength(4000);
            e.Property(x => x.RiskLevel).HasConversion<string>().HasMaxLength(20);
            e.PrimitiveCollection(x => x.Indicators).ElementType().HasConversion<string>();
            e.Property(x => x.RecordedBy).HasMaxLength(200);
            e.Property(x => x.RecordedByRole).HasMaxLength(100);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.OutcomeRecordedBy).HasMaxLength(200);
            e.Property(x => x.DeclineReason).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.WithdrawalReason).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.OutcomeNote).HasMaxLength(4000);
            e.Property(x => x.EpisodeEndReason).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.OnwardArrangement).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.OnwardDetails).HasMaxLength(1000);
            e.Property(x => x.EpisodeClosedBy).HasMaxLength(200);
            // An outcome is recorded once: two decisions at once cannot both win (PostgreSQL's xmin as the row version).
            e.Property<uint>("Version").IsRowVersion();
            e.HasIndex(x => new { x.YoungPersonId, x.ReferredAt });
            e.HasIndex(x => new { x.OfferId, x.Status });
            e.HasIndex(x => x.ReferredAt);
            // The decline-rate indicator and the triggers report count referrals by when they were decided.
            e.HasIndex(x => x.OutcomeAt);
            e.HasIndex(x => x.NextCheckInAt);
        });
        modelBuilder.Entity<KeyWorkerTask>(e =>
        {
            e.ToTable("key_worker_tasks");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Kind).HasMaxLength(40);
            e.Property(x => x.AssignedTo).HasMaxLength(200);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.DoneBy).HasMaxLength(200);
            // One task of each kind per referral: one alternative per decline (THR-01), one transition plan per episode (THR-05).
            e.HasIndex(x => new { x.ReferralId, x.Kind }).IsUnique();
            e.Property<uint>("Version").IsRowVersion();
            e.HasIndex(x => new { x.Status, x.AssignedTo });
        });
        modelBuilder.Entity<RiskPicture>(e =>
        {
            e.ToTable("risk_pictures");
            e.HasKey(x => x.YoungPersonId);
            e.Property(x => x.YoungPersonId).ValueGeneratedNever();
            e.Property(x => x.Level).HasConversion<string>().HasMaxLength(20);
            e.PrimitiveCollection(x => x.Indicators).ElementType().HasConversion<string>();
        });
        modelBuilder.Entity<KeyWorker>(e =>
        {
            e.ToTable("key_workers");
            e.HasKey(x => x.YoungPersonId);
            e.Property(x => x.YoungPersonId).ValueGeneratedNever();
            e.Property(x => x.UserId).HasMaxLength(200);
        });
        modelBuilder.Entity<UnmetNeedEntry>(e =>
        {
            e.ToTable("unmet_needs");
            e.HasKey(x => x.UnmetNeedId);
            e.Property(x => x.UnmetNeedId).ValueGeneratedNever();
            e.Property(x => x.NeedCategory).HasMaxLength(64);
            e.Property(x => x.Reason).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.RaisedBy).HasMaxLength(40);
            e.Property(x => x.RecordedBy).HasMaxLength(200);
            e.HasIndex(x => x.OccurredAt);
            // The unmet-need report counts by the date each need went unmet (COM-09).
            e.HasIndex(x => x.Since);
        });
        modelBuilder.Entity<HealthIndicator>(e =>
        {
            e.ToTable("health_indicators");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Type).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.SharingBasis).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.RecordedBy).HasMaxLength(200);
            e.Property(x => x.RecordedByRole).HasMaxLength(100);
            e.HasIndex(x => new { x.YoungPersonId, x.OccurredAt });
        });
        modelBuilder.Entity<ServiceFeedback>(e =>
        {
            e.ToTable("service_feedback");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasOne<TherapyReferral>().WithMany().HasForeignKey(x => x.ReferralId);
            e.Property(x => x.OfferType).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.Moment).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Method).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Words).HasMaxLength(ServiceFeedback.MaxWordsLength);
            e.Property(x => x.RecordedBy).HasMaxLength(200);
            e.Property(x => x.RecordedByRole).HasMaxLength(100);
            e.Property(x => x.CorrectionReason).HasMaxLength(1000);
            // THR-07: one answer per referral and moment, so a count of views cannot be padded by recording one twice;
            // corrections are its later versions, one per version.
            e.HasIndex(x => new { x.ReferralId, x.Moment }).IsUnique().HasFilter("corrects IS NULL");
            e.HasIndex(x => x.Corrects).IsUnique();
            e.HasIndex(x => new { x.YoungPersonId, x.GivenAt });
            e.HasIndex(x => x.GivenAt);
        });
        modelBuilder.Entity<HistoricImport>(e =>
        {
            e.ToTable("historic_imports");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Reason).HasMaxLength(500);
            e.Property(x => x.ImportedBy).HasMaxLength(200);
            e.Property(x => x.ImportedByRole).HasMaxLength(100);
        });
        modelBuilder.Entity<HistoricFigure>(e =>
        {
            e.ToTable("historic_figures");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasOne<HistoricImport>().WithMany().HasForeignKey(x => x.ImportId);
            e.Property(x => x.Indicator).HasMaxLength(64);
            e.Property(x => x.Unit).HasMaxLength(40);
            e.Property(x => x.Source).HasMaxLength(500);
            e.Property(x => x.Definition).HasMaxLength(2000);
            e.Property(x => x.ImportedBy).HasMaxLength(200);
            // COM-01: one original figure per indicator and year; each restatement supersedes exactly one, once, so two
            // imports at once cannot both become the current figure.
            e.HasIndex(x => new { x.Indicator, x.PeriodStartYear }).IsUnique().HasFilter("supersedes IS NULL");
            e.HasIndex(x => x.Supersedes).IsUnique();
        });
        // Read models of other services' events for commissioners (COM-03, COM-06, COM-07, COM-12): codes, ages and dates only.
        modelBuilder.Entity<ReferralDemand>(e =>
        {
            e.ToTable("referral_demand");
            e.HasKey(x => x.ReferralId);
            e.Property(x => x.ReferralId).ValueGeneratedNever();
            e.Property(x => x.ReferrerRole).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.ReceivedCseType).HasConversion<string>().HasMaxLength(40);
            e.HasIndex(x => x.ReceivedAt);
            e.HasIndex(x => x.YoungPersonId);
        });
        modelBuilder.Entity<ReferralReclassification>(e =>
        {
            e.ToTable("referral_reclassifications");
            e.HasKey(x => new { x.ReferralId, x.OccurredAt });
            e.Property(x => x.ToCseType).HasConversion<string>().HasMaxLength(40);
        });
        modelBuilder.Entity<CommissioningFact>(e =>
        {
            e.ToTable("commissioning_facts");
            e.HasKey(x => new { x.Kind, x.SourceId });
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.Code).HasMaxLength(40);
            e.HasIndex(x => new { x.Kind, x.OccurredAt });
            e.HasIndex(x => x.YoungPersonId);
        });
        // COM-03's counts, kept with each fact (CommissioningFactConsumer) and each therapy referral made or declined here; written only by upserts, never read back to write.
        modelBuilder.Entity<TriggerDayCount>(e =>
        {
            e.ToTable("trigger_day_counts");
            e.HasKey(x => new { x.Kind, x.Day });
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
        });
        modelBuilder.Entity<TriggerLateCount>(e =>
        {
            e.ToTable("trigger_late_counts");
            e.HasKey(x => new { x.YearStart, x.Kind });
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
        });
        modelBuilder.Entity<TriggerYearPerson>(e =>
        {
            e.ToTable("trigger_year_people");
            e.HasKey(x => new { x.YearStart, x.Kind, x.YoungPersonId });
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
            e.HasIndex(x => x.YoungPersonId);
        });
        modelBuilder.Entity<TriggerYearPeopleCount>(e =>
        {
            e.ToTable("trigger_year_people_counts");
            e.HasKey(x => new { x.YearStart, x.Kind });
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
        });
        // COM-06, COM-07, COM-12's counts, kept with each referral (ReferralDemandConsumer).
        modelBuilder.Entity<ReferralMonthCount>(e =>
        {
            e.ToTable("referral_month_counts");
            e.HasKey(x => new { x.Month, x.ReferrerRole, x.CseType, x.AdultFirstReferral });
            e.Property(x => x.ReferrerRole).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.CseType).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.AdultFirstReferral).HasConversion<string>().HasMaxLength(40);
        });
        modelBuilder.Entity<ReferralYearPerson>(e =>
        {
            e.ToTable("referral_year_people");
            e.HasKey(x => new { x.YearStart, x.YoungPersonId });
            e.HasIndex(x => x.YoungPersonId);
        });
        modelBuilder.Entity<TriggerYearAnyPerson>(e =>
        {
            e.ToTable("trigger_year_any_people");
            e.HasKey(x => new { x.YearStart, x.YoungPersonId });
            e.HasIndex(x => x.YoungPersonId);
        });
    }
}
