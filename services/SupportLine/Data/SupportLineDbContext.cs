using Microsoft.EntityFrameworkCore;
using Support.Messaging;
using Support.Registry;
using Support.ServiceDefaults.Data;
using Support.SupportLine.Domain;

namespace Support.SupportLine.Data;

/// <summary>The SupportLine service's own database (the SMS support line); it shares no table with any other service.</summary>
public sealed class SupportLineDbContext(DbContextOptions<SupportLineDbContext> options) : DbContext(options)
{
    public const string Schema = "supportline";

    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<InboundSms> InboundMessages => Set<InboundSms>();
    public DbSet<OutboundSms> OutboundMessages => Set<OutboundSms>();
    public DbSet<WorkerPhone> WorkerPhones => Set<WorkerPhone>();
    public DbSet<YoungPersonPhone> YoungPersonPhones => Set<YoungPersonPhone>();
    public DbSet<CarerPhone> CarerPhones => Set<CarerPhone>();
    public DbSet<OptOut> OptOuts => Set<OptOut>();
    public DbSet<Alert> Alerts => Set<Alert>();
    public DbSet<ResponseTime> ResponseTimes => Set<ResponseTime>();
    public DbSet<ReportedNumber> ReportedNumbers => Set<ReportedNumber>();
    public DbSet<ConversationReferral> ConversationReferrals => Set<ConversationReferral>();
    public DbSet<ContactPreference> ContactPreferences => Set<ContactPreference>();
    public DbSet<OutboundCall> OutboundCalls => Set<OutboundCall>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.StoreInstantsAsUtc();
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.AddOutboxAndInbox().AddAccessLog().AddRegistryProjection();

        modelBuilder.Entity<Conversation>(e =>
        {
            e.HasKey(c => c.Id);
            e.Property(c => c.Phone).HasMaxLength(20);
            e.Property(c => c.AssignedTo).HasMaxLength(200);
            e.Property(c => c.ClosedBy).HasMaxLength(200);
            e.Property(c => c.CloseReason).HasMaxLength(1000);
            // At most one open conversation per number: a second inbound text joins it.
            e.HasIndex(c => c.Phone).IsUnique().HasFilter("status = 'Open'");
            e.HasIndex(c => new { c.Status, c.AwaitingReplySince });
        });
        modelBuilder.Entity<ContactPreference>(e =>
        {
            e.HasKey(p => p.Id);
            e.Property(p => p.Version).UseIdentityAlwaysColumn();
            e.Property(p => p.Note).HasMaxLength(1000);
            e.Property(p => p.RecordedBy).HasMaxLength(200);
            e.HasIndex(p => new { p.YoungPersonId, p.Version });
        });
        modelBuilder.Entity<OutboundCall>(e =>
        {
            e.HasKey(c => c.Id);
            e.Property(c => c.To).HasMaxLength(20);
            e.Property(c => c.ConnectTo).HasMaxLength(20);
            e.Property(c => c.RequestedBy).HasMaxLength(200);
            e.Property(c => c.TwilioSid).HasMaxLength(64);
            e.Property(c => c.Status).HasMaxLength(40);
            e.HasIndex(c => c.YoungPersonId);
            // Call progress callbacks find the call by Twilio's SID.
            e.HasIndex(c => c.TwilioSid);
        });
        modelBuilder.Entity<InboundSms>(e =>
        {
            e.HasKey(m => m.Id);
            e.Property(m => m.TwilioSid).HasMaxLength(64);
            e.HasIndex(m => m.TwilioSid).IsUnique();
            e.Property(m => m.From).HasMaxLength(20);
            e.Property(m => m.To).HasMaxLength(20);
            e.Property(m => m.Body).HasMaxLength(1600);
            e.Property(m => m.TriageVersion).HasMaxLength(40);
            e.Property(m => m.MarkedAsViewsBy).HasMaxLength(200);
            e.HasIndex(m => m.ConversationId);
        });
        modelBuilder.Entity<OutboundSms>(e =>
        {
            e.HasKey(m => m.Id);
            e.Property(m => m.To).HasMaxLength(20);
            e.Property(m => m.Body).HasMaxLength(1600);
            e.Property(m => m.RequestedBy).HasMaxLength(200);
            e.Property(m => m.TwilioSid).HasMaxLength(64);
            e.HasIndex(m => m.TwilioSid).IsUnique();
            e.HasIndex(m => m.CommandId).IsUnique();
            e.HasIndex(m => m.Status);
            e.HasIndex(m => m.ConversationId);
        });
        modelBuilder.Entity<WorkerPhone>(e =>
        {
            e.HasKey(p => p.Phone);
            e.Property(p => p.Phone).HasMaxLength(20);
            e.Property(p => p.WorkerUserId).HasMaxLength(200);
            e.Property(p => p.RegisteredBy).HasMaxLength(200);
        });
        modelBuilder.Entity<YoungPersonPhone>(e =>
        {
            e.HasKey(p => p.Phone);
            e.Property(p => p.Phone).HasMaxLength(20);
            e.Property(p => p.OutreachWorkerUserId).HasMaxLength(200);
            e.Property(p => p.SafetyDecisionBy).HasMaxLength(200);
            e.Property(p => p.SafetyDecisionRationale).HasMaxLength(1000);
            e.Property(p => p.RecordedBy).HasMaxLength(200);
            e.HasIndex(p => p.YoungPersonId);
        });
        modelBuilder.Entity<CarerPhone>(e =>
        {
            e.HasKey(p => p.Phone);
            e.Property(p => p.Phone).HasMaxLength(20);
            e.Property(p => p.RecordedBy).HasMaxLength(200);
        });
        modelBuilder.Entity<OptOut>(e =>
        {
            e.HasKey(p => p.Phone);
            e.Property(p => p.Phone).HasMaxLength(20);
            e.Property(p => p.Source).HasMaxLength(40);
        });
        modelBuilder.Entity<Alert>(e =>
        {
            e.HasKey(a => a.Id);
            e.Property(a => a.Reason).HasMaxLength(500);
            e.Property(a => a.AcknowledgedBy).HasMaxLength(200);
            e.HasIndex(a => a.ConversationId);
        });
        modelBuilder.Entity<ReportedNumber>(e =>
        {
            e.HasKey(r => r.Id);
            e.Property(r => r.Phone).HasMaxLength(20);
            e.Property(r => r.Description).HasMaxLength(1000);
            e.Property(r => r.ReportedBy).HasMaxLength(200);
            e.HasIndex(r => r.Phone);
        });
        modelBuilder.Entity<ConversationReferral>(e =>
        {
            e.HasKey(r => r.ReferralId);
            e.Property(r => r.ReferralId).ValueGeneratedNever();
            e.Property(r => r.ReferredBy).HasMaxLength(200);
            e.HasOne<Conversation>().WithMany().HasForeignKey(r => r.ConversationId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(r => r.ConversationId);
        });
        modelBuilder.Entity<ResponseTime>(e =>
        {
            e.HasKey(r => r.Id);
            e.Property(r => r.AnsweredBy).HasMaxLength(200);
            e.HasIndex(r => r.WaitingSince);
        });
    }
}
