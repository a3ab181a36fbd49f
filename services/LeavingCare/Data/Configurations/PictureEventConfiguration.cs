using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Support.LeavingCare.Domain;

namespace Support.LeavingCare.Data.Configurations;

internal sealed class PictureEventConfiguration : IEntityTypeConfiguration<PictureEvent>
{
    public void Configure(EntityTypeBuilder<PictureEvent> e)
    {
        e.ToTable("picture_events");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Kind).HasMaxLength(64);
        e.Property(x => x.Label).HasMaxLength(500);
        e.Property(x => x.Actor).HasMaxLength(200);
        // One fact per thing, however often its event is re-sent.
        e.HasIndex(x => new { x.YoungPersonId, x.Kind, x.ReferenceId }).IsUnique();
    }
}
