using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Cases;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Domain.Cases;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.Cases;

/// <summary>
/// REF-25: closure needs a summary and a team manager's rationale, and is refused while anything is still open (each
/// item listed); items that do not block, such as an 18th birthday within 6 months, need an explicit decision in the
/// request. REF-09: only this social-care decision closes a case; no police outcome does.
/// </summary>
public static class CloseCase
{
    public sealed record ItemDecision(string? Item, string? Decision);

    public sealed record Request(string? Summary, string? Rationale, IReadOnlyList<ItemDecision>? Decisions);

    public sealed record ClosureResponse(CaseResponse Case, string Summary, string Rationale, string ApprovedBy, LondonTime ClosedAt, IReadOnlyDictionary<string, string> Decisions);

    public static async Task<Results<Ok<ClosureResponse>, ProblemHttpResult, NotFound>> HandleAsync(
        Guid id, Request request, ClaimsPrincipal user, ReferralsDbContext db, IOutbox outbox, IEnumerable<ICaseOpenItemSource> sources,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .Required("summary", request.Summary, 8000)
            .Required("rationale", request.Rationale, 4000);
        var decisions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (decision, i) in errors.Present("decisions", request.Decisions))
        {
            errors.Required($"decisions[{i}].item", decision.Item, 200).Required($"decisions[{i}].decision", decision.Decision, 4000);
            if (!string.IsNullOrWhiteSpace(decision.Item) && !string.IsNullOrWhiteSpace(decision.Decision))
            {
                decisions[decision.Item.Trim()] = decision.Decision.Trim();
            }
        }
        if (errors.Any)
        {
            return errors.ToUnprocessable();
        }
        var @case = await db.Set<Case>().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (@case is null)
        {
            return TypedResults.NotFound();
        }
        var author = user.ToAuthor(clock, [Roles.TeamManager, Roles.SeniorManager]);
        CaseClosure closure;
        try
        {
            @case.EnsureOpen("close");
            var items = await FindOpenItemsAsync(@case, sources, author.At, cancellationToken);
            closure = CaseClosure.Close(@case, request.Summary!.Trim(), request.Rationale!.Trim(), items, decisions, author);
        }
        catch (CaseConflictException conflict)
        {
            return CaseProblems.Conflict(conflict, @case);
        }
        catch (CaseClosureRefusedException refused)
        {
            return TypedResults.Problem(
                title: refused.Message,
                detail: "Finish each blocking item, and give a decision (by its key) for each item that needs one.",
                statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?> { ["openItems"] = refused.Items.Select(CaseOpenItemResponse.From).ToList() });
        }
        db.Add(closure);
        outbox.Add(new CaseClosed
        {
            CaseId = @case.Id,
            YoungPersonId = @case.YoungPersonId,
            ApprovedBy = author.UserId,
            OccurredAt = author.At,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsConcurrentChange())
        {
            return CaseProblems.ConcurrentChange();
        }
        return TypedResults.Ok(new ClosureResponse(CaseResponse.From(@case), closure.Summary, closure.Rationale, closure.ApprovedBy, LondonTime.Of(closure.ClosedAt),
            closure.Decisions.ToDictionary(d => d.ItemKey, d => d.Decision)));
    }

    public static async Task<Results<Ok<IReadOnlyList<CaseOpenItemResponse>>, NotFound>> OpenItemsAsync(
        Guid id, ReferralsDbContext db, IEnumerable<ICaseOpenItemSource> sources, IAccessLog accessLog, TimeProvider clock, CancellationToken cancellationToken)
    {
        var @case = await db.Set<Case>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (@case is null)
        {
            return TypedResults.NotFound();
        }
        var items = @case.IsOpen ? await FindOpenItemsAsync(@case, sources, clock.GetUtcNow(), cancellationToken) : [];
        await accessLog.RecordAsync(CaseEndpoints.SubjectType, [@case.YoungPersonId], AccessActions.Read, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<CaseOpenItemResponse>>(items.Select(CaseOpenItemResponse.From).ToList());
    }

    private static async Task<IReadOnlyList<CaseOpenItem>> FindOpenItemsAsync(
        Case @case, IEnumerable<ICaseOpenItemSource> sources, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var items = new List<CaseOpenItem>();
        foreach (var source in sources)
        {
            items.AddRange(await source.FindAsync(@case, now, cancellationToken));
        }
        return items.OrderByDescending(i => i.BlocksClosure).ThenBy(i => i.DueAt ?? DateTimeOffset.MaxValue).ThenBy(i => i.Key, StringComparer.Ordinal).ToList();
    }
}
