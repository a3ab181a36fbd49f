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
/// A worker calls a young person: Twilio rings their number and connects the worker's registered phone
/// (<c>connectTo</c>, which must be on the worker-phone register, so a young person is never connected to a number
/// nobody vouched for). SL-03: never to a young person who has not allowed calls, never to an unconfirmed number without
/// a duty manager's safety decision, never to an opted-out one, and never outside their safe times (409 naming the next
/// one): a call cannot wait the way a text can. Each call is recorded, placed or refused by Twilio (502).
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
        if (!E164Numbers.TryNormalise(request.ConnectTo, out var connectTo))
        {
            errors.Add("connectTo", "'connectTo' must be the phone number of the worker making the call.");
        }
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var (number, refusal) = await SafeContactEndpoints.ContactableNumberAsync(db, id, request.Phone, errors, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        if (!await db.WorkerPhones.AnyAsync(p => p.Phone == connectTo, cancellationToken))
        {
            return errors.Add("connectTo", "'connectTo' must be a number on the worker-phone register.").ToUnprocessable();
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
