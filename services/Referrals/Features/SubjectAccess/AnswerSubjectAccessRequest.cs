using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Support.Contracts.Referrals;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Domain.Disclosure;
using Support.Referrals.Features.Disclosure;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.SubjectAccess;

/// <summary>
/// Answers the request with a subject-access pack of the same young person (REC-10): the young person is given its
/// redacted view, so whoever answers confirms that third parties were reviewed for redaction (REC-09; 422 naming
/// <c>thirdPartiesReviewed</c> otherwise). An answer after the due date is recorded as late, never hidden. Releasing a
/// pack is an export of the record (REC-08).
/// </summary>
public static class AnswerSubjectAccessRequest
{
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record Request(Guid? PackId, bool? ThirdPartiesReviewed);

    public static async Task<Results<Ok<SubjectAccessRequestView>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(
        Guid requestId, Request request, ClaimsPrincipal user, ReferralsDbContext db, IOutbox outbox, IAccessLog accessLog, TimeProvider clock,
        IOptions<DisclosureOptions> options, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Required("packId", request.PackId).Required("thirdPartiesReviewed", request.ThirdPartiesReviewed);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var found = await db.SubjectAccessRequests.SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (found is null)
        {
            return TypedResults.NotFound();
        }
        if (!found.IsOpen)
        {
            return errors.Add("packId", "The request is already answered.").ToUnprocessable();
        }
        var pack = await db.DisclosurePacks.AsNoTracking().SingleOrDefaultAsync(p => p.Id == request.PackId, cancellationToken);
        if (pack is null || pack.YoungPersonId != found.YoungPersonId || pack.Purpose != DisclosurePurpose.SubjectAccess)
        {
            return errors.Add("packId", "The answer must be a SubjectAccess pack of the same young person.").ToUnprocessable();
        }
        var contents = await PackContents.LoadAsync(db, pack, options.Value, cancellationToken);
        if (!contents.Complete)
        {
            // REC-10: what is released is the whole record; a part still to come would go out unreviewed.
            return errors.Add("packId", contents.AwaitingDetail).ToUnprocessable();
        }
        if (request.ThirdPartiesReviewed != true)
        {
            return errors.Add("thirdPartiesReviewed", "Review the pack for third parties and redact them, with reasons, before it is released (REC-09).").ToUnprocessable();
        }
        var author = user.ToAuthor(clock, DisclosureEndpoints.DisclosureRoles);
        found.Answer(pack.Id, author);
        var redactions = await db.Redactions.CountAsync(r => r.PackId == pack.Id, cancellationToken);
        outbox.Add(new SubjectAccessRequestAnswered
        {
            RequestId = found.Id, YoungPersonId = found.YoungPersonId, PackId = pack.Id, Redactions = redactions, Late = found.AnsweredLate == true,
            AnsweredBy = author.UserId, OccurredAt = author.At,
        });
        await db.SaveChangesAsync(cancellationToken);
        await accessLog.RecordAsync(AccessSubjects.YoungPerson, [found.YoungPersonId], AccessActions.Export, cancellationToken);
        return TypedResults.Ok(SubjectAccessRequestView.From(found, London.Today(clock)));
    }
}
