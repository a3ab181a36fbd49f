using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Support.Referrals.Domain.Cases;

namespace Support.Referrals.Data.Configurations;

internal sealed class CaseClosureConfiguration : IEntityTypeConfiguration<CaseClosure>
{
    public void Configure(EntityTypeBuilder<CaseClosure> e)
    {
        e.ToTable("case_closures");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Summary).HasMaxLength(8000);
        e.Property(x => x.Rationale).HasMaxLength(4000);
        e.Property(x => x.ApprovedBy).HasMaxLength(200);
        e.Property(x => x.ApprovedByRole).HasMaxLength(100);
        e.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId);
        e.HasIndex(x => x.CaseId).IsUnique();
        e.HasMany(x => x.Decisions).WithOne().HasForeignKey(d => d.ClosureId);
        e.Navigation(x => x.Decisions).HasField("_decisions").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
