using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Support.Referrals.Domain.Risk;

namespace Support.Referrals.Data.Configurations;

internal sealed class CurrentRiskLevelConfiguration : IEntityTypeConfiguration<CurrentRiskLevel>
{
    public void Configure(EntityTypeBuilder<CurrentRiskLevel> e)
    {
        e.ToTable("current_risk_levels");
        e.HasKey(x => x.YoungPersonId);
        e.Property(x => x.YoungPersonId).ValueGeneratedNever();
        e.Property(x => x.Level).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.SuggestedLevel).HasConversion<string>().HasMaxLength(16);
        e.PrimitiveCollection(x => x.Indicators).ElementType().HasConversion<string>();
        e.Property(x => x.RuleTableVersion).HasMaxLength(20);
        e.HasIndex(x => x.Level);
        // Two assessments racing to change the level: one wins, the other is told to reload (xmin).
        e.Property<uint>("RowVersion").IsRowVersion();
    }
}
