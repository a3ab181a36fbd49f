using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Outreach;
using Support.Contracts.Risk;
using Support.Messaging.Outbox;
using Support.Outreach.Data;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;

namespace Support.Outreach.Features.Concerns;

/// <summary>
/// OUT-04, REF-16: a worker raises a CSE concern about a registered young person with the indicators they saw; Referrals
/// opens a risk review from <see cref="OutreachConcernRaised"/>. Codes only travel: the worker's words stay in their contacts.
/// </summary>
public static class RaiseConcern
{
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record Request(Guid? YoungPersonId, IReadOnlyList<string?>? Indicators);

    public sealed record Response(Guid ConcernId, Guid YoungPersonId, IReadOnlyList<RiskIndicator> Indicators, string RaisedBy,
        Support.ServiceDefaults.Time.LondonTime RaisedAt);

    public static async Task<Results<Accepted<Response>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Request request, ClaimsPrincipal user, OutreachDbContext db, IOutbox outbox, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .When(request.YoungPersonId is null || request.YoungPersonId == Guid.Empty, "youngPersonId", "'youngPersonId' is required.")
            .When(request.Indicators is not { Count: > 0 }, "indicators", "Give at least one indicator.")
            .When(request.Indicators is { Count: > 40 }, "indicators", "At most 40 indicators.");
        var indicators = new List<RiskIndicator>();
        foreach (var (value, i) in (request.Indicators ?? []).Take(40).Select((v, i) => (v, i)))
        {
            if (errors.Named<RiskIndicator>($"indicators[{i}]", value, required: true) is { } indicator && !indicators.Contains(indicator))
            {
                indicators.Add(indicator);
            }
        }
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        if (!await db.KnownYoungPeople.AnyAsync(p => p.Id == request.YoungPersonId, cancellationToken))
        {
            return errors.Add("youngPersonId", "No young person with this id is known to the Outreach service.").ToUnprocessable();
        }
        var author = user.ToAuthor(clock);
        var concern = new OutreachConcernRaised
        {
            ConcernId = Guid.CreateVersion7(author.At),
            YoungPersonId = request.YoungPersonId!.Value,
            Indicators = indicators,
            RaisedBy = author.UserId,
            OccurredAt = author.At,
        };
        outbox.Add(concern);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Accepted((string?)null,
            new Response(concern.ConcernId, concern.YoungPersonId, indicators, author.UserId, Support.ServiceDefaults.Time.LondonTime.Of(author.At)));
    }
}
