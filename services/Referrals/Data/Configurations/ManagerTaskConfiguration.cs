using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Support.Referrals.Domain;

namespace Support.Referrals.Data.Configurations;

internal sealed class ManagerTaskConfiguration : IEntityTypeConfiguration<ManagerTask>
{
    public void Configure(EntityTypeBuilder<ManagerTask> e)
    {
        e.ToTable("manager_tasks");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Flag).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.CreatedBy).HasMaxLength(200);
        e.HasIndex(x => x.CreatedAt);
        e.HasIndex(x => x.YoungPersonId);
        // MIS-04: one strategy-meeting decision per missing pattern, even when the same pattern is delivered twice at once.
        e.HasIndex(x => new { x.Kind, x.SourceId }).IsUnique().HasFilter("kind = 'StrategyMeetingDecision'")
            .HasDatabaseName("ix_manager_tasks_one_strategy_decision_per_pattern");
    }
}

internal sealed class ManagerTaskCompletionConfiguration : IEntityTypeConfiguration<ManagerTaskCompletion>
{
    public void Configure(EntityTypeBuilder<ManagerTaskCompletion> e)
    {
        e.ToTable("manager_task_completions");
        e.HasKey(x => x.TaskId);
        e.Property(x => x.TaskId).ValueGeneratedNever();
        e.HasOne<ManagerTask>().WithOne().HasForeignKey<ManagerTaskCompletion>(x => x.TaskId);
        e.Property(x => x.Decision).HasMaxLength(4000);
        e.Property(x => x.CompletedBy).HasMaxLength(200);
        e.Property(x => x.CompletedByRole).HasMaxLength(100);
    }
}

internal sealed class MissingEpisodeSeenConfiguration : IEntityTypeConfiguration<MissingEpisodeSeen>
{
    public void Configure(EntityTypeBuilder<MissingEpisodeSeen> e)
    {
        e.ToTable("missing_episodes_seen");
        e.HasKey(x => x.EpisodeId);
        e.Property(x => x.EpisodeId).ValueGeneratedNever();
        e.HasIndex(x => new { x.YoungPersonId, x.LastSeenAt });
    }
}
