using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Support.Contracts.Incidents;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Domain.CriticalIncidents;
using Support.Referrals.Domain.Placements;
using Support.Referrals.Features.CriticalIncidents;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Data;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.Placements;

/// <summary>
/// REF-27 (Casey-M: the foster carer let the perpetrator "accompany her on holiday"): the child's list of people who
/// must not have contact with them, which the placement's carer can read, and the carer's report that one of them made
/// contact, which raises a critical incident (REF-22) for a senior manager in the same transaction.
/// </summary>
public static class BarredPersons
{
    public sealed record Request(string? Name, string? Description, string? Reason);
    public sealed record ContactRequest(Guid? BarredPersonId, DateTimeOffset? OccurredAt, string? Account);
    public sealed record RemovalRequest(string? Reason);

    public static async Task<Results<Created<BarredPersonResponse>, ValidationProblem, NotFound>> RecordAsync(
        Guid id, Request request, ClaimsPrincipal user, ReferralsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .Required("name", request.Name, 200)
            .Required("description", request.Description, 2000)
            .Required("reason", request.Reason, 2000);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        if (await db.DateOfBirthOfAsync(id, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }
        var person = BarredPerson.Record(id, request.Name!, request.Description!, request.Reason!, user.ToAuthor(clock));
        db.BarredPersons.Add(person);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/referrals/young-people/{id}/barred-persons", BarredPersonResponse.From(person));
    }

    /// <summary>The list as it stands (what a carer needs); <c>includeRemoved=true</c> adds the removed entries with who removed them and why.</summary>
    public static async Task<Results<Ok<List<BarredPersonResponse>>, NotFound>> ListAsync(
        Guid id, bool? includeRemoved, ReferralsDbContext db, IAccessLog accessLog, CancellationToken cancellationToken)
    {
        if (await db.DateOfBirthOfAsync(id, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }
        var persons = await db.BarredPersons.AsNoTracking().Where(p => p.YoungPersonId == id).OrderBy(p => p.RecordedAt)
            .Select(p => new { Person = p, Removal = db.BarredPersonRemovals.SingleOrDefault(r => r.BarredPersonId == p.Id) })
            .ToListAsync(cancellationToken);
        await accessLog.RecordAsync(PlacementEndpoints.SubjectType, [id], AccessActions.Read, cancellationToken);
        return TypedResults.Ok(persons.Where(p => includeRemoved == true || p.Removal is null)
            .Select(p => BarredPersonResponse.From(p.Person, p.Removal)).ToList());
    }

    /// <summary>A manager takes someone off the list with a reason (a wrong name, a court's decision); once (409 after).</summary>
    public static async Task<Results<Ok<BarredPersonResponse>, ValidationProblem, ProblemHttpResult, NotFound>> RemoveAsync(
        Guid id, Guid personId, RemovalRequest request, ClaimsPrincipal user, ReferralsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Required("reason", request.Reason, 2000);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var person = await db.BarredPersons.AsNoTracking().SingleOrDefaultAsync(p => p.Id == personId && p.YoungPersonId == id, cancellationToken);
        if (person is null)
        {
            return TypedResults.NotFound();
        }
        var removal = BarredPersonRemoval.Of(person, request.Reason!, user.ToAuthor(clock, [Roles.TeamManager, Roles.SeniorManager]));
        db.BarredPersonRemovals.Add(removal);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return Conflicts.Problem("This person has already been taken off the list");
        }
        return TypedResults.Ok(BarredPersonResponse.From(person, removal));
    }

    public static async Task<Results<Created<BarredContactResponse>, ValidationProblem, ProblemHttpResult, NotFound>> ReportContactAsync(
        Guid id, ContactRequest request, ClaimsPrincipal user, ReferralsDbContext db, IOutbox outbox, TimeProvider clock,
        IAccessLog accessLog, IOptions<CriticalIncidentOptions> incidents, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .When(request.BarredPersonId is null || request.BarredPersonId == Guid.Empty, "barredPersonId", "'barredPersonId' is required.")
            .Required("occurredAt", request.OccurredAt)
            .Required("account", request.Account, 4000);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var placement = await db.Placements.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (placement is null)
        {
            return TypedResults.NotFound();
        }
        // A carer reports only on a child placed with them: the protocol's relationship decides (REC-11), 403 otherwise.
        await accessLog.EnsureMayReadAsync(PlacementEndpoints.SubjectType, [placement.YoungPersonId], cancellationToken);
        var author = user.ToAuthor(clock);
        var person = await db.BarredPersons.AsNoTracking()
            .SingleOrDefaultAsync(p => p.Id == request.BarredPersonId && p.YoungPersonId == placement.YoungPersonId
                && !db.BarredPersonRemovals.Any(r => r.BarredPersonId == p.Id), cancellationToken);
        errors.When(person is null, "barredPersonId", "This person is not on the child's must-not-have-contact list.");
        if (EventDates.Problem("occurredAt", request.OccurredAt!.Value, await db.DateOfBirthOfAsync(placement.YoungPersonId, cancellationToken), author.At) is { } dateProblem)
        {
            errors.Add("occurredAt", dateProblem);
        }
        if (errors.Any)
        {
            return errors.ToUnprocessable();
        }
        if (await db.PlacementEndings.AnyAsync(e => e.PlacementId == id, cancellationToken))
        {
            return TypedResults.Problem(title: "The placement has ended", detail: "Report the contact on the child's current placement, or record a critical incident.",
                statusCode: StatusCodes.Status409Conflict);
        }

        var incidentId = Guid.CreateVersion7(author.At);
        var report = BarredContactReport.Record(placement, person!, request.OccurredAt!.Value, request.Account!, incidentId, author);
        var incident = CriticalIncident.Raise(incidentId, placement.YoungPersonId, CriticalIncidentKind.ContactWithBarredPerson,
            RecordCriticalIncident.Service, $"barred-contact:{report.Id}", report.OccurredAt, author.At, incidents.Value.Deadline,
            $"A person on the must-not-have-contact list was in contact with the child at their placement: {report.Account}", author);
        db.BarredContactReports.Add(report);
        db.Set<CriticalIncident>().Add(incident);
        outbox.Add(incident.Raised(author.At));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/referrals/critical-incidents/{incident.Id}", BarredContactResponse.From(report));
    }
}
