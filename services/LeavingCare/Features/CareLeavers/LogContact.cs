using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Support.Contracts.Missing;
using Support.LeavingCare.Data;
using Support.LeavingCare.Domain;
using Support.Messaging.Outbox;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;

namespace Support.LeavingCare.Features.CareLeavers;

/// <summary>A keep-in-touch contact; whereabouts unknown asks Missing to open an episode (LC-04).</summary>
public static class LogContact
{
    public static async Task<Results<Created<ContactResponse>, ValidationProblem, ProblemHttpResult, NotFound, ForbidHttpResult>> HandleAsync(
        Guid id, LogContactRequest request, ClaimsPrincipal user, LeavingCareDbContext db, IOutbox outbox, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .Required("occurredAt", request.OccurredAt)
            .Required("outcome", request.Outcome)
            .Required("method", request.Method, 64)
            .MaxLength("youngPersonsWords", request.YoungPersonsWords, 2000)
            .MaxLength("concern", request.Concern, 2000);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var picture = await CareLeaverEndpoints.KnownAsync(db, id, cancellationToken);
        if (picture is null)
        {
            return TypedResults.NotFound();
        }
        if (!user.MaySee(picture))
        {
            return TypedResults.Forbid();
        }
        var author = user.ToAuthor(clock, Access.TeamRoles);
        // Issue 15 item 6: the same date rule as every service (not in the future, never before the date of birth).
        if (EventDates.Problem("occurredAt", request.OccurredAt!.Value, picture.DateOfBirth, author.At) is { } problem)
        {
            return errors.Add("occurredAt", problem).ToUnprocessable();
        }
        var contact = Contact.Record(id, request.OccurredAt!.Value, request.Outcome!.Value, request.Method!.Trim(), request.YoungPersonsWords, author,
            string.IsNullOrWhiteSpace(request.Concern) ? null : request.Concern.Trim());
        db.Contacts.Add(contact);
        if (contact.WordsRecorded() is { } words)
        {
            outbox.Add(words);
        }
        if (contact.Outcome == ContactOutcome.Contacted)
        {
            picture.RecordContact(contact.OccurredAt, author.At);
        }
        else
        {
            // LC-04 (Casey-K18): a care leaver whose whereabouts are unknown is reported missing, adult or not.
            outbox.Add(new ReportWhereaboutsUnknown
            {
                CommandId = contact.WhereaboutsCommandId!.Value,
                YoungPersonId = id,
                ReportedBy = author.UserId,
                LastContactAt = picture.LastContactAt ?? contact.OccurredAt,
                // Nothing typed is dropped: the adviser's concern goes to the episode in their words.
                Concern = contact.Concern,
                OccurredAt = author.At,
            });
            picture.RecordWhereaboutsUnknown(author.At);
        }
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/leavingcare/young-people/{id}/contacts/{contact.Id}", new ContactResponse(contact.Id, id,
            LondonTime.Of(contact.OccurredAt), contact.Outcome.ToString(), contact.Method, contact.Concern, contact.WhereaboutsCommandId, LondonTime.Of(contact.RecordedAt), contact.RecordedBy));
    }
}
