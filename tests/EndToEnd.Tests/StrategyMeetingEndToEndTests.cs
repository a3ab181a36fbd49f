using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Support.Contracts.Referrals;
using Support.Testing;

namespace Support.EndToEnd.Tests;

/// <summary>
/// REF-10, REF-11, REF-12, REF-13 through the gateway over the real bus: a front-door decision of S47Enquiry starts
/// the pathway exactly once; the strategy meeting cannot be skipped; two children sharing a vehicle need a senior chair;
/// the finalised meeting's decisions appear on each child's record.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class StrategyMeetingEndToEndTests(Platform platform)
{
    private static async Task<Guid> RegisterAsync(HttpClient client, string given)
    {
        using var registered = await client.PostAsJsonAsync("/api/referrals/young-people", new
        {
            givenName = given, familyName = "Strategy" + Guid.NewGuid().ToString("N")[..6], dateOfBirth = "2011-02-02", gender = "Female", localArea = "Eastwood",
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        return (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> PathwaysAsync(HttpClient client, Guid youngPersonId) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/referrals/s47-pathways?youngPersonId={youngPersonId}");

    /// <summary>COM-10: the action's owner is an active member of staff, registered once by a manager.</summary>
    private const string PoliceOwner = "e2e-strategy-police-liaison";

    private async Task RegisterOwnerAsync()
    {
        using var manager = platform.Client("TeamManager", "e2e-strategy-tm");
        using var registered = await manager.PostAsJsonAsync("/api/referrals/staff",
            new { userId = PoliceOwner, displayName = "Police liaison officer", role = "PoliceLiaison", organisation = "South Yorkshire Police" });
        Assert.True(registered.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"registering the owner: {registered.StatusCode}");
    }

    private static object Meeting(Guid[] children, Guid pathwayId, string grade) => new
    {
        youngPersonIds = children,
        pathwayIds = new[] { pathwayId },
        heldAt = DateTimeOffset.UtcNow.AddMinutes(-30),
        chair = new { name = "Chair Person", role = "Safeguarding chair", grade },
        attendees = new[]
        {
            new { name = "Social Worker", role = "Social worker", agency = "Children's social care" },
            new { name = "Youth Worker", role = "Outreach worker", agency = "Risky Business" },
        },
        childViews = children.Select(c => new { youngPersonId = c, notObtainedReason = "Did not want to talk today; worker to return." }).ToArray(),
        familyView = "Family want the car stopped.",
        decisions = new[] { new { text = "Joint enquiries; organised abuse procedures apply." } },
        actions = new[] { new { description = "Vehicle check with licensing", owner = PoliceOwner, dueAt = DateTimeOffset.UtcNow.AddDays(2) } },
    };

    [Fact]
    public async Task A_referral_decision_starts_one_pathway_and_a_senior_chaired_meeting_lets_the_investigation_start()
    {
        using var social = platform.Client("SocialWorker", "e2e-strategy-sw");
        var first = await RegisterAsync(social, "Amber");
        var second = await RegisterAsync(social, "Bea");

        var bus = await TestBus.StartAsync();
        try
        {
            var decision = new ReferralDecided
            {
                ReferralId = Guid.NewGuid(), YoungPersonId = first, Outcome = ReferralOutcome.S47Enquiry, DecidedLate = false,
                RecordedBy = "e2e-front-door", RecordedByRole = "TeamManager", OccurredAt = DateTimeOffset.UtcNow,
            };
            var messageId = Guid.NewGuid();
            var resent = Guid.NewGuid();
            await bus.PublishAsync(decision, messageId);
            await bus.PublishAsync(decision, messageId);
            await bus.PublishAsync(decision, resent);
            await Eventually.TrueAsync(async () => (await PathwaysAsync(social, first)).GetArrayLength() > 0, TimeSpan.FromSeconds(30), "the pathway to start");
            // The same decision re-sent under a new message id has been handled (the redelivery of the first id is
            // absorbed by the inbox's key and leaves nothing of its own to observe).
            await platform.WaitForConsumedAsync("referrals", "s47.start-pathway-on-referral-decided", messageId);
            await platform.WaitForConsumedAsync("referrals", "s47.start-pathway-on-referral-decided", resent);
        }
        finally
        {
            await bus.StopAsync();
        }
        var pathway = Assert.Single((await PathwaysAsync(social, first)).EnumerateArray());
        Assert.Equal("ReasonableCause", pathway.GetProperty("stage").GetString());
        var pathwayId = pathway.GetProperty("id").GetGuid();

        foreach (var stage in new[] { "EnquiriesCommenced", "StrategyMeetingHeld" })
        {
            (await social.PostAsJsonAsync($"/api/referrals/s47-pathways/{pathwayId}/transitions", new { toStage = stage })).EnsureSuccessStatusCode();
        }
        using (var skipped = await social.PostAsJsonAsync($"/api/referrals/s47-pathways/{pathwayId}/transitions", new { toStage = "InvestigationAssessment" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, skipped.StatusCode);
        }

        var plate = "E2E " + Random.Shared.Next(100, 999) + " XY";
        Assert.Equal(HttpStatusCode.Created, (await social.PostAsJsonAsync($"/api/referrals/young-people/{first}/links", new { kind = "Vehicle", value = plate })).StatusCode);
        using (var linked = await social.PostAsJsonAsync($"/api/referrals/young-people/{second}/links", new { kind = "Vehicle", value = plate.ToLowerInvariant() }))
        {
            var flags = (await linked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("flags");
            Assert.Equal("OrganisedOrMultipleAbuse", Assert.Single(flags.EnumerateArray()).GetString());
        }

        await RegisterOwnerAsync();
        using var drafted = await social.PostAsJsonAsync("/api/referrals/strategy-meetings", Meeting([first, second], pathwayId, "TeamManager"));
        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        var meetingId = (await drafted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using (var junior = await social.PostAsync($"/api/referrals/strategy-meetings/{meetingId}/finalise", null))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, junior.StatusCode);
            Assert.True((await junior.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("chair.grade", out _));
        }
        (await social.PutAsJsonAsync($"/api/referrals/strategy-meetings/{meetingId}", Meeting([first, second], pathwayId, "ServiceManager"))).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await social.PostAsync($"/api/referrals/strategy-meetings/{meetingId}/finalise", null)).StatusCode);

        using var investigating = await social.PostAsJsonAsync($"/api/referrals/s47-pathways/{pathwayId}/transitions", new { toStage = "InvestigationAssessment" });
        Assert.Equal(HttpStatusCode.OK, investigating.StatusCode);

        var onSecondRecord = await social.GetFromJsonAsync<JsonElement>($"/api/referrals/young-people/{second}/strategy-meetings");
        var meeting = Assert.Single(onSecondRecord.EnumerateArray());
        Assert.True(meeting.GetProperty("organisedOrMultipleAbuse").GetBoolean());
        Assert.Equal("Joint enquiries; organised abuse procedures apply.", Assert.Single(meeting.GetProperty("decisions").EnumerateArray()).GetString());

        using var commissioner = platform.Client("Commissioner", "e2e-commissioner");
        Assert.Equal(HttpStatusCode.Forbidden, (await commissioner.GetAsync($"/api/referrals/young-people/{second}/strategy-meetings")).StatusCode);
    }
}
