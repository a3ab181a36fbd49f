using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Support.Referrals.Domain.Cases;

namespace Support.Referrals.Data.Configurations;

internal sealed class CaseLeadTeamConfiguration : IEntityTypeConfiguration<CaseLeadTeam>
{
    public void Configure(EntityTypeBuilder<CaseLeadTeam> e)
    {
        e.ToTable("case_lead_teams");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Team).HasMaxLength(100);
        e.Property(x => x.Criterion).HasMaxLength(100);
        e.Property(x => x.CriteriaVersion).HasMaxLength(20);
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId);
        e.HasIndex(x => new { x.CaseId, x.ValidFrom });
        e.HasIndex(x => x.TransferId).IsUnique().HasFilter("transfer_id IS NOT NULL");
    }
}
