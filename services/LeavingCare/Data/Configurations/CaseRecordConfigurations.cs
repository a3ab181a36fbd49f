using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Support.LeavingCare.Domain;

namespace Support.LeavingCare.Data.Configurations;

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> e)
    {
        e.ToTable("contacts");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.Method).HasMaxLength(64);
        e.Property(x => x.YoungPersonsWords).HasMaxLength(2000);
        e.Property(x => x.Concern).HasMaxLength(2000);
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.Property(x => x.RecordedByRole).HasMaxLength(64);
        e.HasIndex(x => new { x.YoungPersonId, x.OccurredAt });
    }
}

internal sealed class PathwayPlanReviewConfiguration : IEntityTypeConfiguration<PathwayPlanReview>
{
    public void Configure(EntityTypeBuilder<PathwayPlanReview> e)
    {
        e.ToTable("pathway_plan_reviews");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.Property(x => x.RecordedByRole).HasMaxLength(64);
        e.HasIndex(x => new { x.YoungPersonId, x.ReviewedOn });
    }
}

internal sealed class UnmetNeedConfiguration : IEntityTypeConfiguration<UnmetNeed>
{
    public void Configure(EntityTypeBuilder<UnmetNeed> e)
    {
        e.ToTable("unmet_needs");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.NeedCategory).HasMaxLength(64);
        e.Property(x => x.Reason).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.RefusedBy).HasMaxLength(100);
        e.Property(x => x.Details).HasMaxLength(2000);
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.Property(x => x.RecordedByRole).HasMaxLength(64);
        e.HasIndex(x => x.YoungPersonId);
    }
}

internal sealed class UnmetNeedMetConfiguration : IEntityTypeConfiguration<UnmetNeedMet>
{
    public void Configure(EntityTypeBuilder<UnmetNeedMet> e)
    {
        e.ToTable("unmet_needs_met");
        // A need is met once: a second answer for the same need is a 409, and two at once cannot both be stored.
        e.HasKey(x => x.UnmetNeedId);
        e.Property(x => x.UnmetNeedId).ValueGeneratedNever();
        e.HasOne<UnmetNeed>().WithOne().HasForeignKey<UnmetNeedMet>(x => x.UnmetNeedId);
        e.Property(x => x.How).HasMaxLength(1000);
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.Property(x => x.RecordedByRole).HasMaxLength(64);
        e.HasIndex(x => x.YoungPersonId);
    }
}

internal sealed class FlaggedAddressConfiguration : IEntityTypeConfiguration<FlaggedAddress>
{
    public void Configure(EntityTypeBuilder<FlaggedAddress> e)
    {
        e.ToTable("flagged_addresses");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Address).HasMaxLength(300);
        e.Property(x => x.Postcode).HasMaxLength(16);
        e.Property(x => x.AddressKey).HasMaxLength(300);
        e.Property(x => x.PostcodeKey).HasMaxLength(16);
        e.Property(x => x.Source).HasMaxLength(32);
        e.Property(x => x.Reason).HasMaxLength(1000);
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.HasIndex(x => x.PostcodeKey);
    }
}

internal sealed class AccommodationCheckConfiguration : IEntityTypeConfiguration<AccommodationCheck>
{
    public void Configure(EntityTypeBuilder<AccommodationCheck> e)
    {
        e.ToTable("accommodation_checks");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Address).HasMaxLength(300);
        e.Property(x => x.Postcode).HasMaxLength(16);
        e.Property(x => x.PlacementType).HasMaxLength(64);
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.Property(x => x.RecordedByRole).HasMaxLength(64);
        e.Ignore(x => x.NeedsDecision);
        e.HasIndex(x => x.YoungPersonId);
    }
}

internal sealed class AccommodationDecisionConfiguration : IEntityTypeConfiguration<AccommodationDecision>
{
    public void Configure(EntityTypeBuilder<AccommodationDecision> e)
    {
        e.ToTable("accommodation_decisions");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Rationale).HasMaxLength(2000);
        e.Property(x => x.DecidedBy).HasMaxLength(200);
        e.Property(x => x.DecidedByRole).HasMaxLength(64);
        e.HasIndex(x => x.CheckId).IsUnique();
    }
}

internal sealed class SharedViewsConfiguration : IEntityTypeConfiguration<SharedViews>
{
    public void Configure(EntityTypeBuilder<SharedViews> e)
    {
        e.ToTable("shared_views");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.SourceService).HasMaxLength(64);
        e.Property(x => x.Method).HasMaxLength(64);
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        // One row per source record, however often its event is re-sent.
        e.HasIndex(x => new { x.SourceService, x.SourceId }).IsUnique();
        e.HasIndex(x => new { x.YoungPersonId, x.SaidAt });
    }
}
