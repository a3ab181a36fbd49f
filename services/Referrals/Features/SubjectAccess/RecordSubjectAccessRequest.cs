using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Domain.Disclosure;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.SubjectAccess;

/// <summary>
/// Records the request the day it arrives, whoever it reached: the clock runs from the London date of receipt, not from
/// when it reached the data protection officer. Announced with <c>SubjectAccessRequestReceived</c> (it goes on the
/// young person's chronology).
/// </summary>
public static class RecordSubjectAccessRequest
{
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record Request(SubjectAccessRequester? Requester, string? HowReceived, DateOnly? ReceivedOn);

    public static async Task<Results<Created<SubjectAccessRequestView>, ValidationProblem, NotFound>> HandleAsync(
        Guid id, Request request, ClaimsPrincipal user, ReferralsDbContext db, IOutbox outbox, TimeProvider clock, CancellationToken cancellationToken)
    {
        var today = London.Today(clock);
        var errors = new ValidationErrors()
            .Required("requester", request.Requester)
            .When(request.Requester is { } requester && !Enum.IsDefined(requester), "requester",
                $"'requester' must be one of {string.Join(", ", Enum.GetNames<SubjectAccessRequester>())}.")
            .Required("howReceived", request.HowReceived?.Trim(), 200)
            .Required("receivedOn", request.ReceivedOn)
            .When(request.ReceivedOn > today, "receivedOn", "'receivedOn' cannot be in the future.")
            .When(request.ReceivedOn < today.AddYears(-1), "receivedOn", "'receivedOn' is more than a year ago; record requests when they arrive.");
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        if (!await db.YoungPeople.AnyAsync(p => p.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var recorded = SubjectAccessRequest.Receive(id, request.Requester!.Value, request.HowReceived!.Trim(), request.ReceivedOn!.Value,
            user.ToAuthor(clock, SubjectAccessEndpoints.RecorderRoles));
        db.SubjectAccessRequests.Add(recorded);
        outbox.Add(recorded.Received());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/referrals/subject-access-requests?youngPersonId={id}", SubjectAccessRequestView.From(recorded, today));
    }
}
