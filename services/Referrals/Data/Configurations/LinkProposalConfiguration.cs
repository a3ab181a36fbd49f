using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Support.Referrals.Domain.LinkProposals;

namespace Support.Referrals.Data.Configurations;

internal sealed class LinkProposalConfiguration : IEntityTypeConfiguration<LinkProposal>
{
    public void Configure(EntityTypeBuilder<LinkProposal> e)
    {
        e.ToTable("link_proposals");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Value).HasMaxLength(500);
        e.Property(x => x.Written).HasMaxLength(500);
        e.Property(x => x.Description).HasMaxLength(2000);
        e.Property(x => x.Source).HasMaxLength(32);
        e.Property(x => x.ProposedBy).HasMaxLength(200);
        e.Property(x => x.ProposedByRole).HasMaxLength(100);
        e.HasIndex(x => x.YoungPersonId);
        e.HasIndex(x => new { x.Kind, x.Value });
        e.HasIndex(x => x.ReceivedAt);
    }
}

internal sealed class LinkProposalDecisionConfiguration : IEntityTypeConfiguration<LinkProposalDecision>
{
    public void Configure(EntityTypeBuilder<LinkProposalDecision> e)
    {
        e.ToTable("link_proposal_decisions");
        // One decision per proposal, even when two people decide at once.
        e.HasKey(x => x.ProposalId);
        e.HasOne<LinkProposal>().WithOne().HasForeignKey<LinkProposalDecision>(x => x.ProposalId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.Reason).HasMaxLength(2000);
        e.Property(x => x.Licensing).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.DecidedBy).HasMaxLength(200);
        e.Property(x => x.DecidedByRole).HasMaxLength(100);
    }
}

internal sealed class LicensingNotificationConfiguration : IEntityTypeConfiguration<LicensingNotification>
{
    public void Configure(EntityTypeBuilder<LicensingNotification> e)
    {
        e.ToTable("licensing_notifications");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.HasOne<LinkProposal>().WithMany().HasForeignKey(x => x.ProposalId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.ProposalId).IsUnique();
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Value).HasMaxLength(500);
        e.Property(x => x.Licensing).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.CreatedBy).HasMaxLength(200);
        e.HasIndex(x => x.CreatedAt);
    }
}

internal sealed class LicensingNotificationSentConfiguration : IEntityTypeConfiguration<LicensingNotificationSent>
{
    public void Configure(EntityTypeBuilder<LicensingNotificationSent> e)
    {
        e.ToTable("licensing_notifications_sent");
        e.HasKey(x => x.NotificationId);
        e.HasOne<LicensingNotification>().WithOne().HasForeignKey<LicensingNotificationSent>(x => x.NotificationId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.SentTo).HasMaxLength(500);
        e.Property(x => x.Summary).HasMaxLength(4000);
        e.Property(x => x.SentBy).HasMaxLength(200);
        e.Property(x => x.SentByRole).HasMaxLength(100);
    }
}
