using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Support.Referrals.Domain;
using Support.Referrals.Domain.Placements;

namespace Support.Referrals.Data.Configurations;

/// <summary>Placements (REF-26): append-only; an ending is its own row, one per placement.</summary>
internal sealed class PlacementConfiguration : IEntityTypeConfiguration<Placement>
{
    public void Configure(EntityTypeBuilder<Placement> e)
    {
        e.ToTable("placements");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Type).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Reason).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Setting).HasMaxLength(200);
        e.Property(x => x.SettingKey).HasMaxLength(200);
        e.Property(x => x.Rationale).HasMaxLength(4000);
        e.Property(x => x.CarerUserId).HasMaxLength(200);
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.Property(x => x.RecordedByRole).HasMaxLength(100);
        e.HasOne<YoungPerson>().WithMany().HasForeignKey(x => x.YoungPersonId);
        e.HasIndex(x => x.YoungPersonId);
        // Admission asks who else lives at a setting now.
        e.HasIndex(x => x.SettingKey);
    }
}

internal sealed class PlacementEndingConfiguration : IEntityTypeConfiguration<PlacementEnding>
{
    public void Configure(EntityTypeBuilder<PlacementEnding> e)
    {
        e.ToTable("placement_endings");
        e.HasKey(x => x.PlacementId);
        e.Property(x => x.Reason).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.HasOne<Placement>().WithMany().HasForeignKey(x => x.PlacementId);
    }
}

internal sealed class PlacementRefusalConfiguration : IEntityTypeConfiguration<PlacementRefusal>
{
    public void Configure(EntityTypeBuilder<PlacementRefusal> e)
    {
        e.ToTable("placement_refusals");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.RequestedType).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Reason).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Note).HasMaxLength(4000);
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.HasOne<YoungPerson>().WithMany().HasForeignKey(x => x.YoungPersonId);
    }
}

internal sealed class RiskToOthersFlagConfiguration : IEntityTypeConfiguration<RiskToOthersFlag>
{
    public void Configure(EntityTypeBuilder<RiskToOthersFlag> e)
    {
        e.ToTable("risk_to_others_flags");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Description).HasMaxLength(4000);
        e.Property(x => x.TowardsGender).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.Property(x => x.RecordedByRole).HasMaxLength(100);
        e.HasOne<YoungPerson>().WithMany().HasForeignKey(x => x.YoungPersonId);
        e.HasIndex(x => x.YoungPersonId);
    }
}

internal sealed class RiskToOthersWithdrawalConfiguration : IEntityTypeConfiguration<RiskToOthersWithdrawal>
{
    public void Configure(EntityTypeBuilder<RiskToOthersWithdrawal> e)
    {
        e.ToTable("risk_to_others_withdrawals");
        e.HasKey(x => x.FlagId);
        e.Property(x => x.Reason).HasMaxLength(4000);
        e.Property(x => x.WithdrawnBy).HasMaxLength(200);
        e.HasOne<RiskToOthersFlag>().WithMany().HasForeignKey(x => x.FlagId);
    }
}

internal sealed class PlacementMatchingAssessmentConfiguration : IEntityTypeConfiguration<PlacementMatchingAssessment>
{
    public void Configure(EntityTypeBuilder<PlacementMatchingAssessment> e)
    {
        e.ToTable("placement_matching_assessments");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Setting).HasMaxLength(200);
        e.Property(x => x.SettingKey).HasMaxLength(200);
        e.Property(x => x.Analysis).HasMaxLength(8000);
        e.Property(x => x.SafetyPlan).HasMaxLength(8000);
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.HasOne<YoungPerson>().WithMany().HasForeignKey(x => x.YoungPersonId);
        e.HasIndex(x => new { x.YoungPersonId, x.SettingKey });
    }
}

internal sealed class PlacementMatchingDecisionConfiguration : IEntityTypeConfiguration<PlacementMatchingDecision>
{
    public void Configure(EntityTypeBuilder<PlacementMatchingDecision> e)
    {
        e.ToTable("placement_matching_decisions");
        e.HasKey(x => x.AssessmentId);
        e.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Rationale).HasMaxLength(4000);
        e.Property(x => x.DecidedBy).HasMaxLength(200);
        e.Property(x => x.DecidedByRole).HasMaxLength(100);
        e.HasOne<PlacementMatchingAssessment>().WithMany().HasForeignKey(x => x.AssessmentId);
    }
}

internal sealed class BarredPersonConfiguration : IEntityTypeConfiguration<BarredPerson>
{
    public void Configure(EntityTypeBuilder<BarredPerson> e)
    {
        e.ToTable("barred_persons");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.Description).HasMaxLength(2000);
        e.Property(x => x.Reason).HasMaxLength(2000);
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.HasOne<YoungPerson>().WithMany().HasForeignKey(x => x.YoungPersonId);
        e.HasIndex(x => x.YoungPersonId);
    }
}

internal sealed class BarredContactReportConfiguration : IEntityTypeConfiguration<BarredContactReport>
{
    public void Configure(EntityTypeBuilder<BarredContactReport> e)
    {
        e.ToTable("barred_contact_reports");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Account).HasMaxLength(4000);
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.Property(x => x.RecordedByRole).HasMaxLength(100);
        e.HasOne<Placement>().WithMany().HasForeignKey(x => x.PlacementId);
        e.HasOne<BarredPerson>().WithMany().HasForeignKey(x => x.BarredPersonId);
    }
}

internal sealed class BarredPersonRemovalConfiguration : IEntityTypeConfiguration<BarredPersonRemoval>
{
    public void Configure(EntityTypeBuilder<BarredPersonRemoval> e)
    {
        e.ToTable("barred_person_removals");
        e.HasKey(x => x.BarredPersonId);
        e.Property(x => x.Reason).HasMaxLength(2000);
        e.Property(x => x.RemovedBy).HasMaxLength(200);
        e.Property(x => x.RemovedByRole).HasMaxLength(100);
        e.HasOne<BarredPerson>().WithMany().HasForeignKey(x => x.BarredPersonId);
    }
}
