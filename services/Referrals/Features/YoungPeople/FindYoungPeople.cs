using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.ServiceDefaults.Access;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Problems;

namespace Support.Referrals.Features.YoungPeople;

/// <summary>
/// Possible matches for a name and/or date of birth, so a worker checks before registering someone twice. Each
/// person returned has been seen, so each appears in the access log as a search match (REC-08). A partner outside the
/// case team is shown only the young people they have a sharing relationship to (REC-11).
/// </summary>
public static class FindYoungPeople
{
    private const int MaxResults = 20;

    public sealed record Match(Guid Id, string DisplayName, DateOnly DateOfBirth, string LocalArea, IReadOnlyList<string> MatchedOn);

    public static async Task<Results<Ok<IReadOnlyList<Match>>, ValidationProblem>> HandleAsync(
        string? name, DateOnly? dateOfBirth, ClaimsPrincipal user, ReferralsDbContext db, IAccessLog accessLog, IRecordAccess recordAccess,
        CancellationToken cancellationToken)
    {
        var trimmed = name?.Trim();
        var errors = new ValidationErrors()
            .When(string.IsNullOrEmpty(trimmed) && dateOfBirth is null, "name", "Give 'name', 'dateOfBirth' or both.")
            .When(trimmed is { Length: > 0 and < 2 }, "name", "'name' needs at least 2 characters.")
            .MaxLength("name", trimmed, 100);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }

        var pattern = string.IsNullOrEmpty(trimmed) ? null : $"%{EscapeLike(trimmed)}%";
        var current = db.YoungPersonDetails.AsNoTracking()
            .Where(d => d.Version == db.YoungPersonDetails.Where(x => x.YoungPersonId == d.YoungPersonId).Max(x => x.Version));
        var candidates = await current
            .Where(d => (pattern != null && (EF.Functions.ILike(d.GivenName + " " + d.FamilyName, pattern)
                                             || EF.Functions.ILike(d.FamilyName, pattern)
                                             || (d.PreferredName != null && EF.Functions.ILike(d.PreferredName + " " + d.FamilyName, pattern))))
                        || (dateOfBirth != null && d.DateOfBirth == dateOfBirth))
            .OrderBy(d => d.FamilyName).ThenBy(d => d.GivenName)
            .Take(MaxResults * 5)
            .ToListAsync(cancellationToken);

        // A partner finds only the young people the information-sharing protocol lets them see (REC-11).
        var access = await recordAccess.DecideAsync(user, candidates.Select(d => d.YoungPersonId).ToList(), cancellationToken);
        var matches = candidates
            .Where(d => access.CaseTeam || access.Shared.ContainsKey(d.YoungPersonId))
            .Select(d =>
            {
                var on = new List<string>();
                if (pattern is not null && $"{d.GivenName} {d.FamilyName} {d.PreferredName} {d.FamilyName}".Contains(trimmed!, StringComparison.OrdinalIgnoreCase))
                {
                    on.Add("name");
                }
                if (dateOfBirth == d.DateOfBirth)
                {
                    on.Add("dateOfBirth");
                }
                return new Match(d.YoungPersonId, d.DisplayName, d.DateOfBirth, d.LocalArea, on);
            })
            .OrderByDescending(m => m.MatchedOn.Count)
            .Take(MaxResults)
            .ToList();

        await accessLog.RecordAsync(YoungPeopleEndpoints.SubjectType, matches.Select(m => m.Id).ToList(), AccessActions.SearchMatch, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<Match>>(matches);
    }

    private static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
