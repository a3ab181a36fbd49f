using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Support.Referrals.Domain.Chronology;

namespace Support.Referrals.Data.Configurations;

internal sealed class ChronologyEntryConfiguration : IEntityTypeConfiguration<ChronologyEntry>
{
    public const string Table = "chronology_entries";

    public void Configure(EntityTypeBuilder<ChronologyEntry> e)
    {
        e.ToTable(Table);
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.SourceService).HasMaxLength(40);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Summary).HasMaxLength(2000);
        e.Property(x => x.AuthorId).HasMaxLength(200);
        e.Property(x => x.AuthorRole).HasMaxLength(100);
        e.Property(x => x.PreviousHash).HasMaxLength(64);
        e.Property(x => x.Hash).HasMaxLength(64);
        // One entry per place in the chain: a second writer that slipped past the head lock would fail here (REC-04).
        e.HasIndex(x => new { x.YoungPersonId, x.Sequence }).IsUnique();
        // The chronology is read in event order, newest page first.
        e.HasIndex(x => new { x.YoungPersonId, x.OccurredAt, x.Sequence });
        // One message, one entry per young person, whatever the inbox says.
        e.HasIndex(x => new { x.YoungPersonId, x.SourceMessageId }).IsUnique();
        // A chronology read fetches all of a young person's corrections at once (REC-05).
        e.HasIndex(x => new { x.YoungPersonId, x.Corrects }).HasFilter("corrects IS NOT NULL");
    }
}
