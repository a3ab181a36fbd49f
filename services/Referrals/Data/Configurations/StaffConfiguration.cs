using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Support.Referrals.Domain.Staff;

namespace Support.Referrals.Data.Configurations;

/// <summary>The staff directory (COM-10): one row per user id, and at most one deactivation each.</summary>
internal sealed class StaffMemberConfiguration : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> e)
    {
        e.ToTable("staff_members");
        e.HasKey(x => x.UserId);
        e.Property(x => x.UserId).HasMaxLength(200);
        e.Property(x => x.DisplayName).HasMaxLength(200);
        e.Property(x => x.Role).HasMaxLength(100);
        e.Property(x => x.Organisation).HasMaxLength(200);
        e.Property(x => x.RegisteredBy).HasMaxLength(200);
    }
}

internal sealed class StaffDeactivationConfiguration : IEntityTypeConfiguration<StaffDeactivation>
{
    public void Configure(EntityTypeBuilder<StaffDeactivation> e)
    {
        e.ToTable("staff_deactivations");
        e.HasKey(x => x.UserId);
        e.Property(x => x.UserId).HasMaxLength(200);
        e.Property(x => x.Reason).HasMaxLength(1000);
        e.Property(x => x.DeactivatedBy).HasMaxLength(200);
        e.HasOne<StaffMember>().WithOne().HasForeignKey<StaffDeactivation>(x => x.UserId);
    }
}
