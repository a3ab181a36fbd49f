using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Support.Testing;

namespace Support.EndToEnd.Tests;

/// <summary>
/// REC-11 with REF-21 through the gateway over the real bus: a refusal to share is recorded with its reason, a police
/// liaison officer escalates it, the escalation waits on the senior manager's open list with its age, whoever refused
/// cannot answer it, a senior manager's written response closes it, the lodger sees the answer, and the refusal, the
/// escalation and the answer all reach the young person's chronology, signed.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class EscalationEndToEndTests(Platform platform)
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task A_refusal_to_share_escalated_by_the_police_is_answered_above_the_refuser_and_every_step_is_on_the_chronology()
    {
        using var social = platform.Client("SocialWorker", "e2e-sw-escalation");
        using var refuser = platform.Client("TeamManager", "e2e-tm-refuser");
        using var police = platform.Client("PoliceLiaison", "e2e-police-escalation");
        using var senior = platform.Client("SeniorManager", "e2e-sm-escalation");
        using var created = await social.PostAsJsonAsync("/api/referrals/young-people", new
        {
            givenName = "Escalated", familyName = "Share" + Guid.NewGuid().ToString("N")[..6], dateOfBirth = "2010-03-03", gender = "Female", localArea = "Eastwood",
        });
        var child = (await JsonAsync(created, HttpStatusCode.Created)).GetProperty("id").GetGuid();

        using var refused = await refuser.PostAsJsonAsync($"/api/referrals/young-people/{child}/share-refusals",
            new { requestedBy = "South Yorkshire Police CSE team", informationRequested = "Missing-episode history", reason = "Data protection" });
        var refusalId = (await JsonAsync(refused, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        using var escalated = await police.PostAsJsonAsync($"/api/referrals/young-people/{child}/share-refusals/{refusalId}/escalations",
            new { concern = "Safeguarding takes priority over confidentiality; the protocol covers this share." });
        var escalationId = (await JsonAsync(escalated, HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var open = await senior.GetFromJsonAsync<JsonElement>($"/api/referrals/escalations?youngPersonId={child}");
        var listed = Assert.Single(open.EnumerateArray());
        Assert.Equal((escalationId, 0, "SeniorManager"), (listed.GetProperty("id").GetGuid(), listed.GetProperty("ageInDays").GetInt32(), listed.GetProperty("reviewerRole").GetString()));
        using (var byRefuser = await refuser.PostAsJsonAsync($"/api/referrals/escalations/{escalationId}/response",
            new { outcome = "DecisionUpheld", response = "I stand by it." }))
        {
            Assert.Equal(HttpStatusCode.Conflict, byRefuser.StatusCode);
        }
        using var answered = await senior.PostAsJsonAsync($"/api/referrals/escalations/{escalationId}/response",
            new { outcome = "DecisionChanged", response = "Share the missing-episode history today under the protocol." });
        Assert.False((await JsonAsync(answered, HttpStatusCode.OK)).GetProperty("open").GetBoolean());

        var mine = await police.GetFromJsonAsync<JsonElement>("/api/referrals/escalations/mine");
        var own = mine.EnumerateArray().Single(e => e.GetProperty("id").GetGuid() == escalationId);
        Assert.Equal("DecisionChanged", own.GetProperty("response").GetProperty("outcome").GetString());

        var expected = new Dictionary<string, string>
        {
            ["InformationShareRefused"] = "e2e-tm-refuser",
            ["ProfessionalEscalationLodged"] = "e2e-police-escalation",
            ["ProfessionalEscalationAnswered"] = "e2e-sm-escalation",
        };
        var entries = await Eventually.GetAsync(async () =>
        {
            var chronology = await social.GetFromJsonAsync<JsonElement>($"/api/referrals/young-people/{child}/chronology");
            var found = chronology.GetProperty("entries").EnumerateArray()
                .Where(e => expected.ContainsKey(e.GetProperty("kind").GetString()!))
                .ToDictionary(e => e.GetProperty("kind").GetString()!, e => e.GetProperty("authorId").GetString()!);
            return found.Count == expected.Count ? found : null;
        }, TimeSpan.FromSeconds(30), "the refusal, the escalation and its answer to reach the chronology");
        Assert.Equal(expected.OrderBy(p => p.Key), entries.OrderBy(p => p.Key));
    }
}
