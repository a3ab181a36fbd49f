using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Support.Referrals.Domain.OnCall;

namespace Support.Referrals.Data.Configurations;

internal sealed class OnCallShiftConfiguration : IEntityTypeConfiguration<OnCallShift>
{
    public void Configure(EntityTypeBuilder<OnCallShift> e)
    {
        e.ToTable("on_call_shifts");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.ManagerId).HasMaxLength(200);
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.Property(x => x.RecordedByRole).HasMaxLength(100);
        // Who is on call at an instant: shifts ending after it, latest recorded first.
        e.HasIndex(x => new { x.EndsAt, x.StartsAt });
    }
}
