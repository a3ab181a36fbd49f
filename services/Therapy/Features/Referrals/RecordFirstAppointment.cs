using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.ServiceDefaults.Problems;
using Support.Therapy.Data;

namespace Support.Therapy.Features.Referrals;

/// <summary>THR-02: the first appointment ends the wait; the time from referral to it is measured against the standard.</summary>
public static class RecordFirstAppointment
{
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record Request(string? FirstAppointmentAt);

    public static async Task<Results<Ok<TherapyReferralResponse>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(
        Guid referralId, Request request, TherapyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
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
        if (await DecideReferral.SaveOnceAsync(db, cancellationToken) is { } conflict)
        {
            return conflict;
        }
        return TypedResults.Ok(TherapyReferralResponse.Of(referral, clock.GetUtcNow()));
    }
}
