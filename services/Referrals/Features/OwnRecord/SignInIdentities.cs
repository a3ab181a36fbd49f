using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.Referrals.Domain.Disclosure;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Data;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.OwnRecord;

public sealed record SignInIdentityResponse(
    Guid Id, Guid YoungPersonId, string Subject, string HowVerified, LondonTime RecordedAt, string RecordedBy, bool Active,
    LondonTime? EndedAt, string? EndedBy, string? EndReason)
{
    public static SignInIdentityResponse From(SignInIdentity i) => new(
        i.Id, i.YoungPersonId, i.Subject, i.HowVerified, LondonTime.Of(i.RecordedAt), i.RecordedBy, i.IsActive, LondonTime.Of(i.EndedAt), i.EndedBy, i.EndReason);
}

/// <summary>
/// Linking a young person's own sign-in to their record, and ending the link. A sign-in belongs to one record at a
/// time (409 while it stands on another, or on this one); the link says how the worker verified who they are.
/// </summary>
public static class SignInIdentities
{
    public sealed record LinkRequest(string? Subject, string? HowVerified);
    public sealed record EndRequest(string? Reason);

    public static async Task<Results<Created<SignInIdentityResponse>, ValidationProblem, ProblemHttpResult, NotFound>> LinkAsync(
        Guid id, LinkRequest request, ClaimsPrincipal user, ReferralsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Required("subject", request.Subject?.Trim(), 200).Required("howVerified", request.HowVerified?.Trim(), 1000);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        if (!await db.YoungPeople.AnyAsync(p => p.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var subject = request.Subject!.Trim();
        if (await db.Set<SignInIdentity>().AnyAsync(i => i.Subject == subject && i.EndedAt == null, cancellationToken))
        {
            return Conflicts.Problem("This sign-in is already linked to a record; end that link first.");
        }
        var identity = SignInIdentity.Link(id, subject, request.HowVerified!, user.ToAuthor(clock, OwnRecordEndpoints.Linkers));
        db.Set<SignInIdentity>().Add(identity);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return Conflicts.Problem("This sign-in was linked to a record at the same time; reload.");
        }
        return TypedResults.Created($"/api/referrals/young-people/{id}/sign-in-identities", SignInIdentityResponse.From(identity));
    }

    public static async Task<Results<Ok<SignInIdentityResponse>, ValidationProblem, ProblemHttpResult, NotFound>> EndAsync(
        Guid id, Guid identityId, EndRequest request, ClaimsPrincipal user, ReferralsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Required("reason", request.Reason?.Trim(), 1000);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var identity = await db.Set<SignInIdentity>().SingleOrDefaultAsync(i => i.Id == identityId && i.YoungPersonId == id, cancellationToken);
        if (identity is null)
        {
            return TypedResults.NotFound();
        }
        if (!identity.End(request.Reason!, user.ToAuthor(clock, OwnRecordEndpoints.Linkers)))
        {
            return Conflicts.Problem("This link has already ended.");
        }
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(SignInIdentityResponse.From(identity));
    }

    public static async Task<Ok<IReadOnlyList<SignInIdentityResponse>>> ListAsync(Guid id, ReferralsDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.Set<SignInIdentity>().AsNoTracking().Where(i => i.YoungPersonId == id).OrderBy(i => i.RecordedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<SignInIdentityResponse>>([.. rows.Select(SignInIdentityResponse.From)]);
    }

    /// <summary>The record the signed-in young person's sign-in is linked to, or null (then they see nothing).</summary>
    public static Task<Guid?> RecordOfAsync(ReferralsDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var subject = user.UserId();
        return db.Set<SignInIdentity>().Where(i => i.Subject == subject && i.EndedAt == null)
            .Select(i => (Guid?)i.YoungPersonId).SingleOrDefaultAsync(cancellationToken);
    }
}
