using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Referrals;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Features.Disclosure;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.SubjectAccess;

/// <summary>A complex request's deadline moves to three months from receipt, once, within the first month, with a reason (422 without).</summary>
public static class ExtendSubjectAccessRequest
{
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record Request(string? Reason);

    public static async Task<Results<Ok<SubjectAccessRequestView>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(
        Guid requestId, Request request, ClaimsPrincipal user, ReferralsDbContext db, IOutbox outbox, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().MaxLength("reason", request.Reason, 2000);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            return errors.Add("reason", "An extension must record why the request is complex.").ToUnprocessable();
        }
        var found = await db.SubjectAccessRequests.SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (found is null)
        {
            return TypedResults.NotFound();
        }
        var today = London.Today(clock);
        if (found.CannotExtend(today) is { } problem)
        {
            return errors.Add("reason", problem).ToUnprocessable();
        }
        var author = user.ToAuthor(clock, DisclosureEndpoints.DisclosureRoles);
        found.Extend(request.Reason.Trim(), author);
        outbox.Add(new SubjectAccessRequestExtended
        {
            RequestId = found.Id, YoungPersonId = found.YoungPersonId, DueOn = found.CurrentDueOn, ExtendedBy = author.UserId, OccurredAt = author.At,
        });
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(SubjectAccessRequestView.From(found, today));
    }
}
