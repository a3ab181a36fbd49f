using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Support.ServiceDefaults.Access;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Correlation;

namespace Support.ServiceDefaults.Audit;

/// <summary>
/// What a read was of. One spelling across every service, so "who read this child's record" finds the reads in all of
/// them (REC-08).
/// </summary>
public static class AccessSubjects
{
    public const string YoungPerson = "young-person";
}

public static class AccessActions
{
    public const string Read = "read";
    public const string SearchMatch = "search-match";
    /// <summary>The whole record copied into a disclosure pack (REC-10).</summary>
    public const string Export = "export";
    /// <summary>A partner asked for a record the information-sharing protocol does not give them (REC-11).</summary>
    public const string Refused = "refused";
}

/// <summary>
/// Writes who read which child's record. Reads are refused (fail closed) if the audit cannot be written, and a
/// partner's read of a young person they have no sharing relationship to is refused here too (REC-11): every read of
/// a child's record already passes through <see cref="RecordAsync"/>, so no read path can forget the check.
/// </summary>
public interface IAccessLog
{
    /// <summary>
    /// Records the read. For a young person's record read by a partner, first checks the sharing relationships: any
    /// young person not shared is written as <see cref="AccessActions.Refused"/> and <see cref="RecordAccessRefusedException"/>
    /// is thrown; a shared read is written with the relationship, purpose and lawful basis it was shared under.
    /// Search matches and lists are checked too: a search filters its matches for partners first (FindYoungPeople),
    /// and a list that names a young person the partner is not related to is refused whole.
    /// </summary>
    Task RecordAsync(string subjectType, IReadOnlyCollection<Guid> subjectIds, string action, CancellationToken cancellationToken);

    /// <summary>The same check before a read is served: refuses (logged, thrown) or returns quietly.</summary>
    Task EnsureMayReadAsync(string subjectType, IReadOnlyCollection<Guid> subjectIds, CancellationToken cancellationToken);

    /// <summary>
    /// For a response that can leave a record out rather than refuse (a partner referring a child they are not
    /// related to is told the referral was received, without the child's earlier referrals): records the read and
    /// returns true when every young person is shared with the caller; otherwise writes nothing, since nothing was
    /// shown, and returns false.
    /// </summary>
    Task<bool> TryRecordAsync(string subjectType, IReadOnlyCollection<Guid> subjectIds, string action, CancellationToken cancellationToken);

    Task<IReadOnlyList<AccessLogEntry>> ForSubjectAsync(string subjectType, Guid subjectId, CancellationToken cancellationToken);
}

internal sealed class AccessLog<TContext>(TContext db, IHttpContextAccessor http, IRecordAccess recordAccess, TimeProvider clock) : IAccessLog
    where TContext : DbContext
{
    // Scoped to one request: a read checked before it is served and recorded after asks the relationships once.
    private bool caseTeam;
    private readonly Dictionary<Guid, SharingBasis> sharedThisRequest = [];

    public async Task RecordAsync(string subjectType, IReadOnlyCollection<Guid> subjectIds, string action, CancellationToken cancellationToken)
    {
        if (subjectIds.Count == 0)
        {
            return;
        }
        var decision = await DecideAsync(subjectType, subjectIds, cancellationToken);
        if (decision.Refused.Count > 0)
        {
            await RefuseAsync(subjectType, decision.Refused, cancellationToken);
        }
        await WriteAsync(subjectType, subjectIds, action, decision, cancellationToken);
    }

    public async Task EnsureMayReadAsync(string subjectType, IReadOnlyCollection<Guid> subjectIds, CancellationToken cancellationToken)
    {
        var decision = await DecideAsync(subjectType, subjectIds, cancellationToken);
        if (decision.Refused.Count > 0)
        {
            await RefuseAsync(subjectType, decision.Refused, cancellationToken);
        }
    }

    public async Task<bool> TryRecordAsync(string subjectType, IReadOnlyCollection<Guid> subjectIds, string action, CancellationToken cancellationToken)
    {
        if (subjectIds.Count == 0)
        {
            return true;
        }
        var decision = await DecideAsync(subjectType, subjectIds, cancellationToken);
        if (decision.Refused.Count > 0)
        {
            return false;
        }
        await WriteAsync(subjectType, subjectIds, action, decision, cancellationToken);
        return true;
    }

    private async Task WriteAsync(string subjectType, IReadOnlyCollection<Guid> subjectIds, string action, RecordAccessDecision decision, CancellationToken cancellationToken)
    {
        foreach (var subjectId in subjectIds.Distinct())
        {
            db.Set<AccessLogEntry>().Add(Entry(subjectType, subjectId, action, decision.Shared.GetValueOrDefault(subjectId)));
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The decision for a read, remembering within the request what has already been decided shared.</summary>
    private async Task<RecordAccessDecision> DecideAsync(string subjectType, IReadOnlyCollection<Guid> subjectIds, CancellationToken cancellationToken)
    {
        if (subjectType != AccessSubjects.YoungPerson || caseTeam)
        {
            return RecordAccessDecision.ForCaseTeam;
        }
        var undecided = subjectIds.Where(id => !sharedThisRequest.ContainsKey(id)).Distinct().ToList();
        IReadOnlyList<Guid> refused = [];
        if (undecided.Count > 0)
        {
            var decision = await recordAccess.DecideAsync(Context().User, undecided, cancellationToken);
            if (decision.CaseTeam)
            {
                caseTeam = true;
                return decision;
            }
            foreach (var (id, basis) in decision.Shared)
            {
                sharedThisRequest[id] = basis;
            }
            refused = decision.Refused;
        }
        var shared = subjectIds.Distinct().Where(sharedThisRequest.ContainsKey).ToDictionary(id => id, id => sharedThisRequest[id]);
        return new RecordAccessDecision(false, shared, refused);
    }

    /// <summary>Logs the refusal and throws: the request fails with 403 (REC-11).</summary>
    private async Task RefuseAsync(string subjectType, IReadOnlyList<Guid> refused, CancellationToken cancellationToken)
    {
        // The request fails, so nothing it had staged may be stored with the refusal: only the refusal is.
        db.ChangeTracker.Clear();
        foreach (var id in refused)
        {
            db.Set<AccessLogEntry>().Add(Entry(subjectType, id, AccessActions.Refused, null));
        }
        await db.SaveChangesAsync(cancellationToken);
        throw new RecordAccessRefusedException();
    }

    private HttpContext Context() => http.HttpContext ?? throw new InvalidOperationException("Reads are audited within a request.");

    private AccessLogEntry Entry(string subjectType, Guid subjectId, string action, SharingBasis? basis)
    {
        var context = Context();
        var user = context.User;
        var now = clock.GetUtcNow();
        return new AccessLogEntry
        {
            Id = Guid.CreateVersion7(now),
            SubjectType = subjectType,
            SubjectId = subjectId,
            Action = action,
            Actor = user.UserId(),
            ActorRoles = string.Join(',', user.RoleCodes()),
            Path = context.Request.Path.Value ?? "",
            At = now,
            CorrelationId = CorrelationId.Current,
            SharedUnder = basis?.Relationship.ToString(),
            Purpose = basis?.Purpose,
            LawfulBasis = basis?.LawfulBasis,
        };
    }

    public async Task<IReadOnlyList<AccessLogEntry>> ForSubjectAsync(string subjectType, Guid subjectId, CancellationToken cancellationToken) =>
        await db.Set<AccessLogEntry>().AsNoTracking()
            .Where(e => e.SubjectType == subjectType && e.SubjectId == subjectId)
            .OrderBy(e => e.At).ThenBy(e => e.Id)
            .ToListAsync(cancellationToken);
}
