using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Support.Referrals.Domain.Cases;

namespace Support.Referrals.Data.Configurations;

internal sealed class KeyWorkerAllocationConfiguration : IEntityTypeConfiguration<KeyWorkerAllocation>
{
    public void Configure(EntityTypeBuilder<KeyWorkerAllocation> e)
    {
        e.ToTable("key_worker_allocations");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.KeyWorker).HasMaxLength(200);
        e.Property(x => x.EndReason).HasMaxLength(2000);
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.Property(x => x.RecordedByRole).HasMaxLength(100);
        e.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId);
        e.HasIndex(x => new { x.CaseId, x.ValidFrom });
        // REF-24, in the database: one first allocation per case, and each allocation is ended by at most one successor.
        e.HasIndex(x => x.CaseId).IsUnique().HasFilter("previous_allocation_id IS NULL").HasDatabaseName("ux_key_worker_allocations_first_per_case");
        e.HasIndex(x => x.PreviousAllocationId).IsUnique().HasFilter("previous_allocation_id IS NOT NULL");
    }
}
