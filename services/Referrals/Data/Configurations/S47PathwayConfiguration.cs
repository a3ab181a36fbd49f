using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Support.Referrals.Domain.S47;

namespace Support.Referrals.Data.Configurations;

internal sealed class S47PathwayConfiguration : IEntityTypeConfiguration<S47Pathway>
{
    public void Configure(EntityTypeBuilder<S47Pathway> e)
    {
        e.ToTable("s47_pathways");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        // Two people moving the same pathway at once: the stage they both read is the token, so one of them gets a 409.
        e.Property(x => x.Stage).HasConversion<string>().HasMaxLength(40).IsConcurrencyToken();
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        // One pathway per referral, however often its decision is delivered (REF-10).
        e.HasIndex(x => x.ReferralId).IsUnique();
        e.HasIndex(x => x.YoungPersonId);
        e.HasIndex(x => new { x.Stage, x.DueAt });
        e.HasMany(x => x.Transitions).WithOne().HasForeignKey(t => t.PathwayId);
        e.Navigation(x => x.Transitions).HasField("_transitions").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class S47StageTransitionConfiguration : IEntityTypeConfiguration<S47StageTransition>
{
    public void Configure(EntityTypeBuilder<S47StageTransition> e)
    {
        e.ToTable("s47_stage_transitions");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.FromStage).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.ToStage).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Rationale).HasMaxLength(4000);
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.Property(x => x.RecordedByRole).HasMaxLength(100);
        e.HasIndex(x => new { x.PathwayId, x.Sequence }).IsUnique();
    }
}
