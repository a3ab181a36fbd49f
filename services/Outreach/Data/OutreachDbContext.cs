using Microsoft.EntityFrameworkCore;
using Support.Messaging;
using Support.Registry;
using Support.Outreach.Domain;
using Support.ServiceDefaults.Data;

namespace Support.Outreach.Data;

/// <summary>The Outreach service's own database (outreach contacts, the Risky Business youth-work model); it shares no table with any other service.</summary>
public sealed class OutreachDbContext(DbContextOptions<OutreachDbContext> options) : DbContext(options)
{
    public const string Schema = "outreach";

    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<Location> Locations => Set<Location>();
    public DbSet<Alias> Aliases => Set<Alias>();
    public DbSet<AliasMatch> AliasMatches => Set<AliasMatch>();
    public DbSet<KnownYoungPerson> KnownYoungPeople => Set<KnownYoungPerson>();
    public DbSet<InformationItem> InformationItems => Set<InformationItem>();
    public DbSet<InformationMention> InformationMentions => Set<InformationMention>();
    public DbSet<InformationItemEvent> InformationItemEvents => Set<InformationItemEvent>();
    public DbSet<TrackedReferral> TrackedReferrals => Set<TrackedReferral>();
    public DbSet<ReferralNotification> ReferralNotifications => Set<ReferralNotification>();
    public DbSet<MentionLinkProposal> MentionLinkProposals => Set<MentionLinkProposal>();
    public DbSet<MentionLinkOutcome> MentionLinkOutcomes => Set<MentionLinkOutcome>();
    public DbSet<Involvement> Involvements => Set<Involvement>();
    public DbSet<InvolvementHandover> InvolvementHandovers => Set<InvolvementHandover>();
    public DbSet<InvolvementEnding> InvolvementEndings => Set<InvolvementEnding>();
    public DbSet<YoungPersonRiskLevel> YoungPersonRiskLevels => Set<YoungPersonRiskLevel>();
    public DbSet<NoContactAlert> NoContactAlerts => Set<NoContactAlert>();
    public DbSet<PreventionSession> PreventionSessions => Set<PreventionSession>();
    public DbSet<HotspotVisit> HotspotVisits => Set<HotspotVisit>();
    public DbSet<HotspotVisitCount> HotspotVisitCounts => Set<HotspotVisitCount>();
    public DbSet<HotspotYoungPersonMonth> HotspotYoungPersonMonths => Set<HotspotYoungPersonMonth>();
    public DbSet<HotspotYoungPersonMonthCount> HotspotYoungPersonMonthCounts => Set<HotspotYoungPersonMonthCount>();
    public DbSet<HotspotRecountDue> HotspotRecountsDue => Set<HotspotRecountDue>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.StoreInstantsAsUtc();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.AddOutboxAndInbox().AddAccessLog().AddRegistryProjection();

        modelBuilder.Entity<Location>(e =>
        {
            e.ToTable("locations");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Type).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.Area).HasMaxLength(200);
            e.Property(x => x.Latitude).HasPrecision(9, 6);
            e.Property(x => x.Longitude).HasPrecision(9, 6);
            e.Property(x => x.RecordedBy).HasMaxLength(200);
            e.Property(x => x.IdempotencyKey).HasMaxLength(100);
            // One record per place: a second "Clifton Park" is a 409 pointing at the first.
            e.HasIndex(x => x.Name).IsUnique().HasDatabaseName("ix_locations_name");
            e.HasIndex(x => new { x.RecordedBy, x.IdempotencyKey }).IsUnique().HasFilter("idempotency_key IS NOT NULL");
        });

        modelBuilder.Entity<Alias>(e =>
        {
            e.ToTable("aliases");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Area).HasMaxLength(200);
            e.Property(x => x.Description).HasMaxLength(2000);
            e.Property(x => x.Gender).HasMaxLength(100);
            e.Property(x => x.Ethnicity).HasMaxLength(100);
            e.Property(x => x.RecordedBy).HasMaxLength(200);
            e.Property(x => x.RecordedByRole).HasMaxLength(100);
            e.Property(x => x.IdempotencyKey).HasMaxLength(100);
            e.HasIndex(x => x.Name);
            e.HasIndex(x => new { x.RecordedBy, x.IdempotencyKey }).IsUnique().HasFilter("idempotency_key IS NOT NULL");
        });

        modelBuilder.Entity<AliasMatch>(e =>
        {
            e.ToTable("alias_matches");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasOne<Alias>().WithOne().HasForeignKey<AliasMatch>(x => x.AliasId).OnDelete(DeleteBehavior.Restrict);
            // One match per alias, even when two workers confirm at once.
            e.HasIndex(x => x.AliasId).IsUnique();
            e.HasIndex(x => x.YoungPersonId);
            e.Property(x => x.Reason).HasMaxLength(2000);
            e.Property(x => x.MatchedBy).HasMaxLength(200);
            e.Property(x => x.MatchedByRole).HasMaxLength(100);
        });

        modelBuilder.Entity<Contact>(e =>
        {
            e.ToTable("contacts");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Channel).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.Concern).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.Place).HasMaxLength(200);
            e.Property(x => x.Notes).HasMaxLength(4000);
            e.Property(x => x.RecordedBy).HasMaxLength(200);
            e.Property(x => x.RecordedByRole).HasMaxLength(100);
            e.Property(x => x.CorrectionReason).HasMaxLength(2000);
            e.Property(x => x.Source).HasMaxLength(16);
            e.Property(x => x.IdempotencyKey).HasMaxLength(100);
            e.HasOne<Alias>().WithMany().HasForeignKey(x => x.AliasId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Location>().WithMany().HasForeignKey(x => x.LocationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Contact>().WithMany().HasForeignKey(x => x.Corrects).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.YoungPersonId, x.ContactedAt });
            e.HasIndex(x => new { x.AliasId, x.ContactedAt });
            e.HasIndex(x => new { x.LocationId, x.ContactedAt });
            e.HasIndex(x => x.Corrects);
            // OUT-01: a phone retrying on a bad connection (same key) never creates a second contact, even in a race.
            e.HasIndex(x => new { x.RecordedBy, x.IdempotencyKey }).IsUnique().HasFilter("idempotency_key IS NOT NULL");
            e.ToTable(t => t.HasCheckConstraint("ck_contacts_one_subject", "(young_person_id IS NULL) <> (alias_id IS NULL)"));
        });

        // OUT-08: the hotspot report's read model (Domain/HotspotCounts.cs). No foreign keys: every id comes from a
        // contact that already has them, and each key would cost an index and a check on every contact logged.
        modelBuilder.Entity<HotspotVisit>(e =>
        {
            e.ToTable("hotspot_visits");
            // Recounting a young person reads and replaces their rows, so their key leads.
            e.HasKey(x => new { x.YoungPersonKey, x.LocationId, x.Month });
        });

        modelBuilder.Entity<HotspotVisitCount>(e =>
        {
            e.ToTable("hotspot_visit_counts");
            // Change rows, only ever inserted and summed (HotspotCounting): a key may have several until compacted.
            e.HasNoKey();
            // The report reads a range of months; compaction groups by the whole key.
            e.HasIndex(x => new { x.Month, x.LocationId, x.PreviousMonth });
        });

        modelBuilder.Entity<HotspotYoungPersonMonth>(e =>
        {
            e.ToTable("hotspot_young_person_months");
            e.HasKey(x => new { x.YoungPersonKey, x.Month });
        });

        modelBuilder.Entity<HotspotYoungPersonMonthCount>(e =>
        {
            e.ToTable("hotspot_young_person_month_counts");
            e.HasNoKey();
            e.HasIndex(x => new { x.Month, x.PreviousMonth });
        });

        modelBuilder.Entity<HotspotRecountDue>(e =>
        {
            e.ToTable("hotspot_recounts_due");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).UseIdentityAlwaysColumn();
        });

        modelBuilder.Entity<InformationItem>(e =>
        {
            e.ToTable("information_items");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Words).HasMaxLength(InformationWordsMax);
            e.Property(x => x.SourceKind).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.ReportedBy).HasMaxLength(200);
            e.Property(x => x.Hand).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.SourceEvaluation).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.IntelligenceAssessment).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.Handling).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.RecordedBy).HasMaxLength(200);
            e.Property(x => x.RecordedByRole).HasMaxLength(100);
            e.Property(x => x.IdempotencyKey).HasMaxLength(100);
            e.HasOne<Alias>().WithMany().HasForeignKey(x => x.AliasId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Contact>().WithMany().HasForeignKey(x => x.ContactId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Location>().WithMany().HasForeignKey(x => x.LocationId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Mentions).WithOne().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => x.YoungPersonId);
            e.HasIndex(x => x.AliasId);
            e.HasIndex(x => x.DispositionDueAt);
            e.HasIndex(x => new { x.RecordedBy, x.IdempotencyKey }).IsUnique().HasFilter("idempotency_key IS NOT NULL");
        });

        modelBuilder.Entity<InformationMention>(e =>
        {
            e.ToTable("information_mentions");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Value).HasMaxLength(200);
            e.Property(x => x.Normalised).HasMaxLength(200);
            e.Property(x => x.DescribedGender).HasMaxLength(100);
            e.Property(x => x.DescribedEthnicity).HasMaxLength(100);
            // INT-02: the same vehicle, phone or nickname across items.
            e.HasIndex(x => new { x.Kind, x.Normalised });
        });

        modelBuilder.Entity<InformationItemEvent>(e =>
        {
            e.ToTable("information_item_events");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasOne<InformationItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Restrict);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.Reason).HasMaxLength(2000);
            e.Property(x => x.Reference).HasMaxLength(200);
            e.Property(x => x.RecordedBy).HasMaxLength(200);
            e.Property(x => x.RecordedByRole).HasMaxLength(100);
            e.Ignore(x => x.Disposes);
            e.HasIndex(x => x.ItemId);
        });

        modelBuilder.Entity<TrackedReferral>(e =>
        {
            e.ToTable("tracked_referrals");
            e.HasKey(x => x.ReferralId);
            e.Property(x => x.ReferralId).ValueGeneratedNever();
            e.Property(x => x.Referrer).HasMaxLength(200);
            e.Property(x => x.CseType).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.Priority).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(40);
            e.HasIndex(x => x.Referrer);
        });

        modelBuilder.Entity<ReferralNotification>(e =>
        {
            e.ToTable("referral_notifications");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Recipient).HasMaxLength(200);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.Summary).HasMaxLength(1000);
            e.Property(x => x.Rationale).HasMaxLength(4000);
            e.HasIndex(x => new { x.Recipient, x.CreatedAt });
        });

        modelBuilder.Entity<MentionLinkProposal>(e =>
        {
            e.ToTable("mention_link_proposals");
            e.HasKey(x => x.MentionId);
            e.HasOne<InformationMention>().WithOne().HasForeignKey<MentionLinkProposal>(x => x.MentionId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<InformationItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => x.ItemId);
        });

        modelBuilder.Entity<MentionLinkOutcome>(e =>
        {
            e.ToTable("mention_link_outcomes");
            e.HasKey(x => x.MentionId);
            e.HasOne<MentionLinkProposal>().WithOne().HasForeignKey<MentionLinkOutcome>(x => x.MentionId).OnDelete(DeleteBehavior.Restrict);
            e.Property(x => x.Reason).HasMaxLength(2000);
            e.Property(x => x.DecidedBy).HasMaxLength(200);
            e.Property(x => x.DecidedByRole).HasMaxLength(100);
        });

        modelBuilder.Entity<Involvement>(e =>
        {
            e.ToTable("involvements");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.WorkerUserId).HasMaxLength(200);
            e.Property(x => x.RecordedBy).HasMaxLength(200);
            e.Property(x => x.RecordedByRole).HasMaxLength(100);
            e.HasIndex(x => x.YoungPersonId);
            e.HasIndex(x => x.WorkerUserId);
        });

        modelBuilder.Entity<InvolvementHandover>(e =>
        {
            e.ToTable("involvement_handovers");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasOne<Involvement>().WithMany().HasForeignKey(x => x.InvolvementId).OnDelete(DeleteBehavior.Restrict);
            e.Property(x => x.FromWorkerUserId).HasMaxLength(200);
            e.Property(x => x.ToWorkerUserId).HasMaxLength(200);
            e.Property(x => x.Reason).HasMaxLength(2000);
            e.Property(x => x.HandedBy).HasMaxLength(200);
            e.Property(x => x.HandedByRole).HasMaxLength(100);
            e.HasIndex(x => new { x.InvolvementId, x.HandedAt });
            e.HasIndex(x => x.ToWorkerUserId);
        });

        modelBuilder.Entity<InvolvementEnding>(e =>
        {
            e.ToTable("involvement_endings");
            e.HasKey(x => x.InvolvementId);
            e.HasOne<Involvement>().WithOne().HasForeignKey<InvolvementEnding>(x => x.InvolvementId).OnDelete(DeleteBehavior.Restrict);
            e.Property(x => x.Reason).HasMaxLength(2000);
            e.Property(x => x.YoungPersonResponse).HasMaxLength(2000);
            e.Property(x => x.EndedBy).HasMaxLength(200);
            e.Property(x => x.EndedByRole).HasMaxLength(100);
        });

        modelBuilder.Entity<YoungPersonRiskLevel>(e =>
        {
            e.ToTable("young_person_risk_levels");
            e.HasKey(x => x.YoungPersonId);
            e.Property(x => x.YoungPersonId).ValueGeneratedNever();
            e.Property(x => x.Level).HasConversion<string>().HasMaxLength(16);
        });

        modelBuilder.Entity<NoContactAlert>(e =>
        {
            e.ToTable("no_contact_alerts");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasOne<Involvement>().WithMany().HasForeignKey(x => x.InvolvementId).OnDelete(DeleteBehavior.Restrict);
            e.Property(x => x.WorkerUserId).HasMaxLength(200);
            e.Property(x => x.RiskLevel).HasConversion<string>().HasMaxLength(16);
            // Once per gap, even when two replicas run the pass at once.
            e.HasIndex(x => new { x.InvolvementId, x.GapSince }).IsUnique();
            e.HasIndex(x => new { x.WorkerUserId, x.RaisedAt });
            e.HasIndex(x => x.RaisedAt);
        });

        modelBuilder.Entity<PreventionSession>(e =>
        {
            e.ToTable("prevention_sessions");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Setting).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Audience).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.Venue).HasMaxLength(200);
            e.Property(x => x.Programme).HasMaxLength(200);
            e.Property(x => x.EvaluationBefore).HasPrecision(4, 2);
            e.Property(x => x.EvaluationAfter).HasPrecision(4, 2);
            e.Property(x => x.RecordedBy).HasMaxLength(200);
            e.Property(x => x.RecordedByRole).HasMaxLength(100);
            e.Property(x => x.IdempotencyKey).HasMaxLength(100);
            e.HasIndex(x => x.HeldOn);
            e.HasIndex(x => new { x.RecordedBy, x.IdempotencyKey }).IsUnique().HasFilter("idempotency_key IS NOT NULL");
        });
    }

    public const int InformationWordsMax = 8000;
}
