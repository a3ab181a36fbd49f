using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Support.LeavingCare.Domain;

namespace Support.LeavingCare.Data.Configurations;

internal sealed class HandoverAlertConfiguration : IEntityTypeConfiguration<HandoverAlert>
{
    public const string UniqueIndex = "ux_alerts_young_person_kind_due_on";

    public void Configure(EntityTypeBuilder<HandoverAlert> e)
    {
        e.ToTable("alerts");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Kind).HasMaxLength(32);
        e.Property(x => x.Recipient).HasMaxLength(200);
        e.Property(x => x.Queue).HasMaxLength(32);
        e.Property(x => x.AcknowledgedBy).HasMaxLength(200);
        // LC-01: each alert is created exactly once, whichever of the job and an event gets there first.
        e.HasIndex(x => new { x.YoungPersonId, x.Kind, x.DueOn }).IsUnique().HasDatabaseName(UniqueIndex);
        e.HasIndex(x => new { x.Recipient, x.RaisedAt });
        e.HasIndex(x => new { x.AcknowledgedAt, x.EscalatedAt, x.RaisedAt });
    }
}
