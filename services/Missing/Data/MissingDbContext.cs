using Microsoft.EntityFrameworkCore;
using Support.Messaging;
using Support.Registry;
using Support.Missing.Domain;
using Support.ServiceDefaults.Data;

namespace Support.Missing.Data;

/// <summary>The Missing service's own database (missing episodes and return-home interviews); it shares no table with any other service.</summary>
public sealed class MissingDbContext(DbContextOptions<MissingDbContext> options) : DbContext(options)
{
    public const string Schema = "missing";

    public DbSet<MissingEpisode> Episodes => Set<MissingEpisode>();
    public DbSet<ReturnInterview> ReturnInterviews => Set<ReturnInterview>();
    public DbSet<KnownYoungPerson> KnownYoungPeople => Set<KnownYoungPerson>();
    public DbSet<AbductionNotice> AbductionNotices => Set<AbductionNotice>();
    public DbSet<EpisodeLink> EpisodeLinks => Set<EpisodeLink>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.StoreInstantsAsUtc();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.AddOutboxAndInbox().AddAccessLog().AddRegistryProjection();

        modelBuilder.Entity<MissingEpisode>(e =>
        {
            e.ToTable("episodes");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.MissingFrom).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.LastSeenLocation).HasMaxLength(500);
            e.Property(x => x.BelievedWith).HasMaxLength(1000);
            e.Property(x => x.ReportedBy).HasMaxLength(200);
            e.Property(x => x.PoliceReference).HasMaxLength(50);
            e.Property(x => x.Circumstances).HasMaxLength(4000);
            e.Property(x => x.RecordedBy).HasMaxLength(200);
            e.Property(x => x.RecordedByRole).HasMaxLength(100);
            e.Property(x => x.WhereFound).HasMaxLength(500);
            e.Property(x => x.FoundWith).HasMaxLength(1000);
            e.Property(x => x.HowReturned).HasMaxLength(2000);
            e.Property(x => x.ReturnRecordedBy).HasMaxLength(200);
            e.Property(x => x.ReturnRecordedByRole).HasMaxLength(100);
            // Two people recording the return at once: the second update finds the return already set and gets a 409.
            e.Property(x => x.ReturnedAt).IsConcurrencyToken();
            e.Ignore(x => x.IsOpen);
            e.Ignore(x => x.ReturnedBeforeReported);
            e.HasIndex(x => new { x.YoungPersonId, x.LastSeenAt });
            // A young person is missing once at a time: a second report while one is open is a 409, even under a race.
            e.HasIndex(x => x.YoungPersonId).IsUnique().HasFilter("returned_at IS NULL").HasDatabaseName("ix_episodes_one_open_per_young_person");
            // A ReportWhereaboutsUnknown command opens at most one episode, however often it is delivered.
            e.HasIndex(x => x.CommandId).IsUnique().HasFilter("command_id IS NOT NULL");
        });

        modelBuilder.Entity<ReturnInterview>(e =>
        {
            e.ToTable("return_interviews");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasOne<MissingEpisode>().WithOne().HasForeignKey<ReturnInterview>(x => x.EpisodeId).OnDelete(DeleteBehavior.Restrict);
            // One interview per return: the unique key turns a racing second return into a 409.
            e.HasIndex(x => x.EpisodeId).IsUnique();
            e.HasIndex(x => new { x.Status, x.DueAt });
            // Status guards every transition, so two people finishing the same interview at once cannot both win; the
            // overdue job changes only OverdueNotifiedAt, so it never makes a worker's completion fail.
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(32).IsConcurrencyToken();
            e.Property(x => x.RecordedBy).HasMaxLength(200);
            e.Property(x => x.RecordedByRole).HasMaxLength(100);
            e.Property(x => x.OfferRecordedBy).HasMaxLength(200);
            e.Property(x => x.OfferRecordedByRole).HasMaxLength(100);
            e.Property(x => x.WhereTheyWere).HasMaxLength(4000);
            e.Property(x => x.WhoWith).HasMaxLength(2000);
            e.Property(x => x.PushFactors).HasMaxLength(4000);
            e.Property(x => x.PullFactors).HasMaxLength(4000);
            e.PrimitiveCollection(x => x.RiskIndicators).ElementType(t => t.HasConversion<string>());
            e.Property(x => x.Disclosure).HasMaxLength(4000);
            e.Property(x => x.YoungPersonsWords).HasMaxLength(4000);
            e.Property(x => x.SharingBasis).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.NotHeldReason).HasMaxLength(2000);
            e.Property(x => x.OutcomeRecordedBy).HasMaxLength(200);
            e.Property(x => x.OutcomeRecordedByRole).HasMaxLength(100);
            e.Ignore(x => x.IsFinished);
            e.PrimitiveCollection(x => x.ProposedPersons);
            e.PrimitiveCollection(x => x.ProposedVehicles);
            e.PrimitiveCollection(x => x.ProposedPlaces);
            e.Property(x => x.PoliceRefusalReason).HasMaxLength(2000);
            e.Property(x => x.PoliceRefusalRecordedBy).HasMaxLength(200);
            e.Property(x => x.PoliceRefusalRecordedByRole).HasMaxLength(100);
            // A second refusal recorded at the same moment finds the first and gets a 409.
            e.Property(x => x.PoliceRefusedAt).IsConcurrencyToken();
        });
        modelBuilder.Entity<DisruptionOption>(e =>
        {
            e.ToTable("disruption_options");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasOne<ReturnInterview>().WithMany().HasForeignKey(x => x.InterviewId).OnDelete(DeleteBehavior.Restrict);
            e.Property(x => x.Tool).HasConversion<string>().HasMaxLength(60);
            e.Property(x => x.Decision).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.Owner).HasMaxLength(200);
            e.Property(x => x.Rationale).HasMaxLength(2000);
            e.Property(x => x.RecordedBy).HasMaxLength(200);
            e.Property(x => x.RecordedByRole).HasMaxLength(100);
            e.HasIndex(x => x.InterviewId);
            e.HasIndex(x => new { x.YoungPersonId, x.Tool });
        });

        modelBuilder.Entity<AbductionNotice>(e =>
        {
            e.ToTable("abduction_notices");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.SubjectName).HasMaxLength(200);
            e.PrimitiveCollection(x => x.SubjectNicknames);
            e.PrimitiveCollection(x => x.Addresses);
            e.PrimitiveCollection(x => x.VehicleRegistrations);
            e.Property(x => x.RecordedBy).HasMaxLength(200);
            e.Property(x => x.RecordedByRole).HasMaxLength(100);
            e.HasIndex(x => x.YoungPersonId);
        });

        modelBuilder.Entity<EpisodeLink>(e =>
        {
            e.ToTable("episode_links");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasOne<MissingEpisode>().WithMany().HasForeignKey(x => x.EpisodeId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<MissingEpisode>().WithMany().HasForeignKey(x => x.LinkedEpisodeId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AbductionNotice>().WithMany().HasForeignKey(x => x.AbductionNoticeId).OnDelete(DeleteBehavior.Restrict);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
            e.PrimitiveCollection(x => x.MatchedOn);
            e.PrimitiveCollection(x => x.LinkedFields);
            e.Property(x => x.MatchedTerm).HasMaxLength(500);
            e.Ignore(x => x.Flag);
            e.HasIndex(x => new { x.EpisodeId, x.Kind });
            // Exactly one target: another episode or a notice.
            e.ToTable(t => t.HasCheckConstraint("ck_episode_links_one_target", "(linked_episode_id IS NULL) <> (abduction_notice_id IS NULL)"));
        });
        modelBuilder.Entity<MissingAlert>(e =>
        {
            e.ToTable("alerts");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasOne<MissingEpisode>().WithMany().HasForeignKey(x => x.EpisodeId).OnDelete(DeleteBehavior.Restrict);
            e.Property(x => x.Recipient).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.Reason).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.AcknowledgedBy).HasMaxLength(200);
            e.Property(x => x.AcknowledgedByRole).HasMaxLength(100);
            // Two people acknowledging at once: the second update finds it already set and gets a 409.
            e.Property(x => x.AcknowledgedAt).IsConcurrencyToken();
            // One alert per recipient per episode and reason, however the episode was opened.
            e.HasIndex(x => new { x.EpisodeId, x.Recipient, x.Reason }).IsUnique();
            e.HasIndex(x => new { x.Recipient, x.AcknowledgedAt });
        });
    }
}
