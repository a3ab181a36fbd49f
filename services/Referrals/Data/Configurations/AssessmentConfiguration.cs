using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Support.Referrals.Domain.Assessments;

namespace Support.Referrals.Data.Configurations;

/// <summary>Assessments (REF-17): the current state row, with everything written into it append-only beside it.</summary>
internal sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> e)
    {
        e.ToTable("assessments");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.OpenedBy).HasMaxLength(200);
        e.Property(x => x.OpenedByRole).HasMaxLength(100);
        e.Property(x => x.SignedBy).HasMaxLength(200);
        e.Property(x => x.SignedOffBy).HasMaxLength(200);
        e.Property(x => x.SignedOffByRole).HasMaxLength(100);
        // Two writers (or a writer and a sign-off) racing on the same version: one wins, the other gets a 409.
        e.Property(x => x.Version).IsConcurrencyToken();
        // One core assessment per s47 pathway, however the move is retried.
        e.HasIndex(x => x.PathwayId).IsUnique().HasFilter("pathway_id IS NOT NULL");
        // One open renewal or single assessment of a kind per young person at a time.
        e.HasIndex(x => new { x.YoungPersonId, x.Kind }).IsUnique().HasFilter("completed_at IS NULL AND kind <> 'S47Core'")
            .HasDatabaseName("ux_assessments_one_open_per_kind");
        e.HasIndex(x => new { x.YoungPersonId, x.CompletedAt });
        e.HasIndex(x => new { x.CompletedAt, x.DueAt });
    }
}

internal sealed class AssessmentEntryConfiguration : IEntityTypeConfiguration<AssessmentEntry>
{
    public void Configure(EntityTypeBuilder<AssessmentEntry> e)
    {
        e.ToTable("assessment_entries");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Section).HasConversion<string>().HasMaxLength(32);
        foreach (var text in new[] { nameof(AssessmentEntry.Account), nameof(AssessmentEntry.Feelings), nameof(AssessmentEntry.ShortTermImpact),
            nameof(AssessmentEntry.LongTermImpact), nameof(AssessmentEntry.WhatHappened), nameof(AssessmentEntry.Why), nameof(AssessmentEntry.Consequences),
            nameof(AssessmentEntry.Plan) })
        {
            e.Property(text).HasMaxLength(8000);
        }
        e.Property(x => x.Needs).HasJsonConversion();
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.Property(x => x.RecordedByRole).HasMaxLength(100);
        e.HasOne<Assessment>().WithMany().HasForeignKey(x => x.AssessmentId);
        e.HasIndex(x => new { x.AssessmentId, x.Sequence }).IsUnique();
    }
}

internal sealed class AssessmentInvitationConfiguration : IEntityTypeConfiguration<AssessmentInvitation>
{
    public void Configure(EntityTypeBuilder<AssessmentInvitation> e)
    {
        e.ToTable("assessment_invitations");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Worker).HasMaxLength(200);
        e.Property(x => x.WorkerRole).HasMaxLength(100);
        e.Property(x => x.InvitedBy).HasMaxLength(200);
        e.HasOne<Assessment>().WithMany().HasForeignKey(x => x.AssessmentId);
        e.HasIndex(x => new { x.AssessmentId, x.Worker }).IsUnique();
        e.HasIndex(x => x.Worker);
    }
}

internal sealed class AssessmentInvitationReplyConfiguration : IEntityTypeConfiguration<AssessmentInvitationReply>
{
    public void Configure(EntityTypeBuilder<AssessmentInvitationReply> e)
    {
        e.ToTable("assessment_invitation_replies");
        // One answer per invitation: the key refuses a second.
        e.HasKey(x => x.InvitationId);
        e.Property(x => x.Text).HasMaxLength(8000);
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.Property(x => x.RecordedByRole).HasMaxLength(100);
        e.HasOne<AssessmentInvitation>().WithOne().HasForeignKey<AssessmentInvitationReply>(x => x.InvitationId);
        e.HasIndex(x => x.AssessmentId);
    }
}

internal sealed class AssessmentSignatureConfiguration : IEntityTypeConfiguration<AssessmentSignature>
{
    public void Configure(EntityTypeBuilder<AssessmentSignature> e)
    {
        e.ToTable("assessment_signatures");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.SignedBy).HasMaxLength(200);
        e.Property(x => x.SignedByRole).HasMaxLength(100);
        e.HasOne<Assessment>().WithMany().HasForeignKey(x => x.AssessmentId);
        e.HasIndex(x => new { x.AssessmentId, x.Version }).IsUnique();
    }
}

internal sealed class AssessmentNeedTaskConfiguration : IEntityTypeConfiguration<AssessmentNeedTask>
{
    public void Configure(EntityTypeBuilder<AssessmentNeedTask> e)
    {
        e.ToTable("assessment_need_tasks");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Need).HasMaxLength(1000);
        e.Property(x => x.Category).HasMaxLength(100);
        e.Property(x => x.AssignedTo).HasMaxLength(200);
        e.Property(x => x.CreatedBy).HasMaxLength(200);
        e.HasOne<Assessment>().WithMany().HasForeignKey(x => x.AssessmentId);
        e.HasIndex(x => new { x.AssignedTo, x.DueAt });
        e.HasIndex(x => x.YoungPersonId);
    }
}

internal sealed class AssessmentNeedTaskCompletionConfiguration : IEntityTypeConfiguration<AssessmentNeedTaskCompletion>
{
    public void Configure(EntityTypeBuilder<AssessmentNeedTaskCompletion> e)
    {
        e.ToTable("assessment_need_task_completions");
        e.HasKey(x => x.TaskId);
        e.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.UnmetNeedReason).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.Detail).HasMaxLength(2000);
        e.Property(x => x.CompletedBy).HasMaxLength(200);
        e.Property(x => x.CompletedByRole).HasMaxLength(100);
        e.HasOne<AssessmentNeedTask>().WithOne().HasForeignKey<AssessmentNeedTaskCompletion>(x => x.TaskId);
    }
}

internal sealed class AssessmentOverdueNoticeConfiguration : IEntityTypeConfiguration<AssessmentOverdueNotice>
{
    public void Configure(EntityTypeBuilder<AssessmentOverdueNotice> e)
    {
        e.ToTable("assessment_overdue_notices");
        // One notice per assessment: announced once, even if two passes race (REF-17).
        e.HasKey(x => x.AssessmentId);
        e.Property(x => x.AssessmentId).ValueGeneratedNever();
        e.HasOne<Assessment>().WithOne().HasForeignKey<AssessmentOverdueNotice>(x => x.AssessmentId);
    }
}

internal sealed class AssessmentNeedTaskOverdueNoticeConfiguration : IEntityTypeConfiguration<AssessmentNeedTaskOverdueNotice>
{
    public void Configure(EntityTypeBuilder<AssessmentNeedTaskOverdueNotice> e)
    {
        e.ToTable("assessment_need_task_overdue_notices");
        e.HasKey(x => x.TaskId);
        e.Property(x => x.TaskId).ValueGeneratedNever();
        e.HasOne<AssessmentNeedTask>().WithOne().HasForeignKey<AssessmentNeedTaskOverdueNotice>(x => x.TaskId);
    }
}
