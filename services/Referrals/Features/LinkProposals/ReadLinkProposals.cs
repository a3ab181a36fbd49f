using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.Referrals.Domain.LinkProposals;
using Support.Referrals.Domain.OrganisedAbuse;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.LinkProposals;

public sealed record LinkProposalDecisionResponse(bool Confirmed, Guid? YoungPersonId, string? Reason, Licensing? Licensing, LondonTime DecidedAt, string DecidedBy, string DecidedByRole);

/// <summary>
/// A proposed link. <c>networkMatches</c> are the other young people already linked to the same normalised value: a
/// proposed network link (INT-02), which confirming would flag as organised or multiple abuse (REF-13).
/// <c>status</c>: <c>Pending</c>, <c>Confirmed</c> or <c>Rejected</c>.
/// </summary>
public sealed record LinkProposalResponse(
    Guid Id, Guid? YoungPersonId, LinkKind Kind, string Value, string Written, string? Description, string Source, Guid? SourceReference,
    LondonTime ProposedAt, string ProposedBy, string ProposedByRole, string Status, IReadOnlyList<Guid> NetworkMatches,
    LinkProposalDecisionResponse? Decision);

public static class ReadLinkProposals
{
    public const int MaxRows = 500;

    public static async Task<Results<Ok<IReadOnlyList<LinkProposalResponse>>, ValidationProblem>> ListAsync(
        string? status, Guid? youngPersonId, ReferralsDbContext db, IAccessLog accessLog, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().When(status is not (null or "pending" or "decided" or "all"), "status", "'status' is 'pending' (default), 'decided' or 'all'.");
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var query = db.Set<LinkProposal>().AsNoTracking()
            .GroupJoin(db.Set<LinkProposalDecision>(), p => p.Id, d => d.ProposalId, (p, d) => new { p, d })
            .SelectMany(x => x.d.DefaultIfEmpty(), (x, d) => new { x.p, d });
        query = status switch
        {
            "all" => query,
            "decided" => query.Where(x => x.d != null),
            _ => query.Where(x => x.d == null),
        };
        if (youngPersonId is { } person)
        {
            query = query.Where(x => x.p.YoungPersonId == person);
        }
        var rows = await query.OrderBy(x => x.p.ReceivedAt).Take(MaxRows).ToListAsync(cancellationToken);
        var responses = new List<LinkProposalResponse>(rows.Count);
        foreach (var row in rows)
        {
            responses.Add(Response(row.p, row.d, await NetworkMatchesAsync(db, row.p, cancellationToken)));
        }
        await AuditAsync(accessLog, responses, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<LinkProposalResponse>>(responses);
    }

    public static async Task<Results<Ok<LinkProposalResponse>, NotFound>> GetAsync(
        Guid id, ReferralsDbContext db, IAccessLog accessLog, CancellationToken cancellationToken)
    {
        if (await FindAsync(db, id, cancellationToken) is not { } response)
        {
            return TypedResults.NotFound();
        }
        await AuditAsync(accessLog, [response], cancellationToken);
        return TypedResults.Ok(response);
    }

    internal static async Task<LinkProposalResponse?> FindAsync(ReferralsDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var proposal = await db.Set<LinkProposal>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (proposal is null)
        {
            return null;
        }
        var decision = await db.Set<LinkProposalDecision>().AsNoTracking().SingleOrDefaultAsync(d => d.ProposalId == id, cancellationToken);
        return Response(proposal, decision, await NetworkMatchesAsync(db, proposal, cancellationToken));
    }

    /// <summary>Young people other than the proposal's own already linked to the same value.</summary>
    private static Task<List<Guid>> NetworkMatchesAsync(ReferralsDbContext db, LinkProposal proposal, CancellationToken cancellationToken) =>
        db.YoungPersonLinks.AsNoTracking()
            .Where(l => l.Kind == proposal.Kind && l.Value == proposal.Value && l.YoungPersonId != proposal.YoungPersonId)
            .Select(l => l.YoungPersonId).Distinct().OrderBy(x => x).ToListAsync(cancellationToken);

    /// <summary>Every young person a response names is a read of their record (REC-08).</summary>
    private static Task AuditAsync(IAccessLog accessLog, IReadOnlyList<LinkProposalResponse> responses, CancellationToken cancellationToken) =>
        accessLog.RecordAsync(AccessSubjects.YoungPerson,
            responses.SelectMany(r => r.NetworkMatches.Append(r.YoungPersonId ?? Guid.Empty).Append(r.Decision?.YoungPersonId ?? Guid.Empty))
                .Where(g => g != Guid.Empty).Distinct().ToList(),
            AccessActions.Read, cancellationToken);

    private static LinkProposalResponse Response(LinkProposal p, LinkProposalDecision? d, IReadOnlyList<Guid> matches) => new(
        p.Id, p.YoungPersonId, p.Kind, p.Value, p.Written, p.Description, p.Source, p.SourceReference, LondonTime.Of(p.ProposedAt), p.ProposedBy,
        p.ProposedByRole, d is null ? "Pending" : d.Confirmed ? "Confirmed" : "Rejected", matches,
        d is null ? null : new LinkProposalDecisionResponse(d.Confirmed, d.YoungPersonId, d.Reason, d.Licensing, LondonTime.Of(d.DecidedAt), d.DecidedBy, d.DecidedByRole));
}
