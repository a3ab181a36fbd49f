using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
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
}

/// <summary>Writes who read which child's record. Reads are refused (fail closed) if the audit cannot be written.</summary>
public interface IAccessLog
{
    Task RecordAsync(string subjectType, IReadOnlyCollection<Guid> subjectIds, string action, CancellationToken cancellationToken);

    Task<IReadOnlyList<AccessLogEntry>> ForSubjectAsync(string subjectType, Guid subjectId, CancellationToken cancellationToken);
}

internal sealed class AccessLog<TContext>(TContext db, IHttpContextAccessor http, TimeProvider clock) : IAccessLog
    where TContext : DbContext
{
    public async Task RecordAsync(string subjectType, IReadOnlyCollection<Guid> subjectIds, string action, CancellationToken cancellationToken)
    {
        if (subjectIds.Count == 0)
        {
            return;
        }
        var context = http.HttpContext ?? throw new InvalidOperationException("Reads are audited within a request.");
        var user = context.User;
        var now = clock.GetUtcNow();
        foreach (var subjectId in subjectIds.Distinct())
        {
            db.Set<AccessLogEntry>().Add(new AccessLogEntry
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
            });
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AccessLogEntry>> ForSubjectAsync(string subjectType, Guid subjectId, CancellationToken cancellationToken) =>
        await db.Set<AccessLogEntry>().AsNoTracking()
            .Where(e => e.SubjectType == subjectType && e.SubjectId == subjectId)
            .OrderBy(e => e.At).ThenBy(e => e.Id)
            .ToListAsync(cancellationToken);
}
