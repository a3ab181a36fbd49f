using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.Referrals.Features.YoungPeople;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Features.PoliceOutcomes;

/// <summary>
/// Police outcomes on a young person's record (REF-09, MA-01). Police liaison records them; every case-staff role may
/// too (the police liaison role is one of them), and commissioners get 403 like everywhere identifiable. Reads are
/// audited (REC-08).
/// </summary>
public static class PoliceOutcomeEndpoints
{
    public static IEndpointRouteBuilder MapPoliceOutcomeEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/referrals/young-people/{id:guid}/police-outcomes")
            .RequireAuthorization(Policies.CaseStaff).WithTags("Police outcomes");
        group.MapPost("/", RecordPoliceOutcome.HandleAsync).WithName("RecordPoliceOutcome")
            .WithSummary("Record a police outcome, or a correction of one; it never closes a case or lowers a risk level (REF-09)");
        group.MapGet("/", ListAsync).WithName("ListPoliceOutcomes")
            .WithSummary("A young person's police outcomes, newest first, corrections beside what they correct (audited)")
            .AuditsReadOf(YoungPeopleEndpoints.SubjectType);
        group.MapGet("/{outcomeId:guid}", GetAsync).WithName("GetPoliceOutcome").WithSummary("One police outcome (audited)")
            .AuditsReadOf(YoungPeopleEndpoints.SubjectType);
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<PoliceOutcomeResponse>>, NotFound>> ListAsync(
        Guid id, ReferralsDbContext db, CancellationToken cancellationToken)
    {
        // An unknown young person is a 404, so the access log never records a read of someone who does not exist.
        if (!await db.YoungPeople.AnyAsync(p => p.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        // Newest first: a correction is always newer than what it corrects, so both are in the same page.
        var outcomes = await db.PoliceOutcomes.AsNoTracking()
            .Where(o => o.YoungPersonId == id)
            .OrderByDescending(o => o.RecordedAt).ThenByDescending(o => o.Id)
            .Take(500)
            .ToListAsync(cancellationToken);
        var correctedBy = outcomes.Where(o => o.CorrectsId is not null).ToDictionary(o => o.CorrectsId!.Value, o => o.Id);
        return TypedResults.Ok<IReadOnlyList<PoliceOutcomeResponse>>(outcomes
            .Select(o => PoliceOutcomeResponse.From(o, correctedBy.TryGetValue(o.Id, out var by) ? by : null))
            .ToList());
    }

    private static async Task<Results<Ok<PoliceOutcomeResponse>, NotFound>> GetAsync(
        Guid id, Guid outcomeId, ReferralsDbContext db, CancellationToken cancellationToken)
    {
        var outcome = await db.PoliceOutcomes.AsNoTracking().SingleOrDefaultAsync(o => o.Id == outcomeId && o.YoungPersonId == id, cancellationToken);
        if (outcome is null)
        {
            return TypedResults.NotFound();
        }
        var correctedBy = await db.PoliceOutcomes.AsNoTracking()
            .Where(o => o.CorrectsId == outcomeId)
            .Select(o => (Guid?)o.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return TypedResults.Ok(PoliceOutcomeResponse.From(outcome, correctedBy));
    }
}
