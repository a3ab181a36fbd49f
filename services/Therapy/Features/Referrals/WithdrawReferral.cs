using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;
using Support.Therapy.Data;
using Support.Therapy.Domain;

namespace Support.Therapy.Features.Referrals;

/// <summary>THR-01: a referral ends withdrawn only with a reason (the young person withdrew, the need was met elsewhere...).</summary>
public static class WithdrawReferral
{
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record Request(string? Reason, string? WithdrawnAt, string? Note);

    public static async Task<Results<Ok<TherapyReferralResponse>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(
        Guid referralId, Request request, ClaimsPrincipal user, TherapyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Text("note", request.Note, 4000, multiline: true);
        var reason = errors.Named<WithdrawalReason>("reason", request.Reason, required: true);
        var withdrawnAt = errors.Instant("withdrawnAt", request.WithdrawnAt, clock.GetUtcNow(), required: true);
        if (reason == WithdrawalReason.Other && string.IsNullOrWhiteSpace(request.Note))
        {
            errors.Add("note", "An 'Other' withdrawal needs a 'note' saying why.");
        }
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var referral = await db.Referrals.SingleOrDefaultAsync(r => r.Id == referralId, cancellationToken);
        if (referral is null)
        {
            return TypedResults.NotFound();
        }
        if (referral.CannotWithdraw(withdrawnAt!.Value) is { } problem)
        {
            return errors.Add("withdrawnAt", problem).ToUnprocessable();
        }
        referral.Withdraw(reason!.Value, withdrawnAt.Value, Input.Clean(request.Note), user.ToAuthor(clock));
        if (await DecideReferral.SaveOnceAsync(db, cancellationToken) is { } conflict)
        {
            return conflict;
        }
        return TypedResults.Ok(TherapyReferralResponse.Of(referral, clock.GetUtcNow()));
    }
}
