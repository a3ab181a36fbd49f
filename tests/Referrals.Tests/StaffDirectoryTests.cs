using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Support.Referrals.Features.Staff;
using Support.Referrals.Features.StrategyMeetings;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Tests;

/// <summary>
/// COM-10: "The former Chief Executive was still named as the person responsible for a number of actions despite the
/// fact that he had already left the Council" (Casey, L1745). An action's owner is an active member of staff;
/// deactivating someone is refused until their open actions are reassigned.
/// </summary>
public sealed class StaffDirectoryTests(ReferralsFixture fixture) : IClassFixture<ReferralsFixture>
{
    private HttpClient Manager() => fixture.Host.ClientFor(Roles.TeamManager, "tm-staff");
    private HttpClient Worker() => fixture.Host.ClientFor(Roles.SocialWorker, "sw-staff");

    private async Task<string> RegisterAsync(string name)
    {
        var userId = $"{name.ToLowerInvariant().Replace(' ', '-')}-{Guid.NewGuid():N}"[..30];
        using var manager = Manager();
        using var registered = await manager.PostAsJsonAsync("/api/referrals/staff", new { userId, displayName = name, role = "SocialWorker", organisation = "Children's social care" });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        return userId;
    }

    private async Task<HttpResponseMessage> FinaliseWithOwnerAsync(string owner)
    {
        using var worker = Worker();
        var child = await worker.RegisteredChildAsync();
        var body = JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(StrategyRequests.CompleteMeeting([child], fixture.Clock.GetUtcNow().AddMinutes(-30))))!;
        body["actions"] = new object[] { new { description = "Visit her at school", owner, dueAt = fixture.Clock.GetUtcNow().AddDays(3) } };
        var draft = await worker.DraftAsync(body);
        return await worker.PostAsync($"/api/referrals/strategy-meetings/{draft.Id}/finalise", null);
    }

    [Fact]
    public async Task Only_managers_register_staff_once_each_and_case_staff_see_who_is_active()
    {
        var userId = await RegisterAsync("Alex Active");
        using var manager = Manager();
        using (var again = await manager.PostAsJsonAsync("/api/referrals/staff", new { userId, displayName = "Alex", role = "SocialWorker", organisation = "x" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }
        using (var badRole = await manager.PostAsJsonAsync("/api/referrals/staff", new { userId = "x-1", displayName = "X", role = "Janitor", organisation = "x" }))
        {
            Assert.Equal(["role"], await badRole.ErrorFieldsAsync());
        }
        using var worker = Worker();
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PostAsJsonAsync("/api/referrals/staff", new { userId = "x-2", displayName = "X", role = "SocialWorker", organisation = "x" })).StatusCode);
        var active = (await worker.GetFromJsonAsync<List<StaffMemberResponse>>("/api/referrals/staff", CaseRequests.Json))!;
        Assert.Contains(active, s => s.UserId == userId && s.Active && s.DisplayName == "Alex Active");
    }

    [Fact]
    public async Task A_meeting_cannot_be_finalised_with_an_action_owned_by_someone_who_is_not_active_staff()
    {
        using (var unknown = await FinaliseWithOwnerAsync("the-former-chief-executive"))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
            Assert.Equal(["actions[0].owner"], await unknown.ErrorFieldsAsync());
        }
        var leaver = await RegisterAsync("Lee Leaver");
        using (var manager = Manager())
        {
            (await manager.PostAsJsonAsync($"/api/referrals/staff/{leaver}/deactivation", new { reason = "Left the council on 30 November." })).EnsureSuccessStatusCode();
        }
        using (var deactivated = await FinaliseWithOwnerAsync(leaver))
        {
            Assert.Equal(["actions[0].owner"], await deactivated.ErrorFieldsAsync());
        }
        using var active = await FinaliseWithOwnerAsync(await RegisterAsync("Ana Active"));
        Assert.Equal(HttpStatusCode.OK, active.StatusCode);
    }

    [Fact]
    public async Task Deactivation_is_refused_while_someone_owns_open_actions_and_allowed_once_they_are_reassigned()
    {
        var leaving = await RegisterAsync("Lou Leaving");
        var taking = await RegisterAsync("Tam Taking");
        var finalised = await (await FinaliseWithOwnerAsync(leaving)).ReadAsync<StrategyMeetingResponse>();
        var action = Assert.Single(finalised.Actions);
        using var manager = Manager();

        using (var refused = await manager.PostAsJsonAsync($"/api/referrals/staff/{leaving}/deactivation", new { reason = "Leaving on Friday." }))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            var open = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("openActions");
            Assert.Equal([action.Id], open.EnumerateArray().Select(a => a.GetProperty("actionId").GetGuid()));
        }
        using (var noReason = await manager.PostAsJsonAsync($"/api/referrals/staff/{leaving}/deactivation", new { reason = "" }))
        {
            Assert.Equal(["reason"], await noReason.ErrorFieldsAsync());
        }

        // Reassignment: managers only, to active staff only, with a reason; the agreed owner stays on the action.
        var url = $"/api/referrals/strategy-actions/{action.Id}/reassignments";
        using (var worker = Worker())
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await worker.PostAsJsonAsync(url, new { owner = taking, reason = "Handover" })).StatusCode);
        }
        using (var toNobody = await manager.PostAsJsonAsync(url, new { owner = "nobody-here", reason = "Handover" }))
        {
            Assert.Equal(["owner"], await toNobody.ErrorFieldsAsync());
        }
        using (var toSame = await manager.PostAsJsonAsync(url, new { owner = leaving, reason = "Handover" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, toSame.StatusCode);
        }
        using (var handedOver = await manager.PostAsJsonAsync(url, new { owner = taking, reason = "Lou leaves on Friday; Tam knows the family." }))
        {
            Assert.Equal(HttpStatusCode.Created, handedOver.StatusCode);
            var moved = await handedOver.ReadAsync<StrategyActionResponse>();
            Assert.Equal((taking, leaving, 1), (moved.Owner, moved.OriginalOwner, moved.Reassignments));
        }
        using (var deactivated = await manager.PostAsJsonAsync($"/api/referrals/staff/{leaving}/deactivation", new { reason = "Left the council." }))
        {
            Assert.Equal(HttpStatusCode.OK, deactivated.StatusCode);
            var member = await deactivated.ReadAsync<StaffMemberResponse>();
            Assert.Equal((false, "Left the council.", "tm-staff"), (member.Active, member.DeactivationReason, member.DeactivatedBy));
        }
        using (var twice = await manager.PostAsJsonAsync($"/api/referrals/staff/{leaving}/deactivation", new { reason = "Again." }))
        {
            Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        }
        // The new owner now blocks their own deactivation; the list of everyone still shows the leaver, inactive.
        using (var blocked = await manager.PostAsJsonAsync($"/api/referrals/staff/{taking}/deactivation", new { reason = "Leaving too." }))
        {
            Assert.Equal(HttpStatusCode.Conflict, blocked.StatusCode);
        }
        var everyone = (await manager.GetFromJsonAsync<List<StaffMemberResponse>>("/api/referrals/staff?status=all", CaseRequests.Json))!;
        Assert.False(everyone.Single(s => s.UserId == leaving).Active);
        var active = (await manager.GetFromJsonAsync<List<StaffMemberResponse>>("/api/referrals/staff", CaseRequests.Json))!;
        Assert.DoesNotContain(active, s => s.UserId == leaving);
        var listed = (await manager.GetFromJsonAsync<List<StrategyActionResponse>>($"/api/referrals/strategy-actions?youngPersonId={action.YoungPersonId}", CaseRequests.Json))!;
        Assert.Equal(taking, Assert.Single(listed).Owner);
    }
}
