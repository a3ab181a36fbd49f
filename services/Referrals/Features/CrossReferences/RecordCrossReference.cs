using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Referrals;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Domain.Cases;
using Support.Referrals.Domain.CrossReferences;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;

namespace Support.Referrals.Features.CrossReferences;

/// <summary>
/// REF-19: a worker writing on one young person's record tags another registered young person the information is
/// about. The tagged child's chronology gets an entry pointing back to the source (<c>CrossReferenceRecorded</c>), and
/// the key workers of their open cases have it in their list until they acknowledge it. The source is checked
/// (<see cref="SourceRecords"/>).
/// </summary>
public static class RecordCrossReference
{
    public sealed record Request(Guid? TaggedYoungPersonId, string? SourceKind, string? SourceReference, string? Summary);

    public static async Task<Results<Created<CrossReferenceResponse>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(
        Guid id, Request request, ClaimsPrincipal user, ReferralsDbContext db, IOutbox outbox, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .When(request.TaggedYoungPersonId is null || request.TaggedYoungPersonId == Guid.Empty, "taggedYoungPersonId", "'taggedYoungPersonId' is required.")
            .CheckShape(request.SourceKind, request.SourceReference)
            .Required("summary", request.Summary, 4000);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        if (await db.DateOfBirthOfAsync(id, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }
        var tagged = request.TaggedYoungPersonId!.Value;
        errors
            .When(tagged == id, "taggedYoungPersonId", "Tag another young person: this is their own record.")
            .When(tagged != id && await db.DateOfBirthOfAsync(tagged, cancellationToken) is null, "taggedYoungPersonId", "No young person with this id is registered.");
        await errors.CheckResolvesAsync(db, id, request.SourceKind!, request.SourceReference, cancellationToken);
        if (errors.Any)
        {
            return errors.ToUnprocessable();
        }
        var author = user.ToAuthor(clock);
        var keyWorkers = await db.Set<Case>().AsNoTracking()
            .Where(c => c.YoungPersonId == tagged && c.Status == CaseStatus.Open && c.KeyWorker != null)
            .Select(c => c.KeyWorker!).ToListAsync(cancellationToken);
        var reference = CrossReference.Record(id, tagged, request.SourceKind!, SourceRecords.Normalise(request.SourceReference)?.ToString(),
            request.Summary!.Trim(), keyWorkers, author);
        db.CrossReferences.Add(reference);
        outbox.Add(new CrossReferenceRecorded
        {
            CrossReferenceId = reference.Id, YoungPersonId = tagged, SourceYoungPersonId = id, SourceKind = reference.SourceKind,
            KeyWorkers = reference.KeyWorkers, RecordedBy = author.UserId, OccurredAt = author.At,
        });
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/referrals/young-people/{tagged}/cross-references", CrossReferenceResponse.From(reference, showSummary: true, acknowledgedBy: []));
    }
}
