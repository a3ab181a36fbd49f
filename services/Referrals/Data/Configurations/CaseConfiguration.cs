using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Support.Referrals.Domain.Cases;

namespace Support.Referrals.Data.Configurations;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> e)
    {
        e.ToTable("cases");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.LeadTeam).HasMaxLength(100);
        e.Property(x => x.AllocationCriterion).HasMaxLength(100);
        e.Property(x => x.CriteriaVersion).HasMaxLength(20);
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.Property(x => x.KeyWorker).HasMaxLength(200);
        e.Property(x => x.Version).IsConcurrencyToken();
        // At most one open case per young person; a closed case is re-opened only as a new case (REF-25).
        e.HasIndex(x => x.YoungPersonId).IsUnique().HasFilter("status = 'Open'").HasDatabaseName("ux_cases_one_open_per_young_person");
        e.HasIndex(x => new { x.YoungPersonId, x.OpenedAt });
        // A referral's decision opens at most one case, however often it is delivered.
        e.HasIndex(x => x.ReferralId).IsUnique().HasFilter("referral_id IS NOT NULL");
        e.HasIndex(x => new { x.Status, x.KeyWorker });
        e.Ignore(x => x.IsOpen);
    }
}
