using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.ServiceDefaults.Auth;
using Support.Therapy.Data;
using Support.Therapy.Domain;
using System.Security.Claims;

namespace Support.Therapy.Features.Tasks;

/// <summary>Key-worker tasks: an alternative after a decline (THR-01), a plan for adult services near 18 (THR-05). Done by making a referral with the task's id.</summary>
public static class TaskEndpoints
{
    public sealed record TaskResponse(Guid Id, string Kind, Guid YoungPersonId, Guid ReferralId, string? AssignedTo, IReadOnlyList<Guid> FittingOfferIds,
        Support.ServiceDefaults.Time.LondonTime OpenedAt, string Status, Guid? AlternativeReferralId);

    public static IEndpointRouteBuilder MapTaskEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/therapy/tasks", ListAsync).RequireAuthorization(Policies.CaseStaff).WithTags("Key-worker tasks")
            .WithName("ListTherapyTasks").WithSummary("Open tasks: mine and the unassigned ones (status=all for done ones too).");
        return app;
    }

    public static async Task<Ok<List<TaskResponse>>> ListAsync(string? status, ClaimsPrincipal user, TherapyDbContext db, CancellationToken cancellationToken)
    {
        var me = user.UserId();
        var query = db.Tasks.AsNoTracking().Where(t => t.AssignedTo == null || t.AssignedTo == me);
        if (!string.Equals(status, "all", StringComparison.OrdinalIgnoreCase))
        {
            query = query.Where(t => t.Status == KeyWorkerTaskStatus.Open);
        }
        var tasks = await query.OrderBy(t => t.OpenedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(tasks.Select(t => new TaskResponse(t.Id, t.Kind, t.YoungPersonId, t.ReferralId, t.AssignedTo, t.FittingOfferIds,
            Support.ServiceDefaults.Time.LondonTime.Of(t.OpenedAt), t.Status.ToString(), t.AlternativeReferralId)).ToList());
    }
}
