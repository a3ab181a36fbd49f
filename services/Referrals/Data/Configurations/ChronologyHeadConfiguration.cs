using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Support.Referrals.Domain.Chronology;

namespace Support.Referrals.Data.Configurations;

internal sealed class ChronologyHeadConfiguration : IEntityTypeConfiguration<ChronologyHead>
{
    public const string Table = "chronology_heads";

    public void Configure(EntityTypeBuilder<ChronologyHead> e)
    {
        e.ToTable(Table);
        e.HasKey(x => x.YoungPersonId);
        e.Property(x => x.YoungPersonId).ValueGeneratedNever();
        e.Property(x => x.LastHash).HasMaxLength(64);
    }
}
