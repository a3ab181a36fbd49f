using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Therapy;
using Support.Contracts.UnmetNeeds;
using Support.Messaging.Outbox;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;
using Support.Therapy.Data;
using Support.Therapy.Domain;
using Support.Therapy.Features.Feedback;

namespace Support.Therapy.Features.Referrals;

/// <summary>
/// THR-05: therapy does not stop at 18. An accepted referral's episode stays open past the 18th birthday and closes
/// only by a clinician's decision with a reason and an onward arrangement. When support is still needed and none is
/// available ("NoneAvailable"), the closure is allowed, because refusing it would hide the gap, and the gap is
/// announced as unmet need (<c>NoProvider</c>, COM-05) in the same transaction as <c>TherapyEpisodeClosed</c>. The young
/// person is texted a request for their views of the offer (THR-07).
/// </summary>
public static class CloseEpisode
{
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record Request(string? ClosedAt, string? Reason, string? OnwardArrangement, string? OnwardDetails);

    public static async Task<Results<Ok<TherapyReferralResponse>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(
        Guid referralId, Request request, ClaimsPrincipal user, TherapyDbContext db, IOutbox outbox, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Text("onwardDetails", request.OnwardDetails, 1000, multiline: true);
        var closedAt = errors.Instant("closedAt", request.ClosedAt, clock.GetUtcNow(), required: true);
        var reason = errors.Named<EpisodeEndReason>("reason", request.Reason, required: true);
        var onward = errors.Named<OnwardArrangement>("onwardArrangement", request.OnwardArrangement, required: true);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var referral = await db.Referrals.SingleOrDefaultAsync(r => r.Id == referralId, cancellationToken);
        if (referral is null)
        {
            return TypedResults.NotFound();
        }
        var details = Input.Clean(request.OnwardDetails);
        if (referral.CannotCloseEpisode(closedAt!.Value, reason!.Value, onward!.Value, details) is { } problem)
        {
            return errors.Add(problem.Field, problem.Problem).ToUnprocessable();
        }

        var author = user.ToAuthor(clock, Access.ClinicianRoles);
        var closedOn = London.DateOf(closedAt.Value);
        var dateOfBirth = await db.KnownYoungPeople.Where(p => p.Id == referral.YoungPersonId).Select(p => (DateOnly?)p.DateOfBirth).SingleOrDefaultAsync(cancellationToken);
        Guid? unmetNeedId = onward == OnwardArrangement.NoneAvailable ? Guid.CreateVersion7(author.At) : null;
        referral.CloseEpisode(closedAt.Value, reason.Value, onward.Value, details, unmetNeedId, author);
        if (unmetNeedId is { } id)
        {
            outbox.Add(new UnmetNeedRecorded
            {
                UnmetNeedId = id, YoungPersonId = referral.YoungPersonId, NeedCategory = referral.OfferType.ToString(),
                Reason = UnmetNeedReason.NoProvider, RecordedByService = DecideReferral.TherapyService, RecordedBy = author.UserId,
                OccurredAt = author.At, Since = closedOn,
            });
        }
        outbox.Add(new TherapyEpisodeClosed
        {
            ReferralId = referral.Id, YoungPersonId = referral.YoungPersonId, OfferId = referral.OfferId, OfferType = referral.OfferType,
            Reason = reason.Value, OnwardArrangement = onward.Value, AgeAtClosing = dateOfBirth is { } born ? Ages.On(born, closedOn) : null,
            UnmetNeedId = unmetNeedId, ClosedBy = author.UserId, OccurredAt = closedAt.Value,
        });
        // THR-07: the offer has ended; ask the young person what they thought of it.
        RequestFeedback.Send(outbox, referral, FeedbackMoment.AtEnd, author.At);
        if (await DecideReferral.SaveOnceAsync(db, cancellationToken) is { } conflict)
        {
            return conflict;
        }
        return TypedResults.Ok(TherapyReferralResponse.Of(referral, clock.GetUtcNow()));
    }
}
