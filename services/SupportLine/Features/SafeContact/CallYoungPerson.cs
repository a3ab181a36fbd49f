using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;
using Support.SupportLine.Data;
using Support.SupportLine.Domain;
using Support.SupportLine.Features.Outbound;

namespace Support.SupportLine.Features.SafeContact;

/// <summary>
/// A worker calls a young person: Twilio rings their number and connects the worker's own phone, one of their numbers on
/// the worker-phone register (the only one, unless they name which in <c>connectTo</c>), so a young person is never
/// connected to a number nobody vouched for, nor to another worker's phone. SL-03: never to a young person who has not
/// allowed calls, never to an unconfirmed number without a duty manager's safety decision, never to an opted-out one,
/// and never outside their safe times (409 naming the next one): a call cannot wait the way a text can. Each call is
/// recorded, placed or refused by Twilio (502); its progress comes back through the call status callback.
/// </summary>
public static class CallYoungPerson
{
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record Request(string? Phone, string? ConnectTo);

    public sealed record Response(Guid Id, string Status, LondonTime RequestedAt);

    public static async Task<IResult> HandleAsync(
        Guid id, Request request, ClaimsPrincipal user, SupportLineDbContext db, TimeProvider clock, ICallPlacer calls, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        string? named = null;
        if (request.ConnectTo is not null && !E164Numbers.TryNormalise(request.ConnectTo, out named))
        {
            return errors.Add("connectTo", "'connectTo' must be a phone number, or left out to use your registered phone.").ToBadRequest();
        }
        var (number, refusal) = await SafeContactEndpoints.ContactableNumberAsync(db, id, request.Phone, errors, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var workerId = user.UserId();
        var own = await db.WorkerPhones.Where(p => p.WorkerUserId == workerId).Select(p => p.Phone).ToListAsync(cancellationToken);
        var connectTo = named ?? (own.Count == 1 ? own[0] : null);
        if (own.Count == 0)
        {
            return errors.Add("connectTo", "You have no phone on the worker-phone register: a duty manager registers it before you can call.").ToUnprocessable();
        }
        if (connectTo is null)
        {
            return errors.Add("connectTo", "You have more than one registered phone: choose which one the call connects to.").ToUnprocessable();
        }
        if (!own.Contains(connectTo))
        {
            return errors.Add("connectTo", "'connectTo' must be one of your own numbers on the worker-phone register.").ToUnprocessable();
        }
        var now = clock.GetUtcNow();
        var preference = await SafeTimes.CurrentPreferenceAsync(db, id, cancellationToken);
        if (preference is not { AllowsCalls: true })
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict,
                title: "This young person has not said they can be called: text them instead (SL-03).");
        }
        if (!preference.IsSafeAt(now))
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict,
                title: $"Outside this young person's safe times: the next one begins {London.Describe(preference.NextSafeTime(now))} (SL-03).");
        }
        var author = user.ToAuthor(clock);
        var placed = await calls.PlaceAsync(number!.Phone, connectTo, cancellationToken);
        var call = new OutboundCall
        {
            Id = Guid.CreateVersion7(author.At), YoungPersonId = id, To = number.Phone, ConnectTo = connectTo, RequestedBy = author.UserId,
            RequestedAt = author.At, TwilioSid = placed.Sid, Status = placed.Status, ErrorCode = placed.ErrorCode,
        };
        db.OutboundCalls.Add(call);
        await db.SaveChangesAsync(cancellationToken);
        if (placed.Sid is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status502BadGateway,
                title: placed.ErrorCode is { } code ? $"Twilio did not place the call (error {code})." : "Twilio could not be reached; the call was not placed.");
        }
        return TypedResults.Created($"/api/supportline/young-people/{id}/calls", new Response(call.Id, call.Status, LondonTime.Of(call.RequestedAt)));
    }
}
