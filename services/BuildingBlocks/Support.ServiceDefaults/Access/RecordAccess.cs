using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Registry;
using Support.ServiceDefaults.Auth;

namespace Support.ServiceDefaults.Access;

/// <summary>Why a partner may see one young person: the relationship and the protocol's terms for it (the share's ledger entry).</summary>
public sealed record SharingBasis(SharingRelationshipKind Relationship, string Purpose, string LawfulBasis);

/// <summary>
/// The decision on one caller's read of some young people's records. <see cref="CaseTeam"/>: no relationship is needed.
/// Otherwise each young person is either shared (with its basis) or refused.
/// </summary>
public sealed record RecordAccessDecision(bool CaseTeam, IReadOnlyDictionary<Guid, SharingBasis> Shared, IReadOnlyList<Guid> Refused)
{
    public static readonly RecordAccessDecision ForCaseTeam = new(true, new Dictionary<Guid, SharingBasis>(), []);
}

/// <summary>Decides, from the service's own copy of the sharing relationships, which young people a caller may see (REC-11).</summary>
public interface IRecordAccess
{
    Task<RecordAccessDecision> DecideAsync(ClaimsPrincipal user, IReadOnlyCollection<Guid> youngPersonIds, CancellationToken cancellationToken);
}

internal sealed class RecordAccess<TContext>(TContext db, InformationSharingProtocol protocol, TimeProvider clock) : IRecordAccess
    where TContext : DbContext
{
    public async Task<RecordAccessDecision> DecideAsync(ClaimsPrincipal user, IReadOnlyCollection<Guid> youngPersonIds, CancellationToken cancellationToken)
    {
        if (protocol.TermsFor(user) is not { } terms)
        {
            return RecordAccessDecision.ForCaseTeam;
        }
        var userId = user.UserId();
        var ids = youngPersonIds.Distinct().ToList();
        var now = clock.GetUtcNow();
        // Few rows per partner: read them and decide validity on the injected clock, not the database's.
        var relationships = await db.Set<SharingRelationship>().AsNoTracking()
            .Where(r => r.UserId == userId && ids.Contains(r.YoungPersonId) && terms.Relationships.Contains(r.Kind))
            .ToListAsync(cancellationToken);
        var shared = new Dictionary<Guid, SharingBasis>();
        foreach (var relationship in relationships.Where(r => r.IsActiveAt(now)).OrderBy(r => terms.Relationships.IndexOf(r.Kind)))
        {
            shared.TryAdd(relationship.YoungPersonId, new SharingBasis(relationship.Kind, terms.Purpose, terms.LawfulBasis));
        }
        return new RecordAccessDecision(false, shared, ids.Where(id => !shared.ContainsKey(id)).ToList());
    }
}

/// <summary>
/// A partner asked for a young person's record with no relationship the protocol accepts. Answered 403 by the
/// exception handler, after the refusal has been written to the access log; carries no personal data.
/// </summary>
public sealed class RecordAccessRefusedException() : Exception("No information-sharing relationship allows this read.")
{
    /// <summary>The <c>refusedBy</c> value of the 403: decided by relationship, not by role (docs/access-matrix.md).</summary>
    public const string RefusedBy = "information-sharing-protocol";
}
