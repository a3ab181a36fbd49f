using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;

namespace Support.Registry;

/// <summary>
/// Every context except Referrals keeps the same projection of the young-person registry; this is it, written once:
/// the table, its idempotent consumers (and those of the sharing relationships) and a staff-only, audited read endpoint.
/// </summary>
public static class RegistryProjection
{
    public sealed record KnownYoungPersonResponse(
        Guid Id, string DisplayName, DateOnly DateOfBirth, string? Gender, string? Ethnicity, int DetailsVersion, DateTimeOffset UpdatedAt);

    public static ModelBuilder AddRegistryProjection(this ModelBuilder modelBuilder)
    {
        modelBuilder.AddErasedYoungPeople();
        modelBuilder.Entity<KnownYoungPerson>(e =>
        {
            e.ToTable("young_people");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.DisplayName).HasMaxLength(201);
            e.Property(x => x.Gender).HasMaxLength(40);
            e.Property(x => x.Ethnicity).HasMaxLength(100);
        });
        return modelBuilder;
    }

    /// <summary>
    /// Registers the consumers on queues named <c>{service}-young-person-registered</c>, <c>...-details-corrected</c>,
    /// <c>...-sharing-relationship-recorded</c>, <c>...-sharing-relationship-ended</c> and <c>...-retention-period-ended</c>.
    /// </summary>
    public static IBusRegistrationConfigurator AddRegistryProjectionConsumers<TContext>(this IBusRegistrationConfigurator bus, string service)
        where TContext : DbContext
    {
        bus.AddConsumer<YoungPersonRegisteredConsumer<TContext>>(c => c.Options<BatchOptions>(o => o
                .SetMessageLimit(RegistrationBatches.MessageLimit)
                .SetTimeLimit(RegistrationBatches.TimeLimit)
                .SetConcurrencyLimit(RegistrationBatches.ConcurrencyLimit)))
            .Endpoint(e => e.Name = $"{service}-young-person-registered");
        // Its write leaves out anyone erased (KnownYoungPeople.UpsertAsync), so the per-message check is not repeated.
        bus.AddSingleton(new ErasureCheckedByTheWrite($"{service}-young-person-registered"));
        bus.AddConsumer<YoungPersonDetailsCorrectedConsumer<TContext>>().Endpoint(e => e.Name = $"{service}-young-person-details-corrected");
        // The sharing relationships a partner's reads of this service's records are decided on (REC-11).
        bus.AddConsumer<SharingRelationshipRecordedConsumer<TContext>>().Endpoint(e => e.Name = $"{service}-sharing-relationship-recorded");
        bus.AddConsumer<SharingRelationshipEndedConsumer<TContext>>().Endpoint(e => e.Name = $"{service}-sharing-relationship-ended");
        return bus.AddRetentionErasureConsumer<TContext>(service);
    }

    /// <summary>
    /// The retention erasure (REC-04), on <c>{service}-retention-period-ended</c>, and on every endpoint of the service
    /// the filter that sets aside messages about a young person it has erased; Referrals registers it alone.
    /// </summary>
    public static IBusRegistrationConfigurator AddRetentionErasureConsumer<TContext>(this IBusRegistrationConfigurator bus, string service)
        where TContext : DbContext
    {
        bus.AddConsumer<RetentionErasureConsumer<TContext>>().Endpoint(e => e.Name = $"{service}-retention-period-ended");
        bus.AddScoped<IErasedYoungPeople, ErasedYoungPeopleOf<TContext>>();
        bus.AddConfigureEndpointsCallback((context, name, endpoint) =>
        {
            if (!context.GetServices<ErasureCheckedByTheWrite>().Any(e => e.EndpointName == name))
            {
                endpoint.UseConsumeFilter(typeof(ErasedYoungPersonFilter<>), context);
            }
        });
        return bus;
    }

    /// <summary>An endpoint whose consumer leaves erased young people out in its own write, so it needs no <see cref="ErasedYoungPersonFilter{T}"/>.</summary>
    private sealed record ErasureCheckedByTheWrite(string EndpointName);

    /// <summary><c>GET /api/{service}/young-people/{id}</c>: identifiable, so staff-only and every read audited (REC-08).</summary>
    public static IEndpointRouteBuilder MapRegistryProjection<TContext>(this IEndpointRouteBuilder app, string service)
        where TContext : DbContext
    {
        app.MapGet($"/api/{service}/young-people/{{id:guid}}", async Task<Results<Ok<KnownYoungPersonResponse>, NotFound>> (
                Guid id, TContext db, CancellationToken cancellationToken) =>
            {
                var person = await db.Set<KnownYoungPerson>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
                return person is null
                    ? TypedResults.NotFound()
                    : TypedResults.Ok(new KnownYoungPersonResponse(person.Id, person.DisplayName, person.DateOfBirth, person.Gender, person.Ethnicity,
                        person.DetailsVersion, person.UpdatedAt));
            })
            .RequireAuthorization(Policies.CaseStaff)
            .AuditsReadOf(AccessSubjects.YoungPerson)
            .WithTags("Young people");
        return app;
    }
}
