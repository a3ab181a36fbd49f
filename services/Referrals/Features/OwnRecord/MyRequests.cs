using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Domain.Disclosure;
using Support.Referrals.Features.Disclosure;
using Support.Referrals.Features.SubjectAccess;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.OwnRecord;

/// <summary>
/// The signed-in young person's own requests (REC-10). Everything is found through their sign-in's link, never an id
/// they send: without a link they are told so (404), and another young person's request is not theirs to see (404).
/// A request they make is received today, online; the answer is the released pack, only as redacted (REC-09).
/// </summary>
public static class MyRequests
{
    public const string HowReceivedOnline = "Online, signed in to their own record";

    private static ProblemHttpResult NotLinked() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
        title: "Your sign-in is not linked to a record yet.", detail: "Ask your worker to link it; they will check it is you first.");

    public static async Task<Results<Ok<IReadOnlyList<SubjectAccessRequestView>>, ProblemHttpResult>> ListAsync(
        ClaimsPrincipal user, ReferralsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await SignInIdentities.RecordOfAsync(db, user, cancellationToken) is not { } id)
        {
            return NotLinked();
        }
        var today = London.Today(clock);
        var requests = await db.SubjectAccessRequests.AsNoTracking().Where(r => r.YoungPersonId == id)
            .OrderByDescending(r => r.ReceivedOn).ThenByDescending(r => r.RecordedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<SubjectAccessRequestView>>([.. requests.Select(r => SubjectAccessRequestView.From(r, today))]);
    }

    public static async Task<Results<Created<SubjectAccessRequestView>, ProblemHttpResult>> MakeAsync(
        ClaimsPrincipal user, ReferralsDbContext db, IOutbox outbox, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await SignInIdentities.RecordOfAsync(db, user, cancellationToken) is not { } id)
        {
            return NotLinked();
        }
        var today = London.Today(clock);
        if (await db.SubjectAccessRequests.AnyAsync(r => r.YoungPersonId == id && r.AnsweredAt == null, cancellationToken))
        {
            return Conflicts.Problem("You have already asked, and the answer is on its way.", "Your open request is listed with the date it is due.");
        }
        var requester = user.IsInRole(Roles.Survivor) ? SubjectAccessRequester.AdultSurvivor : SubjectAccessRequester.YoungPerson;
        var request = SubjectAccessRequest.Receive(id, requester, HowReceivedOnline, today, user.ToAuthor(clock, Roles.DataSubjects));
        db.SubjectAccessRequests.Add(request);
        outbox.Add(request.Received());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created("/api/referrals/me/subject-access-requests", SubjectAccessRequestView.From(request, today));
    }

    public static async Task<Results<Ok<DisclosurePackResponse>, ProblemHttpResult>> PackAsync(
        Guid requestId, ClaimsPrincipal user, ReferralsDbContext db, IAccessLog accessLog, IOptions<DisclosureOptions> options,
        CancellationToken cancellationToken)
    {
        if (await SignInIdentities.RecordOfAsync(db, user, cancellationToken) is not { } id)
        {
            return NotLinked();
        }
        var request = await db.SubjectAccessRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId && r.YoungPersonId == id, cancellationToken);
        if (request is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such request of yours.");
        }
        if (request.AnsweredWithPackId is not { } packId)
        {
            return Conflicts.Problem("Your request has not been answered yet.", $"It is due by {request.CurrentDueOn:d MMMM yyyy}.");
        }
        var pack = await db.DisclosurePacks.AsNoTracking().SingleAsync(p => p.Id == packId, cancellationToken);
        await accessLog.RecordAsync(AccessSubjects.YoungPerson, [id], AccessActions.Read, cancellationToken);
        // Only what was there when the pack was reviewed and released: a part that came later was never reviewed for third parties.
        return TypedResults.Ok(await GetDisclosurePack.ViewAsync(db, pack, "redacted", options.Value, cancellationToken, request.AnsweredAt));
    }
}
