using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Support.Referrals.Domain.Cases;

namespace Support.Referrals.Data.Configurations;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> e)
    {
        e.ToTable("cases");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.LeadTeam).HasMaxLength(100);
        e.Property(x => x.AllocationCriterion).HasMaxLength(100);
        e.Property(x => x.CriteriaVersion).HasMaxLength(20);
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.Property(x => x.KeyWorker).HasMaxLength(200);
        e.Property(x => x.Version).IsConcurrencyToken();
        // At most one open case per young person; a closed case is re-opened only as a new case (REF-25).
        e.HasIndex(x => x.YoungPersonId).IsUnique().HasFilter("status = 'Open'").HasDatabaseName("ux_cases_one_open_per_young_person");
        e.HasIndex(x => new { x.YoungPersonId, x.OpenedAt });
        // A referral's decision opens at most one case, however often it is delivered.
        e.HasIndex(x => x.ReferralId).IsUnique().HasFilter("referral_id IS NOT NULL");
        e.HasIndex(x => new { x.Status, x.KeyWorker });
        e.Ignore(x => x.IsOpen);
    }
}

internal sealed class CaseLeadTeamConfiguration : IEntityTypeConfiguration<CaseLeadTeam>
{
    public void Configure(EntityTypeBuilder<CaseLeadTeam> e)
    {
        e.ToTable("case_lead_teams");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Team).HasMaxLength(100);
        e.Property(x => x.Criterion).HasMaxLength(100);
        e.Property(x => x.CriteriaVersion).HasMaxLength(20);
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId);
        e.HasIndex(x => new { x.CaseId, x.ValidFrom });
        e.HasIndex(x => x.TransferId).IsUnique().HasFilter("transfer_id IS NOT NULL");
    }
}

internal sealed class KeyWorkerAllocationConfiguration : IEntityTypeConfiguration<KeyWorkerAllocation>
{
    public void Configure(EntityTypeBuilder<KeyWorkerAllocation> e)
    {
        e.ToTable("key_worker_allocations");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.KeyWorker).HasMaxLength(200);
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.Property(x => x.RecordedByRole).HasMaxLength(100);
        e.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId);
        e.HasIndex(x => new { x.CaseId, x.ValidFrom });
        // REF-24, in the database: one first allocation per case, and each allocation is ended by at most one successor.
        e.HasIndex(x => x.CaseId).IsUnique().HasFilter("previous_allocation_id IS NULL").HasDatabaseName("ux_key_worker_allocations_first_per_case");
        e.HasIndex(x => x.PreviousAllocationId).IsUnique().HasFilter("previous_allocation_id IS NOT NULL");
    }
}

internal sealed class InvolvedWorkerConfiguration : IEntityTypeConfiguration<InvolvedWorker>
{
    public void Configure(EntityTypeBuilder<InvolvedWorker> e)
    {
        e.ToTable("case_involved_workers");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Worker).HasMaxLength(200);
        e.Property(x => x.Role).HasMaxLength(100);
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId);
        e.HasIndex(x => x.CaseId);
    }
}

internal sealed class TeamManagerAssignmentConfiguration : IEntityTypeConfiguration<TeamManagerAssignment>
{
    public void Configure(EntityTypeBuilder<TeamManagerAssignment> e)
    {
        e.ToTable("team_manager_assignments");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Team).HasMaxLength(100);
        e.Property(x => x.Manager).HasMaxLength(200);
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.HasIndex(x => new { x.Team, x.ValidFrom });
        // One manager at a time per team: a linear history, even under concurrent assignments.
        e.HasIndex(x => x.Team).IsUnique().HasFilter("previous_assignment_id IS NULL").HasDatabaseName("ux_team_manager_assignments_first_per_team");
        e.HasIndex(x => x.PreviousAssignmentId).IsUnique().HasFilter("previous_assignment_id IS NOT NULL");
    }
}

internal sealed class CaseTransferConfiguration : IEntityTypeConfiguration<CaseTransfer>
{
    public void Configure(EntityTypeBuilder<CaseTransfer> e)
    {
        e.ToTable("case_transfers");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.FromTeam).HasMaxLength(100);
        e.Property(x => x.ToTeam).HasMaxLength(100);
        e.Property(x => x.Summary).HasMaxLength(4000);
        e.Property(x => x.Criterion).HasMaxLength(100);
        e.Property(x => x.CriteriaVersion).HasMaxLength(20);
        e.Property(x => x.RequestedBy).HasMaxLength(200);
        e.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId);
        e.HasIndex(x => x.CaseId);
        e.HasMany(x => x.Decisions).WithOne().HasForeignKey(d => d.TransferId);
        e.Navigation(x => x.Decisions).HasField("_decisions").UsePropertyAccessMode(PropertyAccessMode.Field);
        e.Ignore(x => x.Status);
        e.Ignore(x => x.IsPending);
    }
}

internal sealed class CaseTransferDecisionConfiguration : IEntityTypeConfiguration<CaseTransferDecision>
{
    public void Configure(EntityTypeBuilder<CaseTransferDecision> e)
    {
        e.ToTable("case_transfer_decisions");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Rationale).HasMaxLength(4000);
        e.Property(x => x.DecidedBy).HasMaxLength(200);
        e.Property(x => x.DecidedByRole).HasMaxLength(100);
        // Each kind of decision once per transfer, even when two managers press the button together.
        e.HasIndex(x => new { x.TransferId, x.Kind }).IsUnique();
    }
}

internal sealed class CaseClosureConfiguration : IEntityTypeConfiguration<CaseClosure>
{
    public void Configure(EntityTypeBuilder<CaseClosure> e)
    {
        e.ToTable("case_closures");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Summary).HasMaxLength(8000);
        e.Property(x => x.Rationale).HasMaxLength(4000);
        e.Property(x => x.ApprovedBy).HasMaxLength(200);
        e.Property(x => x.ApprovedByRole).HasMaxLength(100);
        e.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId);
        e.HasIndex(x => x.CaseId).IsUnique();
        e.HasMany(x => x.Decisions).WithOne().HasForeignKey(d => d.ClosureId);
        e.Navigation(x => x.Decisions).HasField("_decisions").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class CaseClosureDecisionConfiguration : IEntityTypeConfiguration<CaseClosureDecision>
{
    public void Configure(EntityTypeBuilder<CaseClosureDecision> e)
    {
        e.ToTable("case_closure_decisions");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.ItemKey).HasMaxLength(200);
        e.Property(x => x.ItemKind).HasMaxLength(50);
        e.Property(x => x.Decision).HasMaxLength(4000);
        e.HasIndex(x => new { x.ClosureId, x.ItemKey }).IsUnique();
    }
}
