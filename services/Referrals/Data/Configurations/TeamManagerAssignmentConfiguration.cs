using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Support.Referrals.Domain.Cases;

namespace Support.Referrals.Data.Configurations;

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
