using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Support.LeavingCare.Domain;

namespace Support.LeavingCare.Data.Configurations;

internal sealed class FollowUpTaskConfiguration : IEntityTypeConfiguration<FollowUpTask>
{
    public void Configure(EntityTypeBuilder<FollowUpTask> e)
    {
        e.ToTable("follow_up_tasks");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Step).HasConversion<string>().HasMaxLength(60);
        e.Property(x => x.AssignedTo).HasMaxLength(200);
        e.Property(x => x.CompletedBy).HasMaxLength(200);
        e.Property(x => x.CompletionNote).HasMaxLength(2000);
        // Two people completing at once: the second update finds it already set and gets a 409.
        e.Property(x => x.CompletedAt).IsConcurrencyToken();
        // One task per step per episode, however often the report is delivered.
        e.HasIndex(x => new { x.EpisodeId, x.Step }).IsUnique();
        e.HasIndex(x => new { x.YoungPersonId, x.CompletedAt });
    }
}

internal sealed class CareLeaverClosureConfiguration : IEntityTypeConfiguration<CareLeaverClosure>
{
    public void Configure(EntityTypeBuilder<CareLeaverClosure> e)
    {
        e.ToTable("closures");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Reason).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.YoungPersonsViews).HasMaxLength(4000);
        e.Property(x => x.Rationale).HasMaxLength(4000);
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.Property(x => x.RecordedByRole).HasMaxLength(100);
        // A record is closed once: two managers at once, one wins and the other gets a 409.
        e.HasIndex(x => x.YoungPersonId).IsUnique();
    }
}

internal sealed class DependantConfiguration : IEntityTypeConfiguration<Dependant>
{
    public void Configure(EntityTypeBuilder<Dependant> e)
    {
        e.ToTable("dependants");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.HasIndex(x => x.YoungPersonId);
    }
}
