using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Support.Referrals.Domain;

namespace Support.Referrals.Data.Configurations;

/// <summary>Family relationships (REF-19): append-only, one row per pair.</summary>
internal sealed class FamilyRelationshipConfiguration : IEntityTypeConfiguration<FamilyRelationship>
{
    public void Configure(EntityTypeBuilder<FamilyRelationship> e)
    {
        e.ToTable("family_relationships");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.HasOne<YoungPerson>().WithMany().HasForeignKey(x => x.FirstYoungPersonId);
        e.HasOne<YoungPerson>().WithMany().HasForeignKey(x => x.SecondYoungPersonId);
        e.HasIndex(x => new { x.FirstYoungPersonId, x.SecondYoungPersonId }).IsUnique();
        e.HasIndex(x => x.SecondYoungPersonId);
    }
}
