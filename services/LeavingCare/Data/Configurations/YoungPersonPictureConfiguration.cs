using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Support.LeavingCare.Domain;

namespace Support.LeavingCare.Data.Configurations;

internal sealed class YoungPersonPictureConfiguration : IEntityTypeConfiguration<YoungPersonPicture>
{
    public void Configure(EntityTypeBuilder<YoungPersonPicture> e)
    {
        e.ToTable("pictures");
        e.HasKey(x => x.YoungPersonId);
        e.Property(x => x.YoungPersonId).ValueGeneratedNever();
        e.Property(x => x.AdviserUserId).HasMaxLength(200);
        e.Property(x => x.RiskLevel).HasConversion<string>().HasMaxLength(16);
        e.PrimitiveCollection(x => x.RiskIndicators).ElementType().HasConversion<string>();
        e.Property(x => x.Version).IsRowVersion();
        // The alert job's scans (HandoverAlertLead before the 18th birthday; keep-in-touch on the caseload).
        e.HasIndex(x => x.EighteenthBirthday);
        e.HasIndex(x => x.SupportUntil).HasFilter("on_caseload_since IS NOT NULL");
        e.HasIndex(x => x.AdviserUserId);
    }
}
