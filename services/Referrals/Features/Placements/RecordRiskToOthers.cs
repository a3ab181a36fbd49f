using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Placements;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Domain;
using Support.Referrals.Domain.Placements;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;

namespace Support.Referrals.Features.Placements;

/// <summary>
/// REF-26: record that a young person poses a risk to other children, and optionally towards whom (a gender, children
/// younger than an age), so that every admission to where they live is matched against it. A manager may withdraw it
/// with a reason; the flag stays on the record.
/// </summary>
public static class RecordRiskToOthers
{
    public sealed record Request(string? Description, Gender? TowardsGender, int? TowardsYoungerThan);
    public sealed record WithdrawRequest(string? Reason);

    public static async Task<Results<Created<RiskToOthersResponse>, ValidationProblem, NotFound>> RecordAsync(
        Guid id, Request request, ClaimsPrincipal user, ReferralsDbContext db, IOutbox outbox, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .Required("description", request.Description, 4000)
            .When(request.TowardsYoungerThan is < 1 or > 25, "towardsYoungerThan", "'towardsYoungerThan' is an age in years from 1 to 25.");
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        if (await db.DateOfBirthOfAsync(id, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }
        var author = user.ToAuthor(clock);
        var flag = RiskToOthersFlag.Record(id, request.Description!, request.TowardsGender, request.TowardsYoungerThan, author);
        db.RiskToOthersFlags.Add(flag);
        outbox.Add(new RiskToOthersRecorded { FlagId = flag.Id, YoungPersonId = id, RecordedBy = author.UserId, OccurredAt = author.At });
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/referrals/young-people/{id}/placements", RiskToOthersResponse.From(flag, null));
    }

    public static async Task<Results<Ok<RiskToOthersResponse>, ValidationProblem, ProblemHttpResult, NotFound>> WithdrawAsync(
        Guid flagId, WithdrawRequest request, ClaimsPrincipal user, ReferralsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Required("reason", request.Reason, 4000);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var flag = await db.RiskToOthersFlags.AsNoTracking().SingleOrDefaultAsync(f => f.Id == flagId, cancellationToken);
        if (flag is null)
        {
            return TypedResults.NotFound();
        }
        if (await db.RiskToOthersWithdrawals.AnyAsync(w => w.FlagId == flagId, cancellationToken))
        {
            return Conflicts.Problem("The flag has already been withdrawn");
        }
        var withdrawal = RiskToOthersWithdrawal.Of(flagId, request.Reason!, user.ToAuthor(clock));
        db.RiskToOthersWithdrawals.Add(withdrawal);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(RiskToOthersResponse.From(flag, withdrawal));
    }
}
