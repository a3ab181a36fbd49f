using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Support.Contracts.Referrals;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Domain.LinkProposals;
using Support.Referrals.Domain.OrganisedAbuse;
using Support.Referrals.Features.CriticalIncidents;
using Support.Referrals.Features.OrganisedAbuse;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;

namespace Support.Referrals.Features.LinkProposals;

/// <summary>
/// INT-02: a human confirms or rejects a proposed link, once. Confirming records it in the register exactly as a link
/// entered here would be (REF-13: a value shared by enough young people flags every one of them and alerts senior
/// managers once); INT-05: naming a licence opens a licensing notification task. Either way the proposing service is
/// told (<see cref="PersonOfConcernLinkDecided"/>), in the same transaction. A confirmed person who is on a placed child's
/// must-not-have-contact list raises a critical incident (<see cref="BarredPersonSighting"/>, REF-27).
/// </summary>
public static class DecideLinkProposal
{
    public sealed record ConfirmRequest(Guid? YoungPersonId, Licensing? Licensing);

    public sealed record RejectRequest(string? Reason);

    public static async Task<Results<Ok<LinkProposalResponse>, NotFound, ValidationProblem, ProblemHttpResult>> ConfirmAsync(
        Guid id, ConfirmRequest request, ReferralsDbContext db, IOutbox outbox, IOptions<S47Options> options, IOptions<CriticalIncidentOptions> incidents,
        IAccessLog accessLog, ClaimsPrincipal user, TimeProvider clock, CancellationToken cancellationToken)
    {
        var proposal = await db.Set<LinkProposal>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (proposal is null)
        {
            return TypedResults.NotFound();
        }
        var errors = new ValidationErrors()
            .When(proposal.YoungPersonId is null && request.YoungPersonId is null, "youngPersonId",
                "This proposal came without a young person: name the young person it is linked to.")
            .When(proposal.YoungPersonId is { } own && request.YoungPersonId is { } named && own != named, "youngPersonId",
                "This proposal is about another young person.");
        var youngPersonId = proposal.YoungPersonId ?? request.YoungPersonId;
        if (!errors.Any && !await db.YoungPeople.AnyAsync(p => p.Id == youngPersonId, cancellationToken))
        {
            errors.Add("youngPersonId", "No young person with this id is registered.");
        }
        if (errors.Any)
        {
            return errors.ToUnprocessable();
        }
        if (await db.Set<LinkProposalDecision>().AnyAsync(d => d.ProposalId == id, cancellationToken))
        {
            return AlreadyDecided();
        }
        var child = youngPersonId!.Value;
        var author = user.ToAuthor(clock);
        var (kind, value) = (proposal.Kind, proposal.Value);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The same lock as a link entered directly (OrganisedAbuseEndpoints), so the two paths still see each other.
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({kind + ":" + value}))", cancellationToken);
        if (!await db.YoungPersonLinks.AnyAsync(l => l.YoungPersonId == child && l.Kind == kind && l.Value == value, cancellationToken))
        {
            db.YoungPersonLinks.Add(YoungPersonLink.Record(child, kind, value, author));
        }
        var linked = await db.YoungPersonLinks.Where(l => l.Kind == kind && l.Value == value).Select(l => l.YoungPersonId).Distinct().ToListAsync(cancellationToken);
        linked = [.. linked.Append(child).Distinct()];
        Guid? networkId = null;
        if (linked.Count >= options.Value.OrganisedAbuseThreshold)
        {
            await LinkYoungPerson.FlagNetworkAsync(db, outbox, kind, value, linked, author.At, cancellationToken);
            networkId = db.OrganisedAbuseNetworks.Local.SingleOrDefault(n => n.Kind == kind && n.Value == value)?.Id;
        }
        db.Add(LinkProposalDecision.Confirm(proposal, child, request.Licensing, author));
        LicensingNotification? notification = null;
        if (request.Licensing is { } licensing)
        {
            notification = LicensingNotification.For(proposal, child, licensing, networkId, author);
            db.Add(notification);
            outbox.Add(new LicensingNotificationRequired
            {
                NotificationId = notification.Id,
                Licensing = licensing.ToString(),
                LinkKind = kind.ToString(),
                ProposalId = proposal.Id,
                OrganisedAbuseNetworkId = networkId,
                RequestedBy = author.UserId,
                OccurredAt = author.At,
            });
        }
        outbox.Add(Decided(proposal, author, confirmed: true, reason: null, linked.Count, networkId, notification?.Id));
        await BarredPersonSighting.RaiseIfBarredAsync(db, outbox, incidents.Value, proposal, child, kind, value, author, cancellationToken);
        if (await SaveAsync(db, transaction, cancellationToken) is { } conflict)
        {
            return conflict;
        }
        return await RespondAsync(db, accessLog, id, cancellationToken);
    }

    public static async Task<Results<Ok<LinkProposalResponse>, NotFound, ValidationProblem, ProblemHttpResult>> RejectAsync(
        Guid id, RejectRequest request, ReferralsDbContext db, IOutbox outbox, IAccessLog accessLog, ClaimsPrincipal user, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Required("reason", request.Reason, 2000);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var proposal = await db.Set<LinkProposal>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (proposal is null)
        {
            return TypedResults.NotFound();
        }
        if (await db.Set<LinkProposalDecision>().AnyAsync(d => d.ProposalId == id, cancellationToken))
        {
            return AlreadyDecided();
        }
        var author = user.ToAuthor(clock);
        var reason = request.Reason!.Trim();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Add(LinkProposalDecision.Reject(proposal, reason, author));
        outbox.Add(Decided(proposal, author, confirmed: false, reason, linkedYoungPeople: 0, networkId: null, notificationId: null));
        if (await SaveAsync(db, transaction, cancellationToken) is { } conflict)
        {
            return conflict;
        }
        return await RespondAsync(db, accessLog, id, cancellationToken);
    }

    private static PersonOfConcernLinkDecided Decided(
        LinkProposal proposal, Author author, bool confirmed, string? reason, int linkedYoungPeople, Guid? networkId, Guid? notificationId) => new()
    {
        ProposalId = proposal.Id,
        Source = proposal.Source,
        SourceReference = proposal.SourceReference,
        LinkKind = proposal.Kind.ToString(),
        Confirmed = confirmed,
        Reason = reason,
        LinkedYoungPeople = linkedYoungPeople,
        OrganisedAbuseNetworkId = networkId,
        LicensingNotificationId = notificationId,
        DecidedBy = author.UserId,
        DecidedByRole = author.Role,
        OccurredAt = author.At,
    };

    private static async Task<ProblemHttpResult?> SaveAsync(
        ReferralsDbContext db, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return AlreadyDecided();
        }
    }

    private static async Task<Results<Ok<LinkProposalResponse>, NotFound, ValidationProblem, ProblemHttpResult>> RespondAsync(
        ReferralsDbContext db, IAccessLog accessLog, Guid id, CancellationToken cancellationToken)
    {
        var response = (await ReadLinkProposals.FindAsync(db, id, cancellationToken))!;
        await accessLog.RecordAsync(AccessSubjects.YoungPerson, [.. response.NetworkMatches.Append(response.Decision!.YoungPersonId ?? Guid.Empty).Where(g => g != Guid.Empty)],
            AccessActions.Read, cancellationToken);
        return TypedResults.Ok(response);
    }

    private static ProblemHttpResult AlreadyDecided() =>
        Conflicts.Problem("This proposal has already been decided.");
}
