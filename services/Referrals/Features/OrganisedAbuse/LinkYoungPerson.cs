using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Support.Contracts.Referrals;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Domain.OrganisedAbuse;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;

namespace Support.Referrals.Features.OrganisedAbuse;

/// <summary>Links a young person to a person, nickname, vehicle, phone or address; a link shared by enough children flags the network (REF-13).</summary>
public static class LinkYoungPerson
{
    public sealed record Request(LinkKind? Kind, string? Value);

    public static async Task<Results<Created<LinksResponse>, Ok<LinksResponse>, NotFound, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid id, Request request, ReferralsDbContext db, IOutbox outbox, IOptions<S47Options> options, ClaimsPrincipal user,
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
        await LockValueAsync(db, kind, value, cancellationToken);
        if (!await AddLinkAsync(db, outbox, options.Value, id, kind, value, author, cancellationToken))
        {
            return TypedResults.Ok(await GetYoungPersonLinks.LinksOfAsync(db, id, cancellationToken));
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return Conflicts.Problem("The link was recorded by someone else at the same time.");
        }
        return TypedResults.Created($"/api/referrals/young-people/{id}/links", await GetYoungPersonLinks.LinksOfAsync(db, id, cancellationToken));
    }

    /// <summary>
    /// Adds the link inside the caller's transaction, after the caller took the value's advisory lock; false when the
    /// child already has it. A value shared by enough children flags the network (REF-13).
    /// </summary>
    internal static async Task<bool> AddLinkAsync(
        ReferralsDbContext db, IOutbox outbox, S47Options options, Guid id, LinkKind kind, string value, Author author, CancellationToken cancellationToken)
    {
        if (await db.YoungPersonLinks.AnyAsync(l => l.YoungPersonId == id && l.Kind == kind && l.Value == value, cancellationToken))
        {
            return false;
        }
        db.YoungPersonLinks.Add(YoungPersonLink.Record(id, kind, value, author));
        var linked = await db.YoungPersonLinks.Where(l => l.Kind == kind && l.Value == value).Select(l => l.YoungPersonId)
            .Distinct().ToListAsync(cancellationToken);
        linked.Add(id);
        if (linked.Count >= options.OrganisedAbuseThreshold)
        {
            await FlagNetworkAsync(db, outbox, kind, value, linked, author.At, cancellationToken);
        }
        return true;
    }

    /// <summary>Serialises everyone linking to the same value, so two children linked at the same moment still see each other.</summary>
    internal static Task LockValueAsync(ReferralsDbContext db, LinkKind kind, string value, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({kind + ":" + value}))", cancellationToken);

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
}
