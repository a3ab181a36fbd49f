using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Support.Referrals.Domain.Retention;

namespace Support.Referrals.Data.Configurations;

internal sealed class LegalHoldConfiguration : IEntityTypeConfiguration<LegalHold>
{
    public void Configure(EntityTypeBuilder<LegalHold> e)
    {
        e.ToTable("legal_holds");
        e.HasKey(x => x.Id);
        e.Property(x => x.Reason).HasMaxLength(2000);
        e.Property(x => x.ReleaseReason).HasMaxLength(2000);
        e.Property(x => x.PlacedBy).HasMaxLength(200);
        e.Property(x => x.PlacedByRole).HasMaxLength(100);
        e.Property(x => x.ReleasedBy).HasMaxLength(200);
        e.HasIndex(x => x.YoungPersonId).HasFilter("released_at IS NULL");
    }
}

internal sealed class RetentionTombstoneConfiguration : IEntityTypeConfiguration<RetentionTombstone>
{
    public void Configure(EntityTypeBuilder<RetentionTombstone> e)
    {
        e.ToTable("retention_tombstones");
        e.HasKey(x => x.Id);
        e.Property(x => x.Rule).HasConversion<string>().HasMaxLength(32);
        // One tombstone per young person: their records are removed once.
        e.HasIndex(x => x.YoungPersonId).IsUnique();
        e.HasIndex(x => x.ErasedAt);
        e.HasOne<RetentionRun>().WithMany().HasForeignKey(x => x.RunId);
    }
}

internal sealed class RetentionTombstoneEntryConfiguration : IEntityTypeConfiguration<RetentionTombstoneEntry>
{
    public void Configure(EntityTypeBuilder<RetentionTombstoneEntry> e)
    {
        e.ToTable("retention_tombstone_entries");
        e.HasKey(x => new { x.TombstoneId, x.Service, x.Table });
        e.Property(x => x.Service).HasMaxLength(100);
        e.Property(x => x.Table).HasMaxLength(200);
        e.HasOne<RetentionTombstone>().WithMany().HasForeignKey(x => x.TombstoneId);
    }
}

internal sealed class RetentionRunConfiguration : IEntityTypeConfiguration<RetentionRun>
{
    public void Configure(EntityTypeBuilder<RetentionRun> e)
    {
        e.ToTable("retention_runs");
        e.HasKey(x => x.Id);
        e.Property(x => x.StartedBy).HasMaxLength(200);
        e.HasIndex(x => x.StartedAt);
    }
}
