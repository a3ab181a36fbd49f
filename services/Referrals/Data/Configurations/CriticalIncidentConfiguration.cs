using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Support.Referrals.Domain.CriticalIncidents;

namespace Support.Referrals.Data.Configurations;

internal sealed class CriticalIncidentConfiguration : IEntityTypeConfiguration<CriticalIncident>
{
    public void Configure(EntityTypeBuilder<CriticalIncident> e)
    {
        e.ToTable("critical_incidents");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(60);
        e.Property(x => x.SourceService).HasMaxLength(40);
        e.Property(x => x.SourceReference).HasMaxLength(200);
        e.Property(x => x.Summary).HasMaxLength(4000);
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.Property(x => x.RecordedByRole).HasMaxLength(100);
        // One incident per finding, however often it is delivered or re-sent (REF-22).
        e.HasIndex(x => new { x.SourceService, x.SourceReference, x.Kind }).IsUnique();
        e.HasIndex(x => x.YoungPersonId);
        e.HasIndex(x => x.AcknowledgeBy);
    }
}

internal sealed class CriticalIncidentAcknowledgementConfiguration : IEntityTypeConfiguration<CriticalIncidentAcknowledgement>
{
    public void Configure(EntityTypeBuilder<CriticalIncidentAcknowledgement> e)
    {
        e.ToTable("critical_incident_acknowledgements");
        // One acknowledgement per incident: two managers at the same moment, one wins and the other gets a 409.
        e.HasKey(x => x.IncidentId);
        e.HasOne<CriticalIncident>().WithOne().HasForeignKey<CriticalIncidentAcknowledgement>(x => x.IncidentId);
        e.Property(x => x.Note).HasMaxLength(4000);
        e.Property(x => x.AcknowledgedBy).HasMaxLength(200);
        e.Property(x => x.AcknowledgedByRole).HasMaxLength(100);
    }
}
