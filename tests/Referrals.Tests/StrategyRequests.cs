using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Support.Contracts.Risk;
using Support.Referrals.Domain.Risk;
using Support.Referrals.Features.S47Pathways;
using Support.Referrals.Features.StrategyMeetings;

namespace Support.Referrals.Tests;

/// <summary>Requests and reads shared by the s47 pathway, strategy meeting and organised-abuse tests.</summary>
internal static class StrategyRequests
{
    public static readonly JsonSerializerOptions Json = YoungPersonRequests.Json;

    /// <summary>Staff the fixture registers, so actions in these bodies have active owners (COM-10).</summary>
    public static readonly (string UserId, string Name, string Role)[] Owners =
        [("sam-social", "Sam Social", "SocialWorker"), ("pat-police", "Pat Police", "PoliceLiaison"), ("yas-youth", "Yas Youth", "OutreachWorker")];

    public static async Task<Guid> RegisteredChildAsync(this HttpClient client, string family = "Marsh") =>
        (await client.RegisterAsync(YoungPersonRequests.Valid("Kayleigh", family + Guid.NewGuid().ToString("N")[..6], "2011-03-14"))).Id;



    public static async Task<S47PathwayResponse> StartPathwayAsync(this HttpClient client, Guid youngPersonId, Guid? referralId = null)
    {
        using var response = await client.PostAsJsonAsync("/api/referrals/s47-pathways", new { youngPersonId, referralId });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsync<S47PathwayResponse>();
    }

    public static Task<HttpResponseMessage> MoveAsync(this HttpClient client, Guid pathwayId, string toStage, string? rationale = null) =>
        client.PostAsJsonAsync($"/api/referrals/s47-pathways/{pathwayId}/transitions", new { toStage, rationale });

    public static async Task<S47PathwayResponse> MovedAsync(this HttpClient client, Guid pathwayId, string toStage, string? rationale = null)
    {
        using var response = await client.MoveAsync(pathwayId, toStage, rationale);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadAsync<S47PathwayResponse>();
    }

    /// <summary>A complete meeting record about the given children, chaired at <paramref name="grade"/>.</summary>
    public static object CompleteMeeting(IReadOnlyList<Guid> children, DateTimeOffset heldAt, IReadOnlyList<Guid>? pathwayIds = null, string grade = "TeamManager") => new
    {
        youngPersonIds = children,
        pathwayIds = pathwayIds ?? [],
        heldAt,
        chair = new { name = "Dana Chair", role = "CSE team manager", grade },
        attendees = new object[]
        {
            new { name = "Sam Social", role = "Social worker", agency = "Children's social care" },
            new { name = "Pat Police", role = "Detective constable", agency = "South Yorkshire Police" },
            new { name = "Yas Youth", role = "Outreach worker", agency = "Risky Business" },
        },
        childViews = children.Select(c => new { youngPersonId = c, inOwnWords = "I just want them to leave me alone." }).ToArray(),
        familyView = "Mother is worried about the older men and the taxis.",
        decisions = new object[] { new { text = "Section 47 enquiries to continue jointly with the police." } },
        actions = new object[] { new { description = "Visit the child at school", owner = "sam-social", dueAt = heldAt.AddDays(3) } },
        noFurtherAction = false,
    };

    public static async Task<StrategyMeetingResponse> DraftAsync(this HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync("/api/referrals/strategy-meetings", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsync<StrategyMeetingResponse>();
    }

    public static Task<HttpResponseMessage> FinaliseAsync(this HttpClient client, Guid meetingId) =>
        client.PostAsync($"/api/referrals/strategy-meetings/{meetingId}/finalise", null);

    public static async Task<StrategyMeetingResponse> FinalisedMeetingAsync(this HttpClient client, object body)
    {
        var draft = await client.DraftAsync(body);
        using var response = await client.FinaliseAsync(draft.Id);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadAsync<StrategyMeetingResponse>();
    }

    /// <summary>Sets the young person's current risk level, as the risk assessment feature would (REF-28 reads it).</summary>
    public static async Task SetCurrentRiskAsync(this ReferralsFixture fixture, Guid youngPersonId, RiskLevel level)
    {
        await using var db = fixture.CreateDbContext();
        var rules = new RiskRuleResult(RiskRuleTable.Version, level, [], [RiskIndicator.InjuriesOnReturn], [], true);
        db.CurrentRiskLevels.Add(CurrentRiskLevel.First(youngPersonId, level, rules, Guid.NewGuid(), fixture.Clock.GetUtcNow()));
        await db.SaveChangesAsync();
    }

}
