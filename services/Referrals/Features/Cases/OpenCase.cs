using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Features.Referrals;
using Support.Referrals.Domain.Cases;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;

namespace Support.Referrals.Features.Cases;

/// <summary>Opens a case by hand: the young person, its lead team and the allocation criterion met, by version (REF-06).</summary>
public static class OpenCase
{
    public sealed record Request(Guid? YoungPersonId, Guid? ReferralId, string? LeadTeam, string? AllocationCriterion, string? CriteriaVersion);

    public static async Task<Results<Created<CaseResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Request request, ClaimsPrincipal user, ReferralsDbContext db, IOutbox outbox, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .Required("youngPersonId", request.YoungPersonId)
            .Required("leadTeam", request.LeadTeam, 100)
            .Required("allocationCriterion", request.AllocationCriterion, 100)
            .Required("criteriaVersion", request.CriteriaVersion, 20);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var criterion = CheckCriterion(request.AllocationCriterion!, request.CriteriaVersion!, "allocationCriterion", "criteriaVersion", errors);
        var youngPersonId = request.YoungPersonId!.Value;
        if (!await db.YoungPeople.AnyAsync(p => p.Id == youngPersonId, cancellationToken))
        {
            errors.Add("youngPersonId", "No young person with this id is registered.");
        }
        await ReferralReferences.CheckAsync(db, request.ReferralId, youngPersonId, errors, cancellationToken);
        if (request.ReferralId is { } referralId && await db.Set<Case>().AnyAsync(c => c.ReferralId == referralId, cancellationToken))
        {
            return Conflicts.Problem("A case was already opened for this referral.");
        }
        if (errors.Any || criterion is null)
        {
            return errors.ToUnprocessable();
        }
        if (await db.OpenCaseOfAsync(youngPersonId, cancellationToken) is { } open)
        {
            return OneOpenCase(open.Id);
        }

        var author = user.ToAuthor(clock);
        var @case = CaseOpening.Open(db, outbox, youngPersonId, request.ReferralId, request.LeadTeam!.Trim(), criterion, request.CriteriaVersion!, author.At, author);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return TypedResults.Problem(title: "The young person already has an open case, or the referral already has a case.",
                detail: "Someone opened it at the same moment; reload.", statusCode: StatusCodes.Status409Conflict);
        }
        return TypedResults.Created($"/api/referrals/cases/{@case.Id}", CaseResponse.From(@case));
    }

    internal static ProblemHttpResult OneOpenCase(Guid openCaseId) => TypedResults.Problem(
        title: "The young person already has an open case.",
        detail: "A young person has at most one open case; add to it, or close it first.",
        statusCode: StatusCodes.Status409Conflict,
        extensions: new Dictionary<string, object?> { ["openCaseId"] = openCaseId });

    /// <summary>REF-06: the criterion must exist in the named version of the versioned allocation criteria.</summary>
    internal static AllocationCriterion? CheckCriterion(string code, string version, string codeField, string versionField, ValidationErrors errors)
    {
        if (!AllocationCriteria.IsKnownVersion(version))
        {
            errors.Add(versionField, $"Unknown criteria version; known: {string.Join(", ", AllocationCriteria.KnownVersions)}.");
            return null;
        }
        var criterion = AllocationCriteria.Find(version, code);
        if (criterion is null)
        {
            errors.Add(codeField, $"'{code}' is not a criterion of version {version}.");
        }
        return criterion;
    }
}
