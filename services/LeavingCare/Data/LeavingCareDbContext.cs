using Microsoft.EntityFrameworkCore;
using Support.LeavingCare.Domain;
using Support.Messaging;
using Support.Registry;
using Support.ServiceDefaults.Data;

namespace Support.LeavingCare.Data;

/// <summary>The LeavingCare service's own database (leaving care: handover before 18 and support to 25); it shares no table with any other service.</summary>
public sealed class LeavingCareDbContext(DbContextOptions<LeavingCareDbContext> options) : DbContext(options)
{
    public const string Schema = "leavingcare";

    public DbSet<KnownYoungPerson> KnownYoungPeople => Set<KnownYoungPerson>();
    public DbSet<YoungPersonPicture> Pictures => Set<YoungPersonPicture>();
    public DbSet<PictureEvent> PictureEvents => Set<PictureEvent>();
    public DbSet<SharedViews> SharedViews => Set<SharedViews>();
    public DbSet<Adviser> Advisers => Set<Adviser>();
    public DbSet<AdviserAllocation> AdviserAllocations => Set<AdviserAllocation>();
    public DbSet<HandoverAlert> Alerts => Set<HandoverAlert>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<PathwayPlanReview> PathwayPlanReviews => Set<PathwayPlanReview>();
    public DbSet<UnmetNeed> UnmetNeeds => Set<UnmetNeed>();
    public DbSet<UnmetNeedMet> UnmetNeedsMet => Set<UnmetNeedMet>();
    public DbSet<FlaggedAddress> FlaggedAddresses => Set<FlaggedAddress>();
    public DbSet<AccommodationCheck> AccommodationChecks => Set<AccommodationCheck>();
    public DbSet<AccommodationDecision> AccommodationDecisions => Set<AccommodationDecision>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.StoreInstantsAsUtc();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.AddOutboxAndInbox().AddAccessLog().AddRegistryProjection();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(LeavingCareDbContext).Assembly);
    }
}
