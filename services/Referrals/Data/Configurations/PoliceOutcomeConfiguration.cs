using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Support.Referrals.Domain;
using Support.Referrals.Domain.Cases;
using Support.Referrals.Domain.PoliceOutcomes;
using Support.Referrals.Domain.Referrals;

namespace Support.Referrals.Data.Configurations;

/// <summary>Police outcomes (REF-09): append-only, a correction is a new row pointing at the one it corrects.</summary>
internal sealed class PoliceOutcomeConfiguration : IEntityTypeConfiguration<PoliceOutcome>
{
    public const string Table = "police_outcomes";

    public void Configure(EntityTypeBuilder<PoliceOutcome> e)
    {
        e.ToTable(Table);
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.CrimeReference).HasMaxLength(PoliceOutcome.CrimeReferenceMaxLength);
        e.Property(x => x.Note).HasMaxLength(PoliceOutcome.NoteMaxLength);
        e.Property(x => x.CorrectionReason).HasMaxLength(PoliceOutcome.CorrectionReasonMaxLength);
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.Property(x => x.RecordedByRole).HasMaxLength(100);
        e.HasOne<YoungPerson>().WithMany().HasForeignKey(x => x.YoungPersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Referral>().WithMany().HasForeignKey(x => x.ReferralId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<PoliceOutcome>().WithMany().HasForeignKey(x => x.CorrectsId).OnDelete(DeleteBehavior.Restrict);
        // A young person's outcomes, newest first: the listing and the closure check (REF-09).
        e.HasIndex(x => new { x.YoungPersonId, x.RecordedAt });
        // A record is corrected at most once, so corrections form one chain and two racing corrections give one 409.
        e.HasIndex(x => x.CorrectsId).IsUnique().HasFilter("corrects_id IS NOT NULL");
    }
}
