using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Support.LeavingCare.Domain;

namespace Support.LeavingCare.Data.Configurations;

internal sealed class AdviserConfiguration : IEntityTypeConfiguration<Adviser>
{
    public void Configure(EntityTypeBuilder<Adviser> e)
    {
        e.ToTable("advisers");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.UserId).HasMaxLength(200);
        e.Property(x => x.DisplayName).HasMaxLength(200);
        e.Property(x => x.Team).HasMaxLength(100);
        e.Property(x => x.Provider).HasMaxLength(100);
        e.Property(x => x.RegisteredBy).HasMaxLength(200);
        e.HasIndex(x => x.UserId).IsUnique();
    }
}

internal sealed class AdviserAllocationConfiguration : IEntityTypeConfiguration<AdviserAllocation>
{
    public void Configure(EntityTypeBuilder<AdviserAllocation> e)
    {
        e.ToTable("adviser_allocations");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.AdviserUserId).HasMaxLength(200);
        e.Property(x => x.PreviousAdviserUserId).HasMaxLength(200);
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.Property(x => x.RecordedByRole).HasMaxLength(64);
        e.HasIndex(x => new { x.YoungPersonId, x.RecordedAt });
    }
}

/// <summary>LC-07: provider history, append-only, numbered per adviser.</summary>
internal sealed class AdviserProviderChangeConfiguration : IEntityTypeConfiguration<AdviserProviderChange>
{
    public void Configure(EntityTypeBuilder<AdviserProviderChange> e)
    {
        e.ToTable("adviser_provider_changes");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.FromProvider).HasMaxLength(100);
        e.Property(x => x.ToProvider).HasMaxLength(100);
        e.Property(x => x.Reason).HasMaxLength(1000);
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.HasOne<Adviser>().WithMany().HasForeignKey(x => x.AdviserId);
        e.HasIndex(x => new { x.AdviserId, x.Number }).IsUnique();
    }
}
