using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Support.LeavingCare.Data;
using Support.LeavingCare.Features.Alerts;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;

namespace Support.LeavingCare.Features.CareLeavers;

/// <summary>Takes a known young person (16-25) onto the leaving-care caseload (issue 5).</summary>
public static class RegisterCareLeaver
{
    public static async Task<Results<Created<CareLeaverResponse>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(
        RegisterCareLeaverRequest request, ClaimsPrincipal user, LeavingCareDbContext db, IOptions<LeavingCareOptions> options, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Required("youngPersonId", request.YoungPersonId).Required("lookedAfter", request.LookedAfter);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var picture = await CareLeaverEndpoints.KnownAsync(db, request.YoungPersonId!.Value, cancellationToken);
        if (picture is null)
        {
            return TypedResults.NotFound();
        }
        var now = clock.GetUtcNow();
        var today = London.DateOf(now);
        // Support runs to the 25th birthday (PersonalAdviserUntil); a date of birth in the future is a registry error.
        errors.When(picture.DateOfBirth > today, "youngPersonId", "The young person's date of birth is in the future; correct it in the registry first.")
            .When(picture.SupportUntil <= today, "youngPersonId", $"The young person is {options.Value.SupportUntilAge} or over: leaving-care support runs to the {options.Value.SupportUntilAge}th birthday.");
        if (errors.Any)
        {
            return errors.ToUnprocessable();
        }
        if (picture.OnCaseloadSince is not null)
        {
            return Conflicts.Problem("The young person is already on the leaving-care caseload.");
        }
        picture.JoinCaseload(request.LookedAfter!.Value, now);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await AlertEngine.RunAsync(db, options.Value, now, picture.YoungPersonId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/leavingcare/young-people/{picture.YoungPersonId}/leaving-care", CareLeaverResponse.From(picture, today));
    }
}
