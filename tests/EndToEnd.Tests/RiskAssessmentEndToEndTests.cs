using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Support.EndToEnd.Tests;

/// <summary>
/// REF-07, REF-08, REF-14, REF-15 through the gateway: an assessment of a 12-year-old with sexual activity shows the
/// suggested level, both legal flags and a prompt quoting the law; a lowered level waits for a team manager, whom a
/// social worker cannot stand in for; a commissioner cannot reach any of it.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class RiskAssessmentEndToEndTests(Platform platform)
{
    [Fact]
    public async Task An_assessment_shows_flags_and_a_prompt_and_only_a_manager_countersigns_a_lowered_level()
    {
        using var social = platform.Client("SocialWorker", "e2e-risk-sw");
        using var manager = platform.Client("TeamManager", "e2e-risk-tm");
        using var commissioner = platform.Client("Commissioner", "e2e-risk-comm");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        using var registered = await social.PostAsJsonAsync("/api/referrals/young-people", new
        {
            givenName = "Lena", familyName = "Assessed", dateOfBirth = today.AddYears(-12).AddDays(-30).ToString("yyyy-MM-dd"),
            gender = "Female", localArea = "Eastwood",
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var youngPersonId = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var assessments = $"/api/referrals/young-people/{youngPersonId}/risk-assessments";
        var body = new
        {
            eventDate = today.AddDays(-1).ToString("yyyy-MM-dd"), indicators = new[] { "AlcoholOrDrugsSupplied" }, sexualActivity = true,
            chosenLevel = "Medium", rationale = "She says he is her boyfriend.", notes = "Says it was consensual.",
        };

        Assert.Equal(HttpStatusCode.Forbidden, (await commissioner.PostAsJsonAsync(assessments, body)).StatusCode);
        using var recorded = await social.PostAsJsonAsync(assessments, body);

        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var assessment = await recorded.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("VeryHigh", assessment.GetProperty("suggestedLevel").GetString());
        Assert.Equal("Medium", assessment.GetProperty("chosenLevel").GetString());
        Assert.Equal("AwaitingCountersignature", assessment.GetProperty("status").GetString());
        Assert.Equal(["UnlawfulSexualActivityChildVictim", "Under13NoCapacityToConsent"],
            assessment.GetProperty("legalFlags").EnumerateArray().Select(f => f.GetString()));
        var prompt = Assert.Single(assessment.GetProperty("prompts").EnumerateArray());
        Assert.Contains("The age of consent is 16.", prompt.GetProperty("law").EnumerateArray().Select(l => l.GetString()));
        var assessmentId = assessment.GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.Forbidden, (await social.PostAsync($"{assessments}/{assessmentId}/countersign", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await commissioner.GetAsync(assessments)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await commissioner.GetAsync("/api/referrals/manager-tasks")).StatusCode);

        var tasks = await manager.GetFromJsonAsync<JsonElement>($"/api/referrals/manager-tasks?youngPersonId={youngPersonId}");
        Assert.Equal(2, tasks.GetArrayLength());
        using var signed = await manager.PostAsync($"{assessments}/{assessmentId}/countersign", null);
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        Assert.Equal("Countersigned", (await signed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }
}
