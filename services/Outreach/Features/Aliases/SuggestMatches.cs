using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Outreach.Data;
using Support.ServiceDefaults.Time;

namespace Support.Outreach.Features.Aliases;

/// <summary>
/// OUT-02: registered young people an alias might be, for a worker to confirm or not. A candidate shares a name with the
/// alias (a whole word of the registered name, or its start: "Jade" finds "Jade Smith" and "Jadeline Roe") and, when
/// the alias has an approximate age, is within two years of it. Never applied automatically. The registry projection
/// carries no area, so area is for the worker to weigh, shown beside the alias.
/// </summary>
public static class SuggestMatches
{
    public const int AgeTolerance = 2;

    public sealed record Candidate(Guid YoungPersonId, string DisplayName, DateOnly DateOfBirth, int Age, IReadOnlyList<string> MatchedOn);

    public sealed record Response(Guid AliasId, string AliasName, int? ApproximateAge, string? Area, IReadOnlyList<Candidate> Candidates);

    public static async Task<Results<Ok<Response>, NotFound>> HandleAsync(Guid id, OutreachDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var alias = await db.Aliases.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (alias is null)
        {
            return TypedResults.NotFound();
        }
        var today = London.DateOf(clock.GetUtcNow());
        var words = alias.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var first = words[0].Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
        // Pre-filter in the database by the first word; the precise rule runs below.
        var people = await db.KnownYoungPeople.AsNoTracking()
            .Where(p => EF.Functions.ILike(p.DisplayName, first + "%") || EF.Functions.ILike(p.DisplayName, "% " + first + "%"))
            .Take(200).ToListAsync(cancellationToken);
        var candidates = new List<Candidate>();
        foreach (var person in people)
        {
            var nameWords = person.DisplayName.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (!words.Any(w => nameWords.Any(n => n.StartsWith(w, StringComparison.OrdinalIgnoreCase))))
            {
                continue;
            }
            var age = AgeOn(person.DateOfBirth, today);
            var matchedOn = new List<string> { "name" };
            if (alias.ApproximateAge is { } approximate)
            {
                if (Math.Abs(age - approximate) > AgeTolerance)
                {
                    continue;
                }
                matchedOn.Add("age");
            }
            candidates.Add(new Candidate(person.Id, person.DisplayName, person.DateOfBirth, age, matchedOn));
        }
        return TypedResults.Ok(new Response(alias.Id, alias.Name, alias.ApproximateAge, alias.Area,
            candidates.OrderByDescending(c => c.MatchedOn.Count).ThenBy(c => c.DisplayName, StringComparer.Ordinal).ToList()));
    }

    /// <summary>Whole years on a London date; a 29 February birthday counts from 1 March in a common year (Part I).</summary>
    public static int AgeOn(DateOnly dateOfBirth, DateOnly today)
    {
        var age = today.Year - dateOfBirth.Year;
        var birthday = dateOfBirth.Month == 2 && dateOfBirth.Day == 29 && !DateTime.IsLeapYear(today.Year)
            ? new DateOnly(today.Year, 3, 1)
            : new DateOnly(today.Year, dateOfBirth.Month, dateOfBirth.Day);
        return today < birthday ? age - 1 : age;
    }

}
