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

namespace Support.Therapy.Features.Referrals;

/// <summary>
/// THR-01: a provider's decision on a referral, recorded once. A decline names its reason code; one for "does not meet
/// criteria", "not mentally ill" or "behaviour" must confirm that the CSE history was considered (Imray §4.8). Every
/// decline, in one transaction: records unmet need (COM-05), opens a task for the key worker listing the offers that
/// fit, and announces the decline so Referrals considers a risk review (REF-16).
/// </summary>
public static class DecideReferral
{
    public const string TherapyService = "therapy";

    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record AcceptRequest(string? AcceptedAt, string? Note);

    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record DeclineRequest(string? Reason, bool? CseHistoryConsidered, string? DeclinedAt, string? Note);

    public static async Task<Results<Ok<TherapyReferralResponse>, ValidationProblem, ProblemHttpResult, NotFound>> AcceptAsync(
        Guid referralId, AcceptRequest request, ClaimsPrincipal user, TherapyDbContext db, IOutbox outbox, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Text("note", request.Note, 4000, multiline: true);
        var acceptedAt = errors.Instant("acceptedAt", request.AcceptedAt, clock.GetUtcNow(), required: true);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var referral = await db.Referrals.SingleOrDefaultAsync(r => r.Id == referralId, cancellationToken);
        if (referral is null)
        {
            return TypedResults.NotFound();
        }
        if (referral.CannotDecide(acceptedAt!.Value) is { } problem)
        {
            return errors.Add("acceptedAt", problem).ToUnprocessable();
        }
        var author = user.ToAuthor(clock, Access.ClinicianRoles);
        referral.Accept(acceptedAt.Value, Input.Clean(request.Note), author);
        // COM-05: an alternative chosen after a decline (THR-01) and now accepted meets the need the decline left unmet.
        if (referral.AlternativeForTaskId is { } taskId
            && await db.Tasks.Where(t => t.Id == taskId && t.Kind == KeyWorkerTask.ChooseAlternativeOffer)
                .Join(db.Referrals, t => t.ReferralId, declined => declined.Id, (t, declined) => declined.UnmetNeedId)
                .SingleOrDefaultAsync(cancellationToken) is { } unmetNeedId)
        {
            outbox.Add(new UnmetNeedResolved
            {
                UnmetNeedId = unmetNeedId, YoungPersonId = referral.YoungPersonId, ResolvedOn = London.DateOf(acceptedAt.Value),
                ResolvedByService = TherapyService, RecordedBy = author.UserId, OccurredAt = author.At,
            });
        }
        // THR-05, LC-01: the episode is open; the handover pack and the chronology learn of it by this event.
        outbox.Add(new TherapyReferralAccepted
        {
            ReferralId = referral.Id, YoungPersonId = referral.YoungPersonId, OfferId = referral.OfferId, OfferType = referral.OfferType,
            AcceptedBy = author.UserId, OccurredAt = acceptedAt.Value,
        });
        if (await SaveOnceAsync(db, cancellationToken) is { } conflict)
        {
            return conflict;
        }
        return TypedResults.Ok(TherapyReferralResponse.Of(referral, clock.GetUtcNow()));
    }

    public static async Task<Results<Ok<DeclinedResponse>, ValidationProblem, ProblemHttpResult, NotFound>> DeclineAsync(
        Guid referralId, DeclineRequest request, ClaimsPrincipal user, TherapyDbContext db, IOutbox outbox, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Text("note", request.Note, 4000, multiline: true);
        var reason = errors.Named<TherapyDeclineReason>("reason", request.Reason, required: true);
        var declinedAt = errors.Instant("declinedAt", request.DeclinedAt, clock.GetUtcNow(), required: true);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        if (TherapyReferral.NeedCseHistoryConsidered.Contains(reason!.Value) && request.CseHistoryConsidered != true)
        {
            return errors.Add("cseHistoryConsidered",
                $"A {reason} decline must confirm that the young person's CSE history was considered ('cseHistoryConsidered': true).").ToUnprocessable();
        }
        var referral = await db.Referrals.SingleOrDefaultAsync(r => r.Id == referralId, cancellationToken);
        if (referral is null)
        {
            return TypedResults.NotFound();
        }
        if (referral.CannotDecide(declinedAt!.Value) is { } problem)
        {
            return errors.Add("declinedAt", problem).ToUnprocessable();
        }

        var author = user.ToAuthor(clock, Access.ClinicianRoles);
        var unmetNeedId = Guid.CreateVersion7(author.At);
        referral.Decline(reason.Value, request.CseHistoryConsidered == true, declinedAt.Value, Input.Clean(request.Note), unmetNeedId, author);

        var today = London.DateOf(author.At);
        var dateOfBirth = await db.KnownYoungPeople.Where(p => p.Id == referral.YoungPersonId).Select(p => (DateOnly?)p.DateOfBirth).SingleOrDefaultAsync(cancellationToken);
        var fitting = await FittingOffers.FindAsync(db, dateOfBirth is { } born ? Ages.On(born, today) : null, referral.OfferId, today, cancellationToken);
        var keyWorker = await db.KeyWorkers.Where(k => k.YoungPersonId == referral.YoungPersonId).Select(k => k.UserId).SingleOrDefaultAsync(cancellationToken);
        var task = KeyWorkerTask.ToChooseAlternative(referral.YoungPersonId, referral.Id, keyWorker, fitting.Select(f => f.OfferId), author.At);
        db.Tasks.Add(task);

        // COM-05: announced, not written to the ledger here: the ledger is fed from the bus alone, this service's
        // declines as much as LeavingCare's refusals, so every service's unmet need is counted the same way.
        outbox.Add(new UnmetNeedRecorded
        {
            UnmetNeedId = unmetNeedId, YoungPersonId = referral.YoungPersonId, NeedCategory = referral.OfferType.ToString(),
            Reason = TherapyReferral.LedgerReason(reason.Value), RecordedByService = TherapyService, RecordedBy = author.UserId,
            OccurredAt = author.At, Since = London.DateOf(declinedAt.Value),
        });
        outbox.Add(new TherapyReferralDeclined
        {
            ReferralId = referral.Id, YoungPersonId = referral.YoungPersonId, OfferId = referral.OfferId, OfferType = referral.OfferType,
            Reason = reason.Value, CseHistoryConsidered = request.CseHistoryConsidered == true, RiskLevel = referral.RiskLevel,
            Indicators = [.. referral.Indicators], UnmetNeedId = unmetNeedId, DecidedBy = author.UserId, OccurredAt = declinedAt.Value,
        });
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await SaveOnceAsync(db, cancellationToken) is { } conflict)
        {
            return conflict;
        }
        await CommissioningCounts.CountMentalHealthDeclineAsync(db, referral, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(new DeclinedResponse(TherapyReferralResponse.Of(referral, clock.GetUtcNow()), unmetNeedId, task.Id, task.AssignedTo, fitting));
    }

    /// <summary>Two decisions at once: the second finds the row changed and is told so, never a 500 (an outcome is recorded once).</summary>
    internal static async Task<ProblemHttpResult?> SaveOnceAsync(TherapyDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The referral changed while this was being recorded.",
                detail: "Another outcome was recorded at the same moment; read the referral again.");
        }
    }
}
