using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Problems;

namespace Support.Referrals.Features.YoungPeople;

/// <summary>
/// The current names of the young people a screen lists by id (<c>?ids=…&amp;ids=…</c>): the manager's dashboard rows
/// say who each overdue decision, review or unallocated case is about without opening every record. The lists carry
/// ids only, because their responses are shared with other screens and services. Audited as a read of each record
/// named (REC-08), and refused whole to a partner for a young person not shared with them (REC-11). Ids not known here
/// (or erased) are left out.
/// </summary>
public static class YoungPersonNames
{
    public const int MaxIds = 200;

    public sealed record Name(Guid Id, string DisplayName);

    public static async Task<Results<Ok<IReadOnlyList<Name>>, ValidationProblem>> HandleAsync(
        [FromQuery] Guid[]? ids, ReferralsDbContext db, IAccessLog accessLog, CancellationToken cancellationToken)
    {
        var wanted = (ids ?? []).Distinct().ToList();
        var errors = new ValidationErrors()
            .When(wanted.Count == 0, "ids", "Give at least one young person's id: ?ids=…&ids=….")
            .When(wanted.Count > MaxIds, "ids", $"At most {MaxIds} ids at once.");
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var versions = await db.YoungPersonDetails.AsNoTracking().Where(d => wanted.Contains(d.YoungPersonId)).ToListAsync(cancellationToken);
        var names = versions.GroupBy(d => d.YoungPersonId)
            .Select(person => person.MaxBy(d => d.Version)!)
            .Select(current => new Name(current.YoungPersonId, current.DisplayName))
            .ToList();
        await accessLog.RecordAsync(YoungPeopleEndpoints.SubjectType, names.Select(n => n.Id).ToList(), AccessActions.Read, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<Name>>(names);
    }
}
