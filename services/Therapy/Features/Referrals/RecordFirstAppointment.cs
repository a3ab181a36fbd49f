using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
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
/// THR-02: the first appointment ends the wait; the time from referral to it is measured against the standard. A wait
/// that breached 18 weeks was recorded as unmet need; being seen meets it, announced as <c>UnmetNeedResolved</c> (COM-05).
/// The offer has started, so the young person is texted a request for their views (THR-07).
/// </summary>
public static class RecordFirstAppointment
{
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record Request(string? FirstAppointmentAt);

    public static async Task<Results<Ok<TherapyReferralResponse>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(
        Guid referralId, Request request, ClaimsPrincipal user, TherapyDbContext db, IOutbox outbox, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var at = errors.Instant("firstAppointmentAt", request.FirstAppointmentAt, clock.GetUtcNow(), required: true);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var referral = await db.Referrals.SingleOrDefaultAsync(r => r.Id == referralId, cancellationToken);
        if (referral is null)
        {
            return TypedResults.NotFound();
        }
        if (referral.CannotRecordFirstAppointment(at!.Value) is { } problem)
        {
            return errors.Add("firstAppointmentAt", problem).ToUnprocessable();
        }
        referral.RecordFirstAppointment(at.Value);
        // THR-07: the offer has started; ask the young person what they think of it.
        RequestFeedback.Send(outbox, referral, FeedbackMoment.AfterStart, clock.GetUtcNow());
        if (referral.BreachUnmetNeedId is { } breach)
        {
            outbox.Add(new UnmetNeedResolved
            {
                UnmetNeedId = breach, YoungPersonId = referral.YoungPersonId, ResolvedOn = London.DateOf(at.Value),
                ResolvedByService = DecideReferral.TherapyService, RecordedBy = user.UserId(), OccurredAt = clock.GetUtcNow(),
            });
        }
        if (await DecideReferral.SaveOnceAsync(db, cancellationToken) is { } conflict)
        {
            return conflict;
        }
        return TypedResults.Ok(TherapyReferralResponse.Of(referral, clock.GetUtcNow()));
    }
}
