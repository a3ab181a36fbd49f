using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Support.Referrals.Domain.Cases;

namespace Support.Referrals.Data.Configurations;

internal sealed class InvolvedWorkerConfiguration : IEntityTypeConfiguration<InvolvedWorker>
{
    public void Configure(EntityTypeBuilder<InvolvedWorker> e)
    {
        e.ToTable("case_involved_workers");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Worker).HasMaxLength(200);
        e.Property(x => x.Role).HasMaxLength(100);
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId);
        e.HasIndex(x => x.CaseId);
    }
}
