using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Support.Referrals.Domain.Cases;

namespace Support.Referrals.Data.Configurations;

internal sealed class CaseTransferConfiguration : IEntityTypeConfiguration<CaseTransfer>
{
    public void Configure(EntityTypeBuilder<CaseTransfer> e)
    {
        e.ToTable("case_transfers");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.FromTeam).HasMaxLength(100);
        e.Property(x => x.ToTeam).HasMaxLength(100);
        e.Property(x => x.Summary).HasMaxLength(4000);
        e.Property(x => x.Criterion).HasMaxLength(100);
        e.Property(x => x.CriteriaVersion).HasMaxLength(20);
        e.Property(x => x.RequestedBy).HasMaxLength(200);
        e.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId);
        e.HasIndex(x => x.CaseId);
        e.HasMany(x => x.Decisions).WithOne().HasForeignKey(d => d.TransferId);
        e.Navigation(x => x.Decisions).HasField("_decisions").UsePropertyAccessMode(PropertyAccessMode.Field);
        e.Ignore(x => x.Status);
        e.Ignore(x => x.IsPending);
    }
}
