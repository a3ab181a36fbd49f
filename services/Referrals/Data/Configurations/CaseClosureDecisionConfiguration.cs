using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Support.Referrals.Domain.Cases;

namespace Support.Referrals.Data.Configurations;

internal sealed class CaseClosureDecisionConfiguration : IEntityTypeConfiguration<CaseClosureDecision>
{
    public void Configure(EntityTypeBuilder<CaseClosureDecision> e)
    {
        e.ToTable("case_closure_decisions");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.ItemKey).HasMaxLength(200);
        e.Property(x => x.ItemKind).HasMaxLength(50);
        e.Property(x => x.Decision).HasMaxLength(4000);
        e.HasIndex(x => new { x.ClosureId, x.ItemKey }).IsUnique();
    }
}
