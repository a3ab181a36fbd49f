using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Support.Contracts.Referrals;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Domain.OrganisedAbuse;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.OrganisedAbuse;

public static class OrganisedAbuseEndpoints
{
    public const string SubjectType = AccessSubjects.YoungPerson;
    public const string Flag = "OrganisedOrMultipleAbuse";

    public sealed record LinkRequest(LinkKind? Kind, string? Value);

    public sealed record LinkResponse(Guid Id, Guid YoungPersonId, LinkKind Kind, string Value, LondonTime RecordedAt, string RecordedBy);

    /// <summary>A child's links and, if any link is shared by enough children, the REF-13 flag and the networks that set it.</summary>
    public sealed record LinksResponse(Guid YoungPersonId, IReadOnlyList<LinkResponse> Links, IReadOnlyList<string> Flags, IReadOnlyList<Guid> NetworkIds);

    public static IEndpointRouteBuilder MapOrganisedAbuseEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/referrals/young-people/{id:guid}/links").RequireAuthorization(Policies.CaseStaff).WithTags("Organised abuse");
        group.MapPost("/", AddLinkAsync).WithName("LinkYoungPerson")
            .WithSummary("Link a young person to an alleged perpetrator, nickname, vehicle, phone or address; shared links flag organised or multiple abuse (REF-13).");
        group.MapGet("/", GetLinksAsync).AuditsReadOf(SubjectType).WithName("GetYoungPersonLinks")
            .WithSummary("A young person's links and organised-abuse flags.");
        return app;
    }

    private static async Task<Results<Created<LinksResponse>, Ok<LinksResponse>, NotFound, ValidationProblem, ProblemHttpResult>> AddLinkAsync(
        Guid id, LinkRequest request, ReferralsDbContext db, IOutbox outbox, IOptions<S47Options> options, ClaimsPrincipal user,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Required("kind", request.Kind).Required("value", request.Value, 500);
        var value = request.Kind is { } k && !string.IsNullOrWhiteSpace(request.Value) ? LinkValues.Normalise(k, request.Value) : "";
        errors.When(!errors.Any && value.Length == 0, "value", "The value has nothing to match on once normalised.");
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var kind = request.Kind!.Value;
        if (!await db.YoungPeople.AnyAsync(p => p.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var author = user.ToAuthor(clock);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Serialise everyone linking to the same value, so two children linked at the same moment still see each other.
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({kind + ":" + value}))", cancellationToken);
        if (await db.YoungPersonLinks.AnyAsync(l => l.YoungPersonId == id && l.Kind == kind && l.Value == value, cancellationToken))
        {
            return TypedResults.Ok(await LinksOfAsync(db, id, cancellationToken));
        }
        db.YoungPersonLinks.Add(YoungPersonLink.Record(id, kind, value, author));
        var linked = await db.YoungPersonLinks.Where(l => l.Kind == kind && l.Value == value).Select(l => l.YoungPersonId)
            .Distinct().ToListAsync(cancellationToken);
        linked.Add(id);
        if (linked.Count >= options.Value.OrganisedAbuseThreshold)
        {
            await FlagNetworkAsync(db, outbox, kind, value, linked, author.At, cancellationToken);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return TypedResults.Problem(title: "The link was recorded by someone else at the same time.", statusCode: StatusCodes.Status409Conflict);
        }
        return TypedResults.Created($"/api/referrals/young-people/{id}/links", await LinksOfAsync(db, id, cancellationToken));
    }

    /// <summary>
    /// REF-13: the network is identified once (and <c>OrganisedAbuseSuspected</c> announced once, to senior managers);
    /// every linked child carries the flag, including a child linked after the network was identified.
    /// </summary>
    internal static async Task FlagNetworkAsync(
        ReferralsDbContext db, IOutbox outbox, LinkKind kind, string value, IReadOnlyList<Guid> linked, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var network = await db.OrganisedAbuseNetworks.SingleOrDefaultAsync(n => n.Kind == kind && n.Value == value, cancellationToken);
        if (network is null)
        {
            network = OrganisedAbuseNetwork.Identify(kind, value, at);
            db.OrganisedAbuseNetworks.Add(network);
            outbox.Add(new OrganisedAbuseSuspected
            {
                NetworkId = network.Id,
                LinkKind = kind.ToString(),
                YoungPersonIds = [.. linked.Order()],
                OccurredAt = at,
            });
        }
        var networkId = network.Id;
        var flagged = await db.OrganisedAbuseFlags.Where(f => f.NetworkId == networkId).Select(f => f.YoungPersonId).ToListAsync(cancellationToken);
        foreach (var child in linked.Except(flagged))
        {
            db.OrganisedAbuseFlags.Add(OrganisedAbuseFlag.Set(child, network, at));
        }
    }

    private static async Task<Ok<LinksResponse>> GetLinksAsync(Guid id, ReferralsDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await LinksOfAsync(db, id, cancellationToken));

    private static async Task<LinksResponse> LinksOfAsync(ReferralsDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var links = await db.YoungPersonLinks.AsNoTracking().Where(l => l.YoungPersonId == id).OrderBy(l => l.RecordedAt).ToListAsync(cancellationToken);
        var networks = await db.OrganisedAbuseFlags.AsNoTracking().Where(f => f.YoungPersonId == id).Select(f => f.NetworkId).ToListAsync(cancellationToken);
        return new LinksResponse(id,
            links.Select(l => new LinkResponse(l.Id, l.YoungPersonId, l.Kind, l.Value, LondonTime.Of(l.RecordedAt), l.RecordedBy)).ToList(),
            networks.Count > 0 ? [Flag] : [], networks);
    }
}
