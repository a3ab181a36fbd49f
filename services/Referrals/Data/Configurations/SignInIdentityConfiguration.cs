using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Support.Referrals.Domain.Disclosure;

namespace Support.Referrals.Data.Configurations;

internal sealed class SignInIdentityConfiguration : IEntityTypeConfiguration<SignInIdentity>
{
    public void Configure(EntityTypeBuilder<SignInIdentity> e)
    {
        e.ToTable("sign_in_identities");
        e.HasKey(x => x.Id);
        e.Property(x => x.Subject).HasMaxLength(200);
        e.Property(x => x.HowVerified).HasMaxLength(1000);
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.Property(x => x.RecordedByRole).HasMaxLength(100);
        e.Property(x => x.EndedBy).HasMaxLength(200);
        e.Property(x => x.EndReason).HasMaxLength(1000);
        // One standing link per sign-in: a young person's token can only ever reach one record.
        e.HasIndex(x => x.Subject).IsUnique().HasFilter("ended_at IS NULL");
        e.HasIndex(x => x.YoungPersonId);
    }
}
