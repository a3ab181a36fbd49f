using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Risk;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Domain;
using Support.Referrals.Domain.Chronology;
using Support.Referrals.Domain.Risk;
using Support.Referrals.Features.RiskAssessments;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.Chronology;

/// <summary>
/// A case note written straight into the chronology: the date it is about is required, the author and recorded time
/// come from the token and the server (REC-01). A correction is a new entry pointing at the one it corrects (REC-05).
/// </summary>
public static class AddChronologyEntry
{
    public const int MaxTextLength = 8000;


    /// <param name="OccurredAt">When what the note records happened.</param>
    /// <param name="Text">The note.</param>
    /// <param name="Corrects">The entry this one corrects, if it is a correction.</param>
    /// <param name="SexualActivity">REF-07: the note records sexual activity involving the child.</param>
    /// <param name="Indicators">Indicators the note records (pregnancy, an STI ...), by name.</param>
    public sealed record Request(DateTimeOffset? OccurredAt, string? Text, Guid? Corrects, bool? SexualActivity = null, IReadOnlyList<RiskIndicator>? Indicators = null);

    public static async Task<Results<Created<ChronologyEntryResponse>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(
        Guid id, Request request, ClaimsPrincipal user, ReferralsDbContext db, IOutbox outbox, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .Required("occurredAt", request.OccurredAt)
            .Required("text", request.Text, MaxTextLength)
            // PostgreSQL text cannot hold a NUL character; refuse it here rather than fail on write.
            .When(request.Text?.Contains('\0') == true, "text", "'text' must not contain NUL characters.");
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var author = user.ToAuthor(clock);
        if (await db.DateOfBirthOfAsync(id, cancellationToken) is not { } bornOn)
        {
            return TypedResults.NotFound();
        }
        // Issue 15 item 6: the same date rule as every service (not in the future, never before the date of birth).
        if (EventDates.Problem("occurredAt", request.OccurredAt!.Value, bornOn, author.At) is { } problem)
        {
            return new ValidationErrors().Add("occurredAt", problem).ToUnprocessable();
        }
        // REF-08: the language prompt applies to notes too, on the child's age on the day the note is about.
        var eventDate = London.DateOf(request.OccurredAt!.Value);
        var age = YoungPerson.AgeOn(bornOn, eventDate);
        var prompt = LegalLanguagePrompts.For(request.Text, age);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        ChronologyEntry? corrected = null;
        if (request.Corrects is { } correctsId)
        {
            corrected = await db.ChronologyEntries.AsNoTracking()
                .SingleOrDefaultAsync(e => e.Id == correctsId && e.YoungPersonId == id, cancellationToken);
            if (corrected is null)
            {
                return new ValidationErrors().Add("corrects", "'corrects' is not an entry in this young person's chronology.").ToUnprocessable();
            }
        }
        var draft = new ChronologyDraft(
            id, request.OccurredAt!.Value, "referrals",
            corrected is null ? ChronologyEntryKind.CaseNote : ChronologyEntryKind.Correction,
            corrected is null ? "Case note." : $"Correction of entry {corrected.Sequence} ({corrected.Kind}).",
            new ChronologyAuthor(author.UserId, author.Role), SourceRecordId: null, request.Text!.Trim(), corrected?.Id);
        var entry = (await ChronologyAppender.AppendAsync(db, clock, [draft], sourceMessageId: null, cancellationToken)).Single();
        // REF-07: a note that records sexual activity or a sexual-health indicator for a child under 16 raises the legal
        // flag on the child, with its manager's task, as an assessment or a referral would; the note is its source.
        var flags = RiskRuleTable.Evaluate(new RiskFacts(request.Indicators ?? [], age, request.SexualActivity ?? false)).LegalFlags;
        LegalFlagRaising.Raise(db, outbox, id, flags, entry.Id, eventDate, age, author);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/referrals/young-people/{id}/chronology",
            ChronologyEntryResponse.From(entry, []) with { Prompts = prompt is null ? [] : [prompt] });
    }
}
