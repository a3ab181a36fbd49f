using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Support.Messaging.Outbox;
using Support.Outreach.Data;
using Support.Outreach.Domain;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;

namespace Support.Outreach.Features.Contacts;

/// <summary>
/// OUT-01, COM-09: log a contact in seconds. Malformed input is a 400 naming the field; an unknown young person, alias
/// or location, or a time in the future, is a 422. Late is flagged, never refused. With an Idempotency-Key header a
/// retried request gets the first contact back (201, <c>Idempotent-Replayed: true</c>), never a second one.
/// </summary>
public static class LogContact
{
    public const string ReplayedHeader = "Idempotent-Replayed";

    public static async Task<Results<Created<ContactResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        ContactRequest request, HttpContext http, ClaimsPrincipal user, OutreachDbContext db, IOutbox outbox, TimeProvider clock,
        IOptions<OutreachOptions> options, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var key = errors.IdempotencyKey(http.Request);
        var draft = request.Read(errors.When(request.CorrectionReason is not null, "correctionReason",
            "'correctionReason' belongs on a correction: POST /api/outreach/contacts/{id}/corrections."));
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var author = user.ToAuthor(clock);
        if (key is not null && await ContactRecording.FindByKeyAsync(db, author.UserId, key, cancellationToken) is { } first)
        {
            return await ReplayAsync(http, db, first, cancellationToken);
        }
        var location = await ContactRequest.CheckAsync(draft!, author.At, db, errors, cancellationToken);
        if (errors.Any)
        {
            return errors.ToUnprocessable();
        }

        var contact = Contact.Record(draft!, author, options.Value.LateRecordingAfter, "app", key);
        var outcome = await ContactRecording.RecordAsync(db, outbox, contact, cancellationToken);
        return outcome.Replayed
            ? await ReplayAsync(http, db, outcome.Contact, cancellationToken)
            : Created(ContactRecording.NewResponse(outcome.Contact, location));
    }

    internal static async Task<Created<ContactResponse>> ReplayAsync(HttpContext http, OutreachDbContext db, Contact first, CancellationToken cancellationToken)
    {
        http.Response.Headers[ReplayedHeader] = "true";
        return Created(await ContactRecording.ResponseAsync(db, first, cancellationToken));
    }

    internal static Created<ContactResponse> Created(ContactResponse response) =>
        TypedResults.Created($"/api/outreach/contacts/{response.Id}", response);
}
