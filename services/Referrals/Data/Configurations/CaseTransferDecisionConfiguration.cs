using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Support.Referrals.Domain.Cases;

namespace Support.Referrals.Data.Configurations;

internal sealed class CaseTransferDecisionConfiguration : IEntityTypeConfiguration<CaseTransferDecision>
{
    public void Configure(EntityTypeBuilder<CaseTransferDecision> e)
    {
        e.ToTable("case_transfer_decisions");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Rationale).HasMaxLength(4000);
        e.Property(x => x.DecidedBy).HasMaxLength(200);
        e.Property(x => x.DecidedByRole).HasMaxLength(100);
        // Each kind of decision once per transfer, even when two managers press the button together.
        e.HasIndex(x => new { x.TransferId, x.Kind }).IsUnique();
    }
}
