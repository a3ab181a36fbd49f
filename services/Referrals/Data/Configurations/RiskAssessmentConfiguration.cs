using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Support.Referrals.Domain.Risk;

namespace Support.Referrals.Data.Configurations;

internal sealed class RiskAssessmentConfiguration : IEntityTypeConfiguration<RiskAssessment>
{
    public void Configure(EntityTypeBuilder<RiskAssessment> e)
    {
        e.ToTable("risk_assessments");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.PrimitiveCollection(x => x.Indicators).ElementType().HasConversion<string>();
        e.PrimitiveCollection(x => x.IndicatorsFromRecord).ElementType().HasConversion<string>();
        e.PrimitiveCollection(x => x.ContributingIndicators).ElementType().HasConversion<string>();
        e.PrimitiveCollection(x => x.LegalFlags).ElementType().HasConversion<string>();
        e.Property(x => x.Matches).HasJsonConversion();
        e.Property(x => x.RuleTableVersion).HasMaxLength(20);
        e.Property(x => x.SuggestedLevel).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.ChosenLevel).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.PreviousLevel).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.LevelInForceWhileAwaiting).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Rationale).HasMaxLength(4000);
        e.Property(x => x.Notes).HasMaxLength(8000);
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.Property(x => x.RecordedByRole).HasMaxLength(100);
        e.Ignore(x => x.Rules);
        e.HasIndex(x => new { x.YoungPersonId, x.RecordedAt });
        // REF-14 override rate: suggested against chosen.
        e.HasIndex(x => new { x.SuggestedLevel, x.ChosenLevel });
    }
}

internal sealed class RiskAssessmentCountersignatureConfiguration : IEntityTypeConfiguration<RiskAssessmentCountersignature>
{
    public void Configure(EntityTypeBuilder<RiskAssessmentCountersignature> e)
    {
        e.ToTable("risk_assessment_countersignatures");
        // One countersignature per assessment: two managers racing get one success and one 409.
        e.HasKey(x => x.AssessmentId);
        e.Property(x => x.AssessmentId).ValueGeneratedNever();
        e.HasOne<RiskAssessment>().WithOne().HasForeignKey<RiskAssessmentCountersignature>(x => x.AssessmentId);
        e.Property(x => x.CountersignedBy).HasMaxLength(200);
        e.Property(x => x.CountersignedByRole).HasMaxLength(100);
    }
}

internal sealed class YoungPersonLegalFlagConfiguration : IEntityTypeConfiguration<YoungPersonLegalFlag>
{
    public void Configure(EntityTypeBuilder<YoungPersonLegalFlag> e)
    {
        e.ToTable("legal_flags");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Flag).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.RaisedBy).HasMaxLength(200);
        e.HasIndex(x => new { x.YoungPersonId, x.Flag, x.SourceId }).IsUnique();
        // REF-07: flag counts appear in reports.
        e.HasIndex(x => new { x.Flag, x.RaisedAt });
    }
}

internal sealed class RiskReviewCompletionConfiguration : IEntityTypeConfiguration<RiskReviewCompletion>
{
    public void Configure(EntityTypeBuilder<RiskReviewCompletion> e)
    {
        e.ToTable("risk_review_completions");
        // A review is completed once; a concurrent second completion hits this key and gets a 409.
        e.HasKey(x => x.ReviewId);
        e.Property(x => x.ReviewId).ValueGeneratedNever();
        e.HasOne<Domain.RiskReview>().WithOne().HasForeignKey<RiskReviewCompletion>(x => x.ReviewId);
        e.Property(x => x.Level).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Rationale).HasMaxLength(4000);
        e.Property(x => x.Actions).HasJsonConversion();
        e.Property(x => x.CompletedBy).HasMaxLength(200);
        e.Property(x => x.CompletedByRole).HasMaxLength(100);
        e.HasIndex(x => new { x.YoungPersonId, x.CompletedAt });
    }
}
