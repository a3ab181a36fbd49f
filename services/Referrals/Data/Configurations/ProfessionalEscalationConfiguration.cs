using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Support.Referrals.Domain.Escalations;

namespace Support.Referrals.Data.Configurations;

internal sealed class ProfessionalEscalationConfiguration : IEntityTypeConfiguration<ProfessionalEscalation>
{
    public void Configure(EntityTypeBuilder<ProfessionalEscalation> e)
    {
        e.ToTable("professional_escalations");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.DecisionKind).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.DecisionReference).HasMaxLength(200);
        e.Property(x => x.DecisionMadeBy).HasMaxLength(200);
        e.Property(x => x.DecisionMadeByRole).HasMaxLength(100);
        e.Property(x => x.Concern).HasMaxLength(4000);
        e.Property(x => x.ReviewerRole).HasMaxLength(100);
        e.Property(x => x.LodgedBy).HasMaxLength(200);
        e.Property(x => x.LodgedByRole).HasMaxLength(100);
        e.HasIndex(x => x.YoungPersonId);
        e.HasIndex(x => x.LodgedBy);
        e.HasIndex(x => x.RespondBy);
    }
}

/// <summary>Responses (REF-21): append-only, one per escalation, so two reviewers at once get one 200 and one 409.</summary>
internal sealed class EscalationResponseConfiguration : IEntityTypeConfiguration<EscalationResponse>
{
    public void Configure(EntityTypeBuilder<EscalationResponse> e)
    {
        e.ToTable("escalation_responses");
        e.HasKey(x => x.EscalationId);
        e.HasOne<ProfessionalEscalation>().WithOne().HasForeignKey<EscalationResponse>(x => x.EscalationId);
        e.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Response).HasMaxLength(8000);
        e.Property(x => x.RespondedBy).HasMaxLength(200);
        e.Property(x => x.RespondedByRole).HasMaxLength(100);
    }
}

/// <summary>Procedural defects (REF-21): append-only rows beside the escalation, which they never change.</summary>
internal sealed class ProceduralDefectConfiguration : IEntityTypeConfiguration<ProceduralDefect>
{
    public void Configure(EntityTypeBuilder<ProceduralDefect> e)
    {
        e.ToTable("escalation_procedural_defects");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.HasOne<ProfessionalEscalation>().WithMany().HasForeignKey(x => x.EscalationId);
        e.Property(x => x.Description).HasMaxLength(4000);
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.Property(x => x.RecordedByRole).HasMaxLength(100);
    }
}
