using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Therapy;
using Support.Messaging.Outbox;
using Support.ServiceDefaults.Auth;
using static Support.ServiceDefaults.Access.PartnerWrites;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;
using Support.Therapy.Data;
using Support.Therapy.Domain;

namespace Support.Therapy.Features.HealthIndicators;

/// <summary>
/// THR-08: health partners record health events that are CSE indicators, with the basis on which they were shared;
/// each is announced so Referrals opens a risk review (REF-16). No clinical notes are taken here.
/// </summary>
public static class RecordHealthIndicator
{
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record Request(string? Type, string? OccurredAt, string? SharingBasis);

    public sealed record Response(Guid Id, Guid YoungPersonId, string Type, LondonTime OccurredAt, string SharingBasis, IReadOnlyList<string> RiskIndicators,
        LondonTime RecordedAt, string RecordedBy);

    public static IEndpointRouteBuilder MapHealthIndicatorEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/therapy/young-people/{id:guid}/health-indicators", HandleAsync).RequireAuthorization(Access.HealthRecorders)
            .WithMetadata(new RequestSizeLimitAttribute(Input.MaxBodyBytes)).WithTags("Health indicators")
            .WithName("RecordHealthIndicator").WithSummary("Record a health indicator (THR-08); publishes HealthIndicatorRecorded for a risk review.")
            // A clinic that sees a 12-year-old pregnant raises a concern, whether or not it knows the child (issue 16 item 1).
            .RaisesConcern();
        return app;
    }

    public static async Task<Results<Created<Response>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid id, Request request, ClaimsPrincipal user, TherapyDbContext db, IOutbox outbox, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var type = errors.Named<HealthIndicatorType>("type", request.Type, required: true);
        var basis = errors.Named<SharingBasis>("sharingBasis", request.SharingBasis, required: true);
        var occurredAt = errors.Instant("occurredAt", request.OccurredAt, clock.GetUtcNow(), required: true);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var dateOfBirth = await db.KnownYoungPeople.Where(p => p.Id == id).Select(p => (DateOnly?)p.DateOfBirth).SingleOrDefaultAsync(cancellationToken);
        if (dateOfBirth is null)
        {
            return errors.Add("id", "No young person with this id is known here yet.").ToUnprocessable();
        }
        if (London.DateOf(occurredAt!.Value) < dateOfBirth)
        {
            return errors.Add("occurredAt", "'occurredAt' cannot be before the young person's date of birth.").ToUnprocessable();
        }
        var author = user.ToAuthor(clock, Access.HealthRecorderRoles);
        var indicator = HealthIndicator.Record(id, type!.Value, occurredAt.Value, basis!.Value, author);
        db.HealthIndicators.Add(indicator);
        var riskIndicators = HealthIndicator.RiskIndicatorsOf(indicator.Type);
        outbox.Add(new HealthIndicatorRecorded
        {
            HealthIndicatorId = indicator.Id, YoungPersonId = id, Type = indicator.Type, RiskIndicators = riskIndicators,
            AgeAtEvent = Ages.On(dateOfBirth.Value, London.DateOf(indicator.OccurredAt)), SharingBasis = indicator.SharingBasis.ToString(),
            RecordedBy = author.UserId, OccurredAt = indicator.OccurredAt,
        });
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/therapy/young-people/{id}/health-indicators/{indicator.Id}", new Response(indicator.Id, id, indicator.Type.ToString(),
            LondonTime.Of(indicator.OccurredAt), indicator.SharingBasis.ToString(), [.. riskIndicators.Select(r => r.ToString())], LondonTime.Of(indicator.RecordedAt), indicator.RecordedBy));
    }
}
