using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;
using Support.Therapy.Data;
using Support.Therapy.Domain;

namespace Support.Therapy.Features.Referrals;

/// <summary>
/// THR-01: a referral to an offer. The young person must be known from the registry events; their CSE risk level and
/// indicators are copied from the latest <c>RiskLevelChanged</c> (never typed again). Made from a key-worker task, it
/// is the alternative chosen after a decline and completes the task.
/// </summary>
public static class MakeReferral
{
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record Request(Guid? YoungPersonId, Guid? OfferId, string? ReferredAt, string? Reason, Guid? TaskId);

    public static async Task<Results<Created<TherapyReferralResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Request request, ClaimsPrincipal user, TherapyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var errors = new ValidationErrors()
            .Id("youngPersonId", request.YoungPersonId)
            .Id("offerId", request.OfferId)
            .Id("taskId", request.TaskId, required: false)
            .Text("reason", request.Reason, 4000, required: true, multiline: true);
        var referredAt = errors.Instant("referredAt", request.ReferredAt, now, required: true);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        if (!await db.KnownYoungPeople.AnyAsync(p => p.Id == request.YoungPersonId, cancellationToken))
        {
            return errors.Add("youngPersonId", "No young person with this id is known here yet.").ToUnprocessable();
        }
        var offer = await db.Offers.AsNoTracking().SingleOrDefaultAsync(o => o.Id == request.OfferId, cancellationToken);
        if (offer is null)
        {
            return errors.Add("offerId", "No offer with this id.").ToUnprocessable();
        }
        KeyWorkerTask? task = null;
        if (request.TaskId is { } taskId)
        {
            task = await db.Tasks.SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken);
            if (task is null || task.YoungPersonId != request.YoungPersonId)
            {
                return errors.Add("taskId", "No task with this id for this young person.").ToUnprocessable();
            }
            if (task.Status == KeyWorkerTaskStatus.Done)
            {
                return errors.Add("taskId", "The task is already done.").ToUnprocessable();
            }
        }
        var author = user.ToAuthor(clock);
        var risk = await db.RiskPictures.AsNoTracking().SingleOrDefaultAsync(r => r.YoungPersonId == request.YoungPersonId, cancellationToken);
        var referral = TherapyReferral.Make(request.YoungPersonId!.Value, offer, referredAt!.Value, request.Reason!.Trim(), risk, task?.Id, author);
        db.Referrals.Add(referral);
        task?.Complete(referral.Id, author);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await CommissioningCounts.CountMentalHealthReferralAsync(db, referral, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/therapy/young-people/{referral.YoungPersonId}/referrals", TherapyReferralResponse.Of(referral, clock.GetUtcNow()));
    }
}
