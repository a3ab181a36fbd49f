using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Support.Referrals.Domain.Escalations;

namespace Support.Referrals.Data.Configurations;

/// <summary>Refusals to share (REC-11): append-only.</summary>
internal sealed class ShareRefusalConfiguration : IEntityTypeConfiguration<ShareRefusal>
{
    public void Configure(EntityTypeBuilder<ShareRefusal> e)
    {
        e.ToTable("share_refusals");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.RequestedBy).HasMaxLength(200);
        e.Property(x => x.InformationRequested).HasMaxLength(2000);
        e.Property(x => x.Reason).HasMaxLength(4000);
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.Property(x => x.RecordedByRole).HasMaxLength(100);
        e.Ignore(x => x.Reference);
        e.HasIndex(x => x.YoungPersonId);
    }
}
