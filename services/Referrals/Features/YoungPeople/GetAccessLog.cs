using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.YoungPeople;

/// <summary>
/// Who has read this young person's record, when, and through which request (REC-08); for a partner's read, the
/// relationship, purpose and lawful basis it was shared under, and every refusal (REC-11): the young person's share
/// ledger.
/// </summary>
public static class GetAccessLog
{
    public sealed record Entry(
        LondonTime At, string Actor, string ActorRoles, string Action, string Path, string? CorrelationId,
        string? SharedUnder, string? Purpose, string? LawfulBasis);

    public static async Task<Results<Ok<IReadOnlyList<Entry>>, NotFound>> HandleAsync(
        Guid id, ReferralsDbContext db, IAccessLog accessLog, CancellationToken cancellationToken)
    {
        if (!await db.YoungPeople.AnyAsync(p => p.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var entries = await accessLog.ForSubjectAsync(YoungPeopleEndpoints.SubjectType, id, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<Entry>>(
            entries.Select(e => new Entry(
                LondonTime.Of(e.At), e.Actor, e.ActorRoles, e.Action, e.Path, e.CorrelationId, e.SharedUnder, e.Purpose, e.LawfulBasis)).ToList());
    }
}
