using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Support.Referrals.Domain.StrategyMeetings;

namespace Support.Referrals.Data.Configurations;

internal sealed class StrategyMeetingConfiguration : IEntityTypeConfiguration<StrategyMeeting>
{
    public void Configure(EntityTypeBuilder<StrategyMeeting> e)
    {
        e.ToTable("strategy_meetings");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Revision).IsConcurrencyToken();
        e.Property(x => x.Chair).AsJson();
        e.Property(x => x.Attendees).AsJson();
        e.Property(x => x.ChildViews).AsJson();
        e.Property(x => x.Decisions).AsJson();
        e.Property(x => x.Actions).AsJson();
        e.Property(x => x.FamilyView).HasMaxLength(8000);
        e.Property(x => x.NoFurtherActionRationale).HasMaxLength(4000);
        e.Property(x => x.CreatedBy).HasMaxLength(200);
        e.Property(x => x.UpdatedBy).HasMaxLength(200);
        e.Property(x => x.FinalisedBy).HasMaxLength(200);
        e.Property(x => x.FinalisedByRole).HasMaxLength(100);
        // "Which meetings discussed this child": every child's record shows them (REF-12).
        e.HasIndex(x => x.YoungPersonIds).HasMethod("gin");
        e.HasIndex(x => x.PathwayIds).HasMethod("gin");
    }
}

internal sealed class StrategyActionConfiguration : IEntityTypeConfiguration<StrategyAction>
{
    public void Configure(EntityTypeBuilder<StrategyAction> e)
    {
        e.ToTable("strategy_actions");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Description).HasMaxLength(4000);
        e.Property(x => x.Owner).HasMaxLength(200);
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.HasOne<StrategyMeeting>().WithMany().HasForeignKey(x => x.MeetingId);
        e.HasOne(x => x.Completion).WithOne().HasForeignKey<StrategyActionCompletion>(c => c.ActionId);
        e.HasMany(x => x.Deferrals).WithOne().HasForeignKey(d => d.ActionId);
        e.Navigation(x => x.Deferrals).HasField("_deferrals").UsePropertyAccessMode(PropertyAccessMode.Field);
        e.HasMany(x => x.Reassignments).WithOne().HasForeignKey(r => r.ActionId);
        e.Navigation(x => x.Reassignments).HasField("_reassignments").UsePropertyAccessMode(PropertyAccessMode.Field);
        e.Ignore(x => x.CurrentOwner);
        e.Ignore(x => x.Slipped);
        e.Ignore(x => x.CurrentDueAt);
        e.HasIndex(x => new { x.YoungPersonId, x.DueAt });
        e.HasIndex(x => x.DueAt);
        e.HasIndex(x => x.Owner);
    }
}

internal sealed class StrategyActionDeferralConfiguration : IEntityTypeConfiguration<StrategyActionDeferral>
{
    public void Configure(EntityTypeBuilder<StrategyActionDeferral> e)
    {
        e.ToTable("strategy_action_deferrals");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Reason).HasMaxLength(2000);
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.Property(x => x.RecordedByRole).HasMaxLength(100);
        // COM-10: two deferrals at once cannot both take the next number; the second is a 409.
        e.HasIndex(x => new { x.ActionId, x.Number }).IsUnique();
    }
}

internal sealed class StrategyActionReassignmentConfiguration : IEntityTypeConfiguration<StrategyActionReassignment>
{
    public void Configure(EntityTypeBuilder<StrategyActionReassignment> e)
    {
        e.ToTable("strategy_action_reassignments");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.FromOwner).HasMaxLength(200);
        e.Property(x => x.ToOwner).HasMaxLength(200);
        e.Property(x => x.Reason).HasMaxLength(2000);
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.Property(x => x.RecordedByRole).HasMaxLength(100);
        // COM-10: two handovers at once cannot both take the next number; the second is a 409.
        e.HasIndex(x => new { x.ActionId, x.Number }).IsUnique();
        // Deactivating someone asks which open actions they own now.
        e.HasIndex(x => x.ToOwner);
    }
}

internal sealed class StrategyActionOverdueNoticeConfiguration : IEntityTypeConfiguration<StrategyActionOverdueNotice>
{
    public void Configure(EntityTypeBuilder<StrategyActionOverdueNotice> e)
    {
        e.ToTable("strategy_action_overdue_notices");
        // One notice per action: announced once, even if two passes race (REF-11).
        e.HasKey(x => x.ActionId);
        e.Property(x => x.ActionId).ValueGeneratedNever();
        e.HasOne<StrategyAction>().WithOne().HasForeignKey<StrategyActionOverdueNotice>(x => x.ActionId);
    }
}

internal sealed class StrategyActionCompletionConfiguration : IEntityTypeConfiguration<StrategyActionCompletion>
{
    public void Configure(EntityTypeBuilder<StrategyActionCompletion> e)
    {
        e.ToTable("strategy_action_completions");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        // An action is completed once: a second, concurrent completion gets a 409.
        e.HasIndex(x => x.ActionId).IsUnique();
        e.Property(x => x.Note).HasMaxLength(4000);
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.Property(x => x.RecordedByRole).HasMaxLength(100);
    }
}

internal sealed class StrategyMeetingAddendumConfiguration : IEntityTypeConfiguration<StrategyMeetingAddendum>
{
    public void Configure(EntityTypeBuilder<StrategyMeetingAddendum> e)
    {
        e.ToTable("strategy_meeting_addenda");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Text).HasMaxLength(8000);
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.Property(x => x.RecordedByRole).HasMaxLength(100);
        e.HasOne<StrategyMeeting>().WithMany().HasForeignKey(x => x.MeetingId);
        e.HasIndex(x => x.MeetingId);
    }
}
