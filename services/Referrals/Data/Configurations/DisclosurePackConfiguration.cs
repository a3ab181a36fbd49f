using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Support.Referrals.Domain;
using Support.Referrals.Domain.Disclosure;

namespace Support.Referrals.Data.Configurations;

/// <summary>
/// Disclosure packs (REC-10): append-only. The items are kept as the exact text their checksum was made of (<c>text</c>,
/// not <c>jsonb</c>, which would rewrite it).
/// </summary>
internal sealed class DisclosurePackConfiguration : IEntityTypeConfiguration<DisclosurePack>
{
    public const string Table = "disclosure_packs";

    public void Configure(EntityTypeBuilder<DisclosurePack> e)
    {
        e.ToTable(Table);
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Purpose).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.Recipient).HasMaxLength(200);
        e.Property(x => x.ItemsJson).HasColumnType("text");
        e.Property(x => x.Sha256).HasMaxLength(64);
        e.Property(x => x.CreatedBy).HasMaxLength(200);
        e.Property(x => x.CreatedByRole).HasMaxLength(100);
        e.HasOne<YoungPerson>().WithMany().HasForeignKey(x => x.YoungPersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.YoungPersonId, x.CreatedAt });
    }
}

/// <summary>Redactions (REC-09): append-only rows pointing into a pack; the pack itself is never altered.</summary>
internal sealed class RedactionConfiguration : IEntityTypeConfiguration<Redaction>
{
    public const string Table = "disclosure_redactions";

    public void Configure(EntityTypeBuilder<Redaction> e)
    {
        e.ToTable(Table);
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.ItemId).HasMaxLength(200);
        e.Property(x => x.Field).HasMaxLength(100);
        e.Property(x => x.Reason).HasMaxLength(Redaction.ReasonMaxLength);
        e.Property(x => x.Recipient).HasMaxLength(200);
        e.Property(x => x.RedactedBy).HasMaxLength(200);
        e.Property(x => x.RedactedByRole).HasMaxLength(100);
        e.HasOne<DisclosurePack>().WithMany().HasForeignKey(x => x.PackId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.PackId);
    }
}

/// <summary>Other services' parts of a pack (REC-10): append-only, one per pack and service, kept as the exact text their checksum was made of.</summary>
internal sealed class PackContributionConfiguration : IEntityTypeConfiguration<PackContribution>
{
    public const string Table = "disclosure_pack_contributions";

    public void Configure(EntityTypeBuilder<PackContribution> e)
    {
        e.ToTable(Table);
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Service).HasMaxLength(40);
        e.Property(x => x.ItemsJson).HasColumnType("text");
        e.Property(x => x.Sha256).HasMaxLength(64);
        e.HasOne<DisclosurePack>().WithMany().HasForeignKey(x => x.PackId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.PackId, x.Service }).IsUnique();
    }
}

/// <summary>Subject-access requests (issue 16 item 4): only the extension and the answer change a row, each once.</summary>
internal sealed class SubjectAccessRequestConfiguration : IEntityTypeConfiguration<SubjectAccessRequest>
{
    public void Configure(EntityTypeBuilder<SubjectAccessRequest> e)
    {
        e.ToTable("subject_access_requests");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Requester).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.HowReceived).HasMaxLength(200);
        e.Property(x => x.ExtensionReason).HasMaxLength(2000);
        e.Property(x => x.ExtendedBy).HasMaxLength(200);
        e.Property(x => x.AnsweredBy).HasMaxLength(200);
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.Property(x => x.RecordedByRole).HasMaxLength(100);
        // Two answers or extensions at once: the second fails on the row version instead of overwriting the first.
        e.Property<uint>("Version").IsRowVersion();
        e.HasOne<YoungPerson>().WithMany().HasForeignKey(x => x.YoungPersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<DisclosurePack>().WithMany().HasForeignKey(x => x.AnsweredWithPackId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.AnsweredAt, x.DueOn });
        e.HasIndex(x => x.YoungPersonId);
    }
}
