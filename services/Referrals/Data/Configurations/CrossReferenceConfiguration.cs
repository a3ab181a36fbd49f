using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Support.Referrals.Domain;
using Support.Referrals.Domain.CrossReferences;

namespace Support.Referrals.Data.Configurations;

/// <summary>Cross-references (REF-19): append-only, as are the key workers' acknowledgements.</summary>
internal sealed class CrossReferenceConfiguration : IEntityTypeConfiguration<CrossReference>
{
    public void Configure(EntityTypeBuilder<CrossReference> e)
    {
        e.ToTable("cross_references");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.SourceKind).HasMaxLength(60);
        e.Property(x => x.SourceReference).HasMaxLength(200);
        e.Property(x => x.Summary).HasMaxLength(4000);
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.Property(x => x.RecordedByRole).HasMaxLength(100);
        e.HasOne<YoungPerson>().WithMany().HasForeignKey(x => x.SourceYoungPersonId);
        e.HasOne<YoungPerson>().WithMany().HasForeignKey(x => x.TaggedYoungPersonId);
        e.HasIndex(x => x.TaggedYoungPersonId);
    }
}

internal sealed class CrossReferenceAcknowledgementConfiguration : IEntityTypeConfiguration<CrossReferenceAcknowledgement>
{
    public void Configure(EntityTypeBuilder<CrossReferenceAcknowledgement> e)
    {
        e.ToTable("cross_reference_acknowledgements");
        e.HasKey(x => new { x.CrossReferenceId, x.KeyWorker });
        e.Property(x => x.KeyWorker).HasMaxLength(200);
        e.HasOne<CrossReference>().WithMany().HasForeignKey(x => x.CrossReferenceId);
    }
}

/// <summary>Adults named on a young person's records (REF-19): append-only.</summary>
internal sealed class AdultTagConfiguration : IEntityTypeConfiguration<AdultTag>
{
    public void Configure(EntityTypeBuilder<AdultTag> e)
    {
        e.ToTable("adult_tags");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.Value).HasMaxLength(500);
        e.Property(x => x.SourceKind).HasMaxLength(60);
        e.Property(x => x.SourceReference).HasMaxLength(200);
        e.Property(x => x.Summary).HasMaxLength(4000);
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.Property(x => x.RecordedByRole).HasMaxLength(100);
        e.HasIndex(x => new { x.YoungPersonId, x.RecordedAt });
    }
}
