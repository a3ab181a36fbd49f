using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.ServiceDefaults.Problems;

namespace Support.Referrals.Features.Chronology;

/// <summary>
/// Reads a page of the chronology in event order (occurred-at, then sequence). Without <c>before</c> it is the latest
/// page; <c>before</c> (an entry id, or an instant) gives the entries just before it, and <c>olderBefore</c> in the
/// response is the cursor for the page before this one.
/// </summary>
public static class GetChronology
{
    public const int DefaultLimit = 200;
    public const int MaxLimit = 5000;

    public sealed record Response(Guid YoungPersonId, int TotalEntries, IReadOnlyList<ChronologyEntryResponse> Entries, Guid? OlderBefore);

    public static async Task<Results<JsonHttpResult<Response>, ValidationProblem, NotFound>> HandleAsync(
        Guid id, string? before, int? limit, ReferralsDbContext db, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .When(limit is < 1 or > MaxLimit, "limit", $"'limit' must be between 1 and {MaxLimit}.");
        Guid? beforeEntry = null;
        DateTimeOffset? beforeInstant = null;
        if (!string.IsNullOrWhiteSpace(before))
        {
            if (Guid.TryParse(before, out var entryId))
            {
                beforeEntry = entryId;
            }
            else if (DateTimeOffset.TryParse(before, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
            {
                beforeInstant = instant;
            }
            else
            {
                errors.Add("before", "'before' must be an entry id or an ISO 8601 instant.");
            }
        }
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }

        var entries = db.ChronologyEntries.AsNoTracking().Where(e => e.YoungPersonId == id);
        var page = entries;
        if (beforeEntry is { } cursorId)
        {
            var cursor = await entries.Where(e => e.Id == cursorId).Select(e => new { e.OccurredAt, e.Sequence }).SingleOrDefaultAsync(cancellationToken);
            if (cursor is null)
            {
                if (!await db.YoungPeople.AnyAsync(p => p.Id == id, cancellationToken))
                {
                    return TypedResults.NotFound();
                }
                return new ValidationErrors().Add("before", "'before' is not an entry in this young person's chronology.").ToBadRequest();
            }
            page = page.Where(e => e.OccurredAt < cursor.OccurredAt || (e.OccurredAt == cursor.OccurredAt && e.Sequence < cursor.Sequence));
        }
        else if (beforeInstant is { } instant)
        {
            page = page.Where(e => e.OccurredAt < instant);
        }
        var take = limit ?? DefaultLimit;
        var newestFirst = await page.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Sequence)
            .Take(take + 1).ToListAsync(cancellationToken);
        var hasOlder = newestFirst.Count > take;
        var shown = newestFirst.Take(take).Reverse().ToList();

        // The whole chronology in one page (the common read) has already been counted; a page needs the count.
        var total = beforeEntry is null && beforeInstant is null && !hasOlder
            ? shown.Count
            : await entries.CountAsync(cancellationToken);
        if (total == 0 && !await db.YoungPeople.AnyAsync(p => p.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        // Corrections linked both ways: each entry names what it corrects and what corrects it (REC-05). Corrections
        // are few, so all of the young person's are read (one index range) rather than matched against the page's ids.
        var corrections = await entries.Where(e => e.Corrects != null)
            .OrderBy(e => e.Sequence).Select(e => new { Corrected = e.Corrects!.Value, e.Id }).ToListAsync(cancellationToken);
        var correctedBy = corrections.ToLookup(c => c.Corrected, c => c.Id);

        var response = new Response(
            id, total, shown.Select(e => ChronologyEntryResponse.From(e, correctedBy[e.Id].ToList())).ToList(),
            hasOlder ? shown[0].Id : null);
        // Compile-time serialisation: the same JSON as every other response, without reflection (ChronologyJsonContext).
        return TypedResults.Json(response, ChronologyJsonContext.Default.Response, statusCode: StatusCodes.Status200OK);
    }
}
