using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Support.Testing;

namespace Support.EndToEnd.Tests;

/// <summary>
/// REF-17 and LC-01 through the gateway over the real bus: an s47 enquiry opens an assessment that a social worker
/// writes and signs and a manager signs off; it reaches the chronology and its unmet need reaches the one ledger in
/// Therapy. A looked-after 17-year-old's placement reaches the leaving-care handover pack.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class AssessmentEndToEndTests(Platform platform)
{
    private static async Task<Guid> RegisterAsync(HttpClient social, DateOnly born)
    {
        using var registered = await social.PostAsJsonAsync("/api/referrals/young-people", new
        {
            givenName = "Nia", familyName = "Assessed" + Guid.NewGuid().ToString("N")[..6], dateOfBirth = born.ToString("yyyy-MM-dd"),
            gender = "Female", localArea = "Eastwood",
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        return (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task An_s47_assessment_signed_and_signed_off_reaches_the_chronology_and_its_unmet_need_reaches_the_ledger()
    {
        using var social = platform.Client("SocialWorker", "e2e-assess-sw");
        using var manager = platform.Client("TeamManager", "e2e-assess-tm");
        using var auditor = platform.Client("Auditor", "e2e-assess-auditor");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var child = await RegisterAsync(social, today.AddYears(-14));
        var category = "E2eAssessed" + Guid.NewGuid().ToString("N")[..8];

        using var pathway = await social.PostAsJsonAsync("/api/referrals/s47-pathways", new { youngPersonId = child });
        Assert.Equal(HttpStatusCode.Created, pathway.StatusCode);
        var pathwayId = (await pathway.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await social.PostAsJsonAsync($"/api/referrals/s47-pathways/{pathwayId}/transitions", new { toStage = "EnquiriesCommenced" })).EnsureSuccessStatusCode();
        var assessments = await social.GetFromJsonAsync<JsonElement>($"/api/referrals/assessments?youngPersonId={child}");
        var id = assessments.EnumerateArray().Single().GetProperty("id").GetGuid();

        object[] sections =
        [
            new { section = "ChildsAccount", account = "Says the man at the garage is her boyfriend.", feelings = "Frightened and ashamed.", seenAloneOn = today.ToString("yyyy-MM-dd") },
            new { section = "Impact", shortTermImpact = "Not sleeping; missing school.", longTermImpact = "Entrenched exploitation without help." },
            new { section = "Analysis", whatHappened = "Groomed through gifts and lifts.", why = "Isolated after moving school.", consequences = "Very high risk of further abuse." },
            new
            {
                section = "NeedsAndPlan", plan = "Disruption with police; weekly visits; specialist counselling.",
                needs = new[] { new { description = "Specialist CSE counselling", category, response = "UnmetNeed", unmetNeedReason = "Waitlisted" } },
            },
        ];
        foreach (var section in sections)
        {
            using var written = await social.PostAsJsonAsync($"/api/referrals/assessments/{id}/sections", section);
            Assert.Equal(HttpStatusCode.Created, written.StatusCode);
        }
        using (var signed = await social.PostAsync($"/api/referrals/assessments/{id}/signature", null))
        {
            Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        }
        using (var signedOff = await manager.PostAsync($"/api/referrals/assessments/{id}/sign-off", null))
        {
            Assert.Equal(HttpStatusCode.OK, signedOff.StatusCode);
        }

        await Eventually.TrueAsync(async () =>
        {
            var chronology = await social.GetFromJsonAsync<JsonElement>($"/api/referrals/young-people/{child}/chronology");
            var kinds = chronology.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
            return kinds.Contains("AssessmentOpened") && kinds.Contains("AssessmentCompleted") && kinds.Contains("UnmetNeedRecorded");
        }, TimeSpan.FromSeconds(30), "the assessment's opening, completion and unmet need to reach the chronology");
        await Eventually.TrueAsync(async () =>
        {
            var exact = await auditor.GetFromJsonAsync<JsonElement>("/api/therapy/reports/unmet-need");
            var table = exact.GetProperty("tables").EnumerateArray().First(t => t.GetProperty("name").GetString() == "byCategoryAndReason");
            var column = table.GetProperty("columnLabels").EnumerateArray().Select(c => c.GetString()).ToList().IndexOf("Waitlisted");
            return column >= 0 && table.GetProperty("body").EnumerateArray()
                .Any(r => r.GetProperty("label").GetString() == category && r.GetProperty("cells")[column] is { ValueKind: JsonValueKind.Number } n && n.GetInt32() == 1);
        }, TimeSpan.FromSeconds(30), "the assessment's unmet need to reach Therapy's ledger");
    }

    [Fact]
    public async Task A_looked_after_seventeen_year_olds_placement_reaches_the_leaving_care_handover_pack()
    {
        using var social = platform.Client("SocialWorker", "e2e-assess-sw");
        using var manager = platform.Client("TeamManager", "e2e-assess-tm");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var child = await RegisterAsync(social, today.AddMonths(-2).AddYears(-17));
        var setting = $"E2E Ashworth carers {Guid.NewGuid():N}";
        using var placed = await social.PostAsJsonAsync("/api/referrals/placements", new
        {
            youngPersonId = child, type = "SpecialistFosterCare", reason = "ProtectionFromHarm", setting, startedOn = today.ToString("yyyy-MM-dd"),
            rationale = "Specialist carers away from the group.",
        });
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);

        var labels = await Eventually.GetAsync(async () =>
        {
            using var response = await manager.GetAsync($"/api/leavingcare/young-people/{child}/leaving-care");
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }
            var record = await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
            var items = record.GetProperty("pack").GetProperty("placements").EnumerateArray().Select(i => i.GetProperty("label").GetString()!).ToList();
            return items.Count > 0 ? items : null;
        }, TimeSpan.FromSeconds(30), "the placement to reach the handover pack");
        Assert.Equal([$"SpecialistFosterCare at {setting} from {today:yyyy-MM-dd} (ProtectionFromHarm)"], labels);
    }
}
