using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Support.Referrals.Domain;
using Support.Referrals.Domain.UnmetNeeds;

namespace Support.Referrals.Data.Configurations;

/// <summary>Unmet needs Referrals recorded (COM-05): append-only; being met is its own row, one per need.</summary>
internal sealed class UnmetNeedConfiguration : IEntityTypeConfiguration<UnmetNeed>
{
    public void Configure(EntityTypeBuilder<UnmetNeed> e)
    {
        e.ToTable("unmet_needs");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.NeedCategory).HasMaxLength(100);
        e.Property(x => x.Reason).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.Source).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.Property(x => x.RecordedByRole).HasMaxLength(100);
        e.HasOne<YoungPerson>().WithMany().HasForeignKey(x => x.YoungPersonId);
        e.HasIndex(x => x.YoungPersonId);
    }
}

internal sealed class UnmetNeedMetConfiguration : IEntityTypeConfiguration<UnmetNeedMet>
{
    public void Configure(EntityTypeBuilder<UnmetNeedMet> e)
    {
        e.ToTable("unmet_needs_met");
        // One per need: two answers at once cannot both be stored.
        e.HasKey(x => x.UnmetNeedId);
        e.Property(x => x.How).HasMaxLength(1000);
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.Property(x => x.RecordedByRole).HasMaxLength(100);
        e.HasOne<UnmetNeed>().WithMany().HasForeignKey(x => x.UnmetNeedId);
        e.HasIndex(x => x.YoungPersonId);
    }
}
