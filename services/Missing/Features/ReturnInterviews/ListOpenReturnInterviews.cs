using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Missing.Data;
using Support.Missing.Domain;
using Support.Missing.Features.Episodes;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;

namespace Support.Missing.Features.ReturnInterviews;

/// <summary>
/// Interviews not yet finished, soonest due first: <c>?overdue=true</c> only those past their deadline (MIS-02: a
/// breached deadline is shown), <c>?overdue=false</c> only those still in time, <c>?dueToday=true</c> only those still
/// in time whose deadline falls before the end of today in London (the manager's "due today"), none: all. Each row shows the due
/// time in UTC and in UK time and how late it is. Every young person listed is logged as seen in a list (REC-08).
/// </summary>
public static class ListOpenReturnInterviews
{
    private const int MaxResults = 500;

    public static async Task<Results<Ok<IReadOnlyList<OpenInterviewResponse>>, ValidationProblem>> HandleAsync(
        bool? overdue, bool? dueToday, MissingDbContext db, IAccessLog accessLog, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().When(overdue == true && dueToday == true, "dueToday",
            "Give 'overdue=true' or 'dueToday=true', not both: the two lists never overlap.");
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var now = clock.GetUtcNow();
        var query = db.ReturnInterviews.AsNoTracking().Where(i => ReturnInterviewStatuses.Open.Contains(i.Status));
        query = overdue switch
        {
            true => query.Where(i => i.DueAt <= now),
            false => query.Where(i => i.DueAt > now),
            null => query,
        };
        if (dueToday == true)
        {
            // The London day, 23 or 25 hours long on the clock-change days.
            var endOfToday = London.DayOf(London.DateOf(now)).To;
            query = query.Where(i => i.DueAt > now && i.DueAt < endOfToday);
        }
        var interviews = await query.OrderBy(i => i.DueAt).ThenBy(i => i.Id).Take(MaxResults).ToListAsync(cancellationToken);
        var peopleIds = interviews.Select(i => i.YoungPersonId).Distinct().ToList();
        var names = await db.KnownYoungPeople.AsNoTracking()
            .Where(p => peopleIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.DisplayName, cancellationToken);

        await accessLog.RecordAsync(EpisodeEndpoints.SubjectType, peopleIds, AccessActions.SearchMatch, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<OpenInterviewResponse>>(interviews.Select(i =>
        {
            var late = ReturnInterviewDeadline.OverdueBy(i.DueAt, now);
            return new OpenInterviewResponse(i.Id, i.EpisodeId, i.YoungPersonId, names.GetValueOrDefault(i.YoungPersonId), i.Status,
                LondonTime.Of(i.ReturnedAt), LondonTime.Of(i.DueAt), i.IsOverdueAt(now), late, (int)late.TotalHours);
        }).ToList());
    }
}
