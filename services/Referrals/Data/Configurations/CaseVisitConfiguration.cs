using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Support.Referrals.Domain.Cases;

namespace Support.Referrals.Data.Configurations;

/// <summary>Case visits (REF-23): append-only, like every record of work done with a child.</summary>
internal sealed class CaseVisitConfiguration : IEntityTypeConfiguration<CaseVisit>
{
    public void Configure(EntityTypeBuilder<CaseVisit> e)
    {
        e.ToTable("case_visits");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Place).HasMaxLength(200);
        e.Property(x => x.Note).HasMaxLength(4000);
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.Property(x => x.RecordedByRole).HasMaxLength(100);
        e.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId);
        // The visit-gap query asks for each case's last face-to-face visit.
        e.HasIndex(x => new { x.CaseId, x.FaceToFace, x.OccurredAt });
    }
}

/// <summary>One notice per gap (REF-23): the key is the case and the contact the gap counts from.</summary>
internal sealed class VisitGapNoticeConfiguration : IEntityTypeConfiguration<VisitGapNotice>
{
    public void Configure(EntityTypeBuilder<VisitGapNotice> e)
    {
        e.ToTable("visit_gap_notices");
        e.HasKey(x => new { x.CaseId, x.Since });
        e.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId);
    }
}

/// <summary>Case supervision (REF-18, REC-06): append-only.</summary>
internal sealed class CaseSupervisionConfiguration : IEntityTypeConfiguration<CaseSupervision>
{
    public void Configure(EntityTypeBuilder<CaseSupervision> e)
    {
        e.ToTable("case_supervisions");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.CurrentHypothesis).HasMaxLength(4000);
        e.Property(x => x.AlternativesConsidered).HasMaxLength(4000);
        e.Property(x => x.Discussion).HasMaxLength(8000);
        e.Property(x => x.NotTeamManagerReason).HasMaxLength(2000);
        e.Property(x => x.Supervisor).HasMaxLength(200);
        e.Property(x => x.SupervisorRole).HasMaxLength(100);
        e.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId);
        // The supervision-gap list asks for each case's last supervision.
        e.HasIndex(x => new { x.CaseId, x.OccurredAt });
    }
}
