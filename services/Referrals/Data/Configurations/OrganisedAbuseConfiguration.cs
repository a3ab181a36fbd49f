using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Support.Referrals.Domain.OrganisedAbuse;

namespace Support.Referrals.Data.Configurations;

internal sealed class YoungPersonLinkConfiguration : IEntityTypeConfiguration<YoungPersonLink>
{
    public void Configure(EntityTypeBuilder<YoungPersonLink> e)
    {
        e.ToTable("young_person_links");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Value).HasMaxLength(500);
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.Property(x => x.RecordedByRole).HasMaxLength(100);
        e.HasIndex(x => new { x.YoungPersonId, x.Kind, x.Value }).IsUnique();
        e.HasIndex(x => new { x.Kind, x.Value });
    }
}

internal sealed class OrganisedAbuseNetworkConfiguration : IEntityTypeConfiguration<OrganisedAbuseNetwork>
{
    public void Configure(EntityTypeBuilder<OrganisedAbuseNetwork> e)
    {
        e.ToTable("organised_abuse_networks");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Value).HasMaxLength(500);
        // One network per shared link, so OrganisedAbuseSuspected is announced once (REF-13).
        e.HasIndex(x => new { x.Kind, x.Value }).IsUnique();
    }
}

internal sealed class OrganisedAbuseFlagConfiguration : IEntityTypeConfiguration<OrganisedAbuseFlag>
{
    public void Configure(EntityTypeBuilder<OrganisedAbuseFlag> e)
    {
        e.ToTable("organised_abuse_flags");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.HasOne<OrganisedAbuseNetwork>().WithMany().HasForeignKey(x => x.NetworkId);
        e.HasIndex(x => new { x.YoungPersonId, x.NetworkId }).IsUnique();
    }
}
