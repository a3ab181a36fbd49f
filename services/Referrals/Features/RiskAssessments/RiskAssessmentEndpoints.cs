using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Support.Contracts.Risk;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Domain.Risk;
using Support.Referrals.Features.YoungPeople;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.RiskAssessments;

public static class RiskAssessmentEndpoints
{
    public sealed record RecordRequest(
        DateOnly? EventDate, List<RiskIndicator>? Indicators, bool? SexualActivity, bool? DisclosureOfAssault,
        int? MissingEpisodesInLast90Days, RiskLevel? ChosenLevel, string? Rationale, string? Notes);

    private static readonly string[] Managers = [Roles.TeamManager, Roles.SeniorManager];

    public static IEndpointRouteBuilder MapRiskAssessmentEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/referrals/young-people/{id:guid}/risk-assessments")
            .RequireAuthorization(Policies.CaseStaff).WithTags("Risk assessments");
        group.MapPost("/", RecordAsync).WithName("RecordRiskAssessment")
            .WithSummary("Record a risk assessment: suggested level from the versioned rule table, chosen level, legal flags and prompts (REF-07, REF-14)");
        group.MapGet("/", ListAsync).WithName("ListRiskAssessments").WithSummary("A young person's risk assessments, newest first (audited)")
            .AuditsReadOf(YoungPeopleEndpoints.SubjectType);
        group.MapGet("/{assessmentId:guid}", GetAsync).WithName("GetRiskAssessment").WithSummary("One risk assessment (audited)")
            .AuditsReadOf(YoungPeopleEndpoints.SubjectType);
        // Only a team or senior manager countersigns a lowered level (REF-14, REF-15).
        app.MapPost("/api/referrals/young-people/{id:guid}/risk-assessments/{assessmentId:guid}/countersign", CountersignAsync)
            .RequireAuthorization(Policies.TeamManagers).WithTags("Risk assessments").WithName("CountersignRiskAssessment")
            .WithSummary("A team manager countersigns a lowered level, which then comes into force (REF-15)");
        app.MapGet("/api/referrals/young-people/{id:guid}/legal-flags", ListLegalFlagsAsync)
            .RequireAuthorization(Policies.CaseStaff).WithTags("Risk assessments").WithName("ListLegalFlags")
            .WithSummary("The legal age flags on a young person's record (REF-07, audited)").AuditsReadOf(YoungPeopleEndpoints.SubjectType);
        return app;
    }

    private static async Task<Results<Created<RiskAssessmentResponse>, ValidationProblem, ProblemHttpResult, NotFound>> RecordAsync(
        Guid id, RecordRequest request, ClaimsPrincipal user, ReferralsDbContext db, IOutbox outbox, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .Required("eventDate", request.EventDate)
            .Required("chosenLevel", request.ChosenLevel)
            .When(request.MissingEpisodesInLast90Days is < 0 or > 1000, "missingEpisodesInLast90Days", "'missingEpisodesInLast90Days' must be between 0 and 1000.")
            .When(request.Indicators?.Count > 100, "indicators", "'indicators' has too many items.")
            .MaxLength("rationale", request.Rationale, 4000)
            .MaxLength("notes", request.Notes, 8000);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var input = new AssessmentInput(request.EventDate!.Value, request.Indicators ?? [], request.SexualActivity ?? false,
            request.DisclosureOfAssault ?? false, request.MissingEpisodesInLast90Days, request.ChosenLevel!.Value, request.Rationale, request.Notes);
        var outcome = await RiskAssessing.RecordAsync(db, outbox, id, null, input, user.ToAuthor(clock), cancellationToken);
        if (outcome.UnknownYoungPerson)
        {
            return TypedResults.NotFound();
        }
        if (outcome.Errors.Any)
        {
            return outcome.Errors.ToUnprocessable();
        }
        if (await SaveAsync(db, cancellationToken) is { } conflict)
        {
            return conflict;
        }
        var assessment = outcome.Assessment!;
        return TypedResults.Created($"/api/referrals/young-people/{id}/risk-assessments/{assessment.Id}", RiskAssessmentResponse.From(assessment, null));
    }

    private static async Task<Ok<IReadOnlyList<RiskAssessmentResponse>>> ListAsync(
        Guid id, ReferralsDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.RiskAssessments.AsNoTracking()
            .Where(a => a.YoungPersonId == id)
            .OrderByDescending(a => a.RecordedAt)
            .GroupJoin(db.RiskAssessmentCountersignatures, a => a.Id, c => c.AssessmentId, (a, c) => new { a, c })
            .SelectMany(x => x.c.DefaultIfEmpty(), (x, c) => new { x.a, c })
            .Take(500)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<RiskAssessmentResponse>>(rows.Select(r => RiskAssessmentResponse.From(r.a, r.c)).ToList());
    }

    private static async Task<Results<Ok<RiskAssessmentResponse>, NotFound>> GetAsync(
        Guid id, Guid assessmentId, ReferralsDbContext db, CancellationToken cancellationToken)
    {
        var assessment = await db.RiskAssessments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == assessmentId && a.YoungPersonId == id, cancellationToken);
        if (assessment is null)
        {
            return TypedResults.NotFound();
        }
        var countersignature = await db.RiskAssessmentCountersignatures.AsNoTracking().SingleOrDefaultAsync(c => c.AssessmentId == assessmentId, cancellationToken);
        return TypedResults.Ok(RiskAssessmentResponse.From(assessment, countersignature));
    }

    private static async Task<Results<Ok<RiskAssessmentResponse>, ProblemHttpResult, NotFound>> CountersignAsync(
        Guid id, Guid assessmentId, ClaimsPrincipal user, ReferralsDbContext db, IOutbox outbox, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var assessment = await db.RiskAssessments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == assessmentId && a.YoungPersonId == id, cancellationToken);
        if (assessment is null)
        {
            return TypedResults.NotFound();
        }
        var manager = user.ToAuthor(clock, Managers);
        if (!assessment.RequiresCountersignature)
        {
            return Conflict("This assessment does not need a countersignature.");
        }
        if (await db.RiskAssessmentCountersignatures.AnyAsync(c => c.AssessmentId == assessmentId, cancellationToken))
        {
            return Conflict("This assessment is already countersigned.");
        }
        if (manager.UserId == assessment.RecordedBy)
        {
            // Four eyes: the approver of a lowered level is not the person who chose it (REF-15).
            return TypedResults.Problem(title: "A manager cannot countersign their own assessment.", statusCode: StatusCodes.Status403Forbidden);
        }
        var current = await db.CurrentRiskLevels.SingleOrDefaultAsync(c => c.YoungPersonId == id, cancellationToken);
        if (current is null || current.SourceId != assessment.Id)
        {
            return Conflict("A newer assessment or review has set the level since; countersign that one or record a new assessment.");
        }
        var countersignature = RiskAssessmentCountersignature.For(assessment, manager);
        db.RiskAssessmentCountersignatures.Add(countersignature);
        RiskAssessing.PutInForce(db, outbox, current, assessment, assessment.ChosenLevel, manager.UserId, manager.At);
        if (await SaveAsync(db, cancellationToken) is { } conflict)
        {
            return conflict;
        }
        return TypedResults.Ok(RiskAssessmentResponse.From(assessment, countersignature));
    }

    private static async Task<Ok<IReadOnlyList<LegalFlagResponse>>> ListLegalFlagsAsync(Guid id, ReferralsDbContext db, CancellationToken cancellationToken)
    {
        var flags = await db.LegalFlags.AsNoTracking().Where(f => f.YoungPersonId == id).OrderBy(f => f.RaisedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<LegalFlagResponse>>(flags
            .Select(f => new LegalFlagResponse(f.Id, f.Flag, f.SourceId, f.EventDate, f.AgeOnEventDate, LondonTime.Of(f.RaisedAt), f.RaisedBy)).ToList());
    }

    public sealed record LegalFlagResponse(Guid Id, LegalFlag Flag, Guid SourceId, DateOnly EventDate, int AgeOnEventDate, LondonTime RaisedAt, string RaisedBy);

    /// <summary>Saves; a lost race on the level in force or a countersignature is a 409, never a 500.</summary>
    internal static async Task<ProblemHttpResult?> SaveAsync(ReferralsDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Conflict("The risk level was changed by someone else at the same time; reload and try again.");
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return Conflict("Someone else changed this record at the same time; reload and try again.");
        }
    }

    internal static ProblemHttpResult Conflict(string title) => TypedResults.Problem(title: title, statusCode: StatusCodes.Status409Conflict);
}
