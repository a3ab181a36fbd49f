using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Support.Contracts.Referrals;
using Support.Contracts.Risk;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Domain.Cases;
using Support.Referrals.Domain.PoliceOutcomes;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;

namespace Support.Referrals.Features.PoliceOutcomes;

/// <summary>
/// Records a police outcome, or a correction of one (REF-09). The handler writes the outcome and its event and nothing
/// else: no referral, case or risk level is loaded for change here. It reads the open case and the level in force only
/// to tell the caller that they did not change.
/// </summary>
public static class RecordPoliceOutcome
{
    /// <param name="Outcome">What the police decided.</param>
    /// <param name="OutcomeOn">The UK date the police reached it; not in the future.</param>
    /// <param name="ReferralId">Optional: the referral it concerns; must be this young person's.</param>
    /// <param name="CaseId">Optional: the case it concerns; must be this young person's.</param>
    /// <param name="CrimeReference">Optional police crime reference.</param>
    /// <param name="Note">Optional note; kept in this service only, never put on the bus.</param>
    /// <param name="Corrects">For a correction: the record it replaces (the latest of its chain).</param>
    /// <param name="CorrectionReason">Required with <paramref name="Corrects"/>.</param>
    public sealed record Request(
        PoliceOutcomeKind? Outcome, DateOnly? OutcomeOn, Guid? ReferralId, Guid? CaseId, string? CrimeReference, string? Note,
        Guid? Corrects, string? CorrectionReason);

    public static async Task<Results<Created<RecordedPoliceOutcomeResponse>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(
        Guid id, Request request, ClaimsPrincipal user, ReferralsDbContext db, IOutbox outbox, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .Required("outcome", request.Outcome)
            // JSON numbers bind to enums too: 99 is as unknown as "Acquitted".
            .When(request.Outcome is { } kind && !Enum.IsDefined(kind), "outcome",
                $"'outcome' must be one of {string.Join(", ", Enum.GetNames<PoliceOutcomeKind>())}.")
            .Required("outcomeOn", request.OutcomeOn)
            .MaxLength("crimeReference", request.CrimeReference?.Trim(), PoliceOutcome.CrimeReferenceMaxLength)
            .MaxLength("note", request.Note, PoliceOutcome.NoteMaxLength)
            .MaxLength("correctionReason", request.CorrectionReason, PoliceOutcome.CorrectionReasonMaxLength)
            .When(request.Corrects is not null && string.IsNullOrWhiteSpace(request.CorrectionReason), "correctionReason",
                "'correctionReason' is required when correcting a police outcome.");
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }

        var dateOfBirth = await db.DateOfBirthOfAsync(id, cancellationToken);
        if (dateOfBirth is not { } born)
        {
            return TypedResults.NotFound();
        }
        // Signed as police liaison when the user holds that role, else as their case-staff role (REC-01).
        var author = user.ToAuthor(clock, [Roles.PoliceLiaison]);
        var facts = new PoliceOutcomeFacts(request.Outcome!.Value, request.OutcomeOn!.Value, request.ReferralId, request.CaseId,
            request.CrimeReference, request.Note);
        var context = new PoliceOutcomeContext(
            born,
            request.ReferralId is { } referralId
                ? await db.Referrals.AsNoTracking().Where(r => r.Id == referralId).Select(r => (Guid?)r.YoungPersonId).FirstOrDefaultAsync(cancellationToken)
                : null,
            request.CaseId is { } caseId
                ? await db.Set<Case>().AsNoTracking().Where(c => c.Id == caseId).Select(c => (Guid?)c.YoungPersonId).FirstOrDefaultAsync(cancellationToken)
                : null);
        PoliceOutcome? corrected = null;
        if (request.Corrects is { } correctsId)
        {
            corrected = await db.PoliceOutcomes.AsNoTracking().SingleOrDefaultAsync(o => o.Id == correctsId && o.YoungPersonId == id, cancellationToken);
            errors.When(corrected is null, "corrects", "No police outcome with this id is on this young person's record.");
        }
        foreach (var violation in PoliceOutcome.Check(id, facts, context, author.At))
        {
            errors.Add(violation.Field, violation.Message);
        }
        if (errors.Any)
        {
            return errors.ToUnprocessable();
        }
        if (corrected is not null
            && await db.PoliceOutcomes.AsNoTracking().Where(o => o.CorrectsId == corrected.Id).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(cancellationToken) is { } newer)
        {
            return AlreadyCorrected(newer);
        }

        var outcome = corrected is null
            ? PoliceOutcome.Record(id, facts, context, author)
            : corrected.Correct(facts, context, request.CorrectionReason!, author);
        db.PoliceOutcomes.Add(outcome);
        // No crime reference or note on the bus: events are copied into every consumer's queues.
        outbox.Add(new PoliceOutcomeRecorded
        {
            PoliceOutcomeId = outcome.Id,
            YoungPersonId = id,
            ReferralId = outcome.ReferralId,
            CaseId = outcome.CaseId,
            Outcome = outcome.Outcome,
            OutcomeOn = outcome.OutcomeOn,
            Corrects = outcome.CorrectsId,
            RecordedBy = outcome.RecordedBy,
            RecordedByRole = outcome.RecordedByRole,
            OccurredAt = outcome.RecordedAt,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // The unique index on corrects_id: someone corrected the same record a moment earlier.
            return TypedResults.Problem(title: "The police outcome was corrected by someone else at the same time.",
                detail: "Reload the young person's police outcomes and correct the latest one.", statusCode: StatusCodes.Status409Conflict);
        }

        // REF-09: read, never changed. What the caller is told stays open and unchanged.
        var openCaseId = await db.Set<Case>().AsNoTracking()
            .Where(c => c.YoungPersonId == id && c.Status == CaseStatus.Open)
            .Select(c => (Guid?)c.Id)
            .FirstOrDefaultAsync(cancellationToken);
        var level = await db.CurrentRiskLevels.AsNoTracking()
            .Where(c => c.YoungPersonId == id)
            .Select(c => (RiskLevel?)c.Level)
            .FirstOrDefaultAsync(cancellationToken);
        return TypedResults.Created($"/api/referrals/young-people/{id}/police-outcomes/{outcome.Id}",
            new RecordedPoliceOutcomeResponse(PoliceOutcomeResponse.From(outcome, correctedBy: null), PoliceOutcomeEffect.Of(outcome, openCaseId, level)));
    }

    private static ProblemHttpResult AlreadyCorrected(Guid correctedBy) => TypedResults.Problem(
        title: "This police outcome has already been corrected.",
        detail: "Correct the latest record of the chain, named in 'correctedBy'.",
        statusCode: StatusCodes.Status409Conflict,
        extensions: new Dictionary<string, object?> { ["correctedBy"] = correctedBy });
}
