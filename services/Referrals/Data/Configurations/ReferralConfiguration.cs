using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Support.Referrals.Domain.Referrals;

namespace Support.Referrals.Data.Configurations;

/// <summary>
/// The referral row is the current-state projection (current category, decided-at, overdue notice); everything it is
/// projected from lives in append-only tables beside it: decisions, s47 decisions, reclassifications, resolutions.
/// </summary>
internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> e)
    {
        e.ToTable("referrals");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.ReferrerRole).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.ReferrerOrganisation).HasMaxLength(200);
        e.Property(x => x.OriginalCseType).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.CseType).HasConversion<string>().HasMaxLength(32);
        e.PrimitiveCollection(x => x.Indicators).ElementType().HasConversion<string>();
        e.PrimitiveCollection(x => x.LegalFlags).ElementType().HasConversion<string>();
        e.PrimitiveCollection(x => x.PriorityReasons);
        e.Property(x => x.Narrative).HasMaxLength(8000);
        e.Property(x => x.RuleTableVersion).HasMaxLength(20);
        e.Property(x => x.RiskLevel).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.OriginalPriority).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Priority).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.ReceivedBy).HasMaxLength(200);
        e.Property(x => x.ReceivedByRole).HasMaxLength(100);
        e.HasIndex(x => new { x.YoungPersonId, x.ReceivedAt });
        // The overdue listing and job: undecided referrals by deadline (REF-04).
        e.HasIndex(x => x.DecisionDueAt).HasFilter("decided_at IS NULL");
        // The escalation pass and the senior manager's list (REF-04).
        e.HasIndex(x => x.EscalatesAt).HasFilter("decided_at IS NULL");

        e.HasMany(x => x.Decisions).WithOne().HasForeignKey(d => d.ReferralId);
        e.Navigation(x => x.Decisions).HasField("_decisions").UsePropertyAccessMode(PropertyAccessMode.Field);
        e.HasMany(x => x.S47Decisions).WithOne().HasForeignKey(d => d.ReferralId);
        e.Navigation(x => x.S47Decisions).HasField("_s47Decisions").UsePropertyAccessMode(PropertyAccessMode.Field);
        e.HasMany(x => x.Reclassifications).WithOne().HasForeignKey(r => r.ReferralId);
        e.Navigation(x => x.Reclassifications).HasField("_reclassifications").UsePropertyAccessMode(PropertyAccessMode.Field);
        e.Ignore(x => x.Decision);
        e.Ignore(x => x.LatestS47Decision);
        e.Ignore(x => x.PendingReclassification);
    }
}

internal sealed class ReferralDecisionConfiguration : IEntityTypeConfiguration<ReferralDecision>
{
    public void Configure(EntityTypeBuilder<ReferralDecision> e)
    {
        e.ToTable("referral_decisions");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.Rationale).HasMaxLength(4000);
        e.Property(x => x.DecidedBy).HasMaxLength(200);
        e.Property(x => x.DecidedByRole).HasMaxLength(100);
        // One decision per referral: two racing decisions give one row and one 409. Corrections point at the original.
        e.HasIndex(x => x.ReferralId).IsUnique().HasFilter("corrects_id IS NULL");
    }
}

internal sealed class S47DecisionConfiguration : IEntityTypeConfiguration<S47Decision>
{
    public void Configure(EntityTypeBuilder<S47Decision> e)
    {
        e.ToTable("referral_s47_decisions");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Rationale).HasMaxLength(4000);
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.Property(x => x.RecordedByRole).HasMaxLength(100);
        e.HasIndex(x => x.ReferralId);
    }
}

internal sealed class ReclassificationConfiguration : IEntityTypeConfiguration<Reclassification>
{
    public void Configure(EntityTypeBuilder<Reclassification> e)
    {
        e.ToTable("referral_reclassifications");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.FromCseType).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.ToCseType).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.FromPriority).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.ToPriority).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Rationale).HasMaxLength(4000);
        e.Property(x => x.RequestedBy).HasMaxLength(200);
        e.Property(x => x.RequestedByRole).HasMaxLength(100);
        e.HasIndex(x => x.ReferralId);
        e.HasOne(x => x.Resolution).WithOne().HasForeignKey<ReclassificationResolution>(r => r.ReclassificationId);
        e.Navigation(x => x.Resolution).HasField("_resolution").UsePropertyAccessMode(PropertyAccessMode.Field);
        e.Ignore(x => x.Status);
    }
}

internal sealed class ReclassificationResolutionConfiguration : IEntityTypeConfiguration<ReclassificationResolution>
{
    public void Configure(EntityTypeBuilder<ReclassificationResolution> e)
    {
        e.ToTable("referral_reclassification_resolutions");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Note).HasMaxLength(4000);
        e.Property(x => x.ResolvedBy).HasMaxLength(200);
        e.Property(x => x.ResolvedByRole).HasMaxLength(100);
        // One approval or rejection per request: two managers racing get one row and one 409.
        e.HasIndex(x => x.ReclassificationId).IsUnique();
    }
}
