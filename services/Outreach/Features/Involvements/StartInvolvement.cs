using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Support.Outreach.Data;
using Support.Outreach.Domain;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;

namespace Support.Outreach.Features.Involvements;

/// <summary>
/// OUT-06: an outreach worker's involvement with a registered young person, since a date (which may be before this
/// record: relationships predate systems). A worker records their own; a manager may record one for a named worker.
/// One open involvement per worker and young person (409 pointing at it).
/// </summary>
public static class StartInvolvement
{
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record Request(Guid? YoungPersonId, string? Since, string? WorkerUserId);

    public static async Task<Results<Created<InvolvementResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Request request, ClaimsPrincipal user, OutreachDbContext db, IOptions<OutreachOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .When(request.YoungPersonId is null || request.YoungPersonId == Guid.Empty, "youngPersonId", "'youngPersonId' is required.")
            .Text("workerUserId", request.WorkerUserId, 200);
        var since = Date(errors, "since", request.Since);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var author = user.ToAuthor(clock);
        var worker = Input.Clean(request.WorkerUserId) ?? author.UserId;
        if (worker != author.UserId && !InvolvementState.Managers.Any(user.IsInRole))
        {
            return TypedResults.Problem(title: "Only a manager may record an involvement for a colleague.", statusCode: StatusCodes.Status403Forbidden);
        }
        errors.When(since > London.Today(clock), "since", "'since' is in the future.")
            .When(since < new DateOnly(2000, 1, 1), "since", "'since' is before 2000.");
        var youngPersonId = request.YoungPersonId!.Value;
        if (!await db.KnownYoungPeople.AnyAsync(p => p.Id == youngPersonId, cancellationToken))
        {
            errors.Add("youngPersonId", "No young person with this id is known to the Outreach service.");
        }
        if (errors.Any)
        {
            return errors.ToUnprocessable();
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // One open involvement per worker and young person, even when the phone sends twice at once.
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({"involvement:" + youngPersonId}))", cancellationToken);
        var open = await db.Involvements.AsNoTracking()
            .Where(i => i.YoungPersonId == youngPersonId && !db.InvolvementEndings.Any(e => e.InvolvementId == i.Id)).ToListAsync(cancellationToken);
        var handovers = await db.InvolvementHandovers.AsNoTracking().Where(h => open.Select(i => i.Id).Contains(h.InvolvementId)).ToListAsync(cancellationToken);
        if (open.FirstOrDefault(i => InvolvementState.CurrentWorker(i, handovers) == worker) is { } existing)
        {
            return Conflicts.Problem("This worker already has an open involvement with this young person.",
                extensions: new Dictionary<string, object?> { ["involvementId"] = existing.Id });
        }
        var involvement = Involvement.Start(youngPersonId, worker, since!.Value, author);
        db.Involvements.Add(involvement);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var response = (await InvolvementState.ResponsesAsync(db, [involvement], options.Value.NoContactAlertAfter, cancellationToken)).Single();
        return TypedResults.Created($"/api/outreach/involvements/{involvement.Id}", response);
    }

    /// <summary>A date as <c>yyyy-MM-dd</c>, required.</summary>
    internal static DateOnly? Date(ValidationErrors errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, $"'{field}' is required.");
            return null;
        }
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        errors.Add(field, $"'{field}' must be a date such as 2026-01-30.");
        return null;
    }
}
