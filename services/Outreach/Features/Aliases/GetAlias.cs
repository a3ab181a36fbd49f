using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Outreach.Data;
using Support.Outreach.Features.Contacts;
using Support.ServiceDefaults.Audit;

namespace Support.Outreach.Features.Aliases;

/// <summary>An alias with its contacts and, once matched, who it was matched to (a read of that child's record, REC-08).</summary>
public static class GetAlias
{
    public static async Task<Results<Ok<AliasResponse>, NotFound>> HandleAsync(
        Guid id, OutreachDbContext db, IAccessLog accessLog, CancellationToken cancellationToken)
    {
        var alias = await db.Aliases.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (alias is null)
        {
            return TypedResults.NotFound();
        }
        var match = await db.AliasMatches.AsNoTracking().SingleOrDefaultAsync(m => m.AliasId == id, cancellationToken);
        if (match is not null)
        {
            await accessLog.RecordAsync(AccessSubjects.YoungPerson, [match.YoungPersonId], AccessActions.Read, cancellationToken);
        }
        var contacts = await ContactRecording.ResponsesAsync(db, db.Contacts.Where(c => c.AliasId == id), cancellationToken);
        return TypedResults.Ok(AliasResponse.From(alias, match, contacts));
    }
}

/// <summary>OUT-02: the alias stays searchable after a match; a search by part of the name finds it either way.</summary>
public static class SearchAliases
{
    public static async Task<Results<Ok<List<AliasResponse>>, ValidationProblem>> HandleAsync(string? name, OutreachDbContext db, CancellationToken cancellationToken)
    {
        var errors = new Support.ServiceDefaults.Problems.ValidationErrors().Text("name", name, 100, required: true);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var pattern = "%" + name!.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
        var aliases = await db.Aliases.AsNoTracking().Where(a => EF.Functions.ILike(a.Name, pattern))
            .OrderByDescending(a => a.RecordedAt).Take(100).ToListAsync(cancellationToken);
        var ids = aliases.Select(a => a.Id).ToList();
        var matches = await db.AliasMatches.AsNoTracking().Where(m => ids.Contains(m.AliasId)).ToDictionaryAsync(m => m.AliasId, cancellationToken);
        return TypedResults.Ok(aliases.Select(a => AliasResponse.From(a, matches.GetValueOrDefault(a.Id))).ToList());
    }
}
