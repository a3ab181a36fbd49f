using Microsoft.EntityFrameworkCore;
using Support.Contracts.Incidents;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Domain.CriticalIncidents;
using Support.Referrals.Domain.LinkProposals;
using Support.Referrals.Domain.OrganisedAbuse;
using Support.Referrals.Features.CriticalIncidents;
using Support.Referrals.Features.Placements;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Features.LinkProposals;

/// <summary>
/// REF-27, REF-22, issue 15 item 12: "a person of concern's contact with a placed child raises a critical incident".
/// A carer reports contact directly; an outreach worker or the support line reports it as a proposed person-of-concern
/// link. When such a link is confirmed for a child who is placed now and it names someone on the child's
/// must-not-have-contact list (the name compared as the register compares names), the contact is a critical incident
/// for the senior managers' queue, exactly as a carer's report would be. Casey-M's foster carer let the perpetrator
/// "accompany her on holiday": whoever sees it, the senior manager hears of it.
/// </summary>
internal static class BarredPersonSighting
{
    public static async Task<CriticalIncident?> RaiseIfBarredAsync(
        ReferralsDbContext db, IOutbox outbox, CriticalIncidentOptions options, LinkProposal proposal, Guid child, LinkKind kind, string value,
        Author author, CancellationToken cancellationToken)
    {
        if (kind is not (LinkKind.Person or LinkKind.Nickname) || await db.CurrentPlacementAsync(child, cancellationToken) is null)
        {
            return null;
        }
        var listed = await db.BarredPersons.AsNoTracking()
            .Where(p => p.YoungPersonId == child && !db.BarredPersonRemovals.Any(r => r.BarredPersonId == p.Id))
            .Select(p => p.Name).ToListAsync(cancellationToken);
        if (!listed.Any(name => LinkValues.Normalise(kind, name) == value))
        {
            return null;
        }
        var incident = CriticalIncident.Raise(Guid.CreateVersion7(author.At), child, CriticalIncidentKind.ContactWithBarredPerson,
            RecordCriticalIncident.Service, $"link-proposal:{proposal.Id}", proposal.ProposedAt, author.At, options.Deadline,
            $"A person on the must-not-have-contact list was reported with the child while placed (reported by {proposal.Source}, link proposal {proposal.Id}).",
            author);
        db.Set<CriticalIncident>().Add(incident);
        outbox.Add(incident.Raised(author.At));
        return incident;
    }
}
