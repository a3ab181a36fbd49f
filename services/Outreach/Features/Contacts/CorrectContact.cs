using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Support.Messaging.Outbox;
using Support.Outreach.Data;
using Support.Outreach.Domain;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;

namespace Support.Outreach.Features.Contacts;

/// <summary>
/// REC-01, OUT-01: contacts are append-only, so a correction is a new contact that points at the one it corrects, with
/// the full corrected values and a reason; both are kept and shown. It stays with the same young person or alias (a
/// contact put against the wrong child is corrected there and logged again against the right one).
/// </summary>
public static class CorrectContact
{
    public static async Task<Results<Created<ContactResponse>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(
        Guid id, ContactRequest request, HttpContext http, ClaimsPrincipal user, OutreachDbContext db, IOutbox outbox, TimeProvider clock,
        IOptions<OutreachOptions> options, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var key = errors.IdempotencyKey(http.Request);
        errors.Text("correctionReason", request.CorrectionReason, 2000, required: true, multiline: true)
            .When(request.YoungPersonId is not null || request.AliasId is not null, "youngPersonId",
                "A correction stays with the corrected contact's young person or alias; leave 'youngPersonId' and 'aliasId' out.");
        var original = await db.Contacts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (original is null)
        {
            return TypedResults.NotFound();
        }
        var draft = (request with { YoungPersonId = original.YoungPersonId, AliasId = original.AliasId }).Read(errors);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var author = user.ToAuthor(clock);
        if (key is not null && await ContactRecording.FindByKeyAsync(db, author.UserId, key, cancellationToken) is { } first)
        {
            return await LogContact.ReplayAsync(http, db, first, cancellationToken);
        }
        var location = await ContactRequest.CheckAsync(draft!, author.At, db, errors, cancellationToken);
        if (errors.Any)
        {
            return errors.ToUnprocessable();
        }
        var correction = Contact.Record(draft!, author, options.Value.LateRecordingAfter, "app", key, original, request.CorrectionReason!.Trim());
        var outcome = await ContactRecording.RecordAsync(db, outbox, correction, cancellationToken);
        return outcome.Replayed
            ? await LogContact.ReplayAsync(http, db, outcome.Contact, cancellationToken)
            : LogContact.Created(ContactRecording.NewResponse(outcome.Contact, location));
    }
}
