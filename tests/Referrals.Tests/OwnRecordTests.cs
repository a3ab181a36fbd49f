using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Support.Contracts.Referrals;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Tests;

/// <summary>
/// Issue 16 item 4 (REC-10): a young person signs in and asks for what is recorded about them themselves. Imray §4.1:
/// young people "were never shown what had been written about them". They reach only their own record, through the
/// sign-in a worker linked to it, and the answer is the released pack as redacted for third parties (REC-09).
/// </summary>
public sealed class OwnRecordTests(ReferralsFixture fixture) : IClassFixture<ReferralsFixture>
{
    private const string Sibling = "Tyler Brookside";

    private HttpClient Social() => fixture.Host.ClientFor(Roles.SocialWorker, "sw-own");
    private HttpClient Dpo() => fixture.Host.ClientFor(Roles.DataProtectionOfficer, "dpo-own");
    private HttpClient Herself(string subject, string role = Roles.YoungPerson) => fixture.Host.ClientFor(role, subject);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<Guid> LinkedChildAsync(string subject, string given)
    {
        using var social = Social();
        var child = (await social.RegisterAsync(YoungPersonRequests.Valid(given, "Ownrecord", "2008-02-02"))).Id;
        await social.AddNoteAsync(child, fixture.Clock.GetUtcNow().AddDays(-30), $"She said her brother {Sibling} was with the men in the car.");
        using var linked = await social.PostAsJsonAsync($"/api/referrals/young-people/{child}/sign-in-identities",
            new { subject, howVerified = "Met her at the office with her college ID; she chose the account with me." });
        Assert.Equal(HttpStatusCode.Created, linked.StatusCode);
        return child;
    }

    [Fact]
    public async Task A_young_person_signed_in_asks_for_her_record_and_reads_the_answer_only_as_redacted_for_third_parties()
    {
        var child = await LinkedChildAsync("yp-own-kayla", "Kayla");
        using var herself = Herself("yp-own-kayla");
        Assert.Empty((await JsonAsync(await herself.GetAsync("/api/referrals/me/subject-access-requests"))).EnumerateArray());

        var request = await JsonAsync(await herself.PostAsync("/api/referrals/me/subject-access-requests", null));
        var today = London.Today(fixture.Clock);
        Assert.Equal(("YoungPerson", today.ToString("yyyy-MM-dd"), child), (request.GetProperty("requester").GetString(),
            request.GetProperty("receivedOn").GetString(), request.GetProperty("youngPersonId").GetGuid()));
        Assert.Equal(Domain.Disclosure.SubjectAccessRequest.DueAfter(today, 1).ToString("yyyy-MM-dd"), request.GetProperty("dueOn").GetString());
        var requestId = request.GetProperty("id").GetGuid();
        var announced = Assert.Single(await fixture.OutboxAsync<SubjectAccessRequestReceived>(m => m.YoungPersonId == child));
        Assert.Equal("yp-own-kayla", announced.RecordedBy);
        // One open request at a time: asking again is answered with the one on its way.
        Assert.Equal(HttpStatusCode.Conflict, (await herself.PostAsync("/api/referrals/me/subject-access-requests", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await herself.GetAsync($"/api/referrals/me/subject-access-requests/{requestId}/pack")).StatusCode);

        // The data protection officer releases a pack with her brother's name withheld.
        using var dpo = Dpo();
        var packId = (await JsonAsync(await dpo.PostAsJsonAsync($"/api/referrals/young-people/{child}/disclosure-packs",
            new { purpose = "SubjectAccess", recipient = "Kayla herself" }))).GetProperty("id").GetGuid();
        await fixture.CompletePackAsync(packId, child);
        await JsonAsync(await dpo.PostAsJsonAsync($"/api/referrals/disclosure-packs/{packId}/redactions",
            new { text = Sibling, reason = "Third party: her brother's identity", recipient = "Kayla herself" }));
        await JsonAsync(await dpo.PostAsJsonAsync($"/api/referrals/subject-access-requests/{requestId}/answer", new { packId, thirdPartiesReviewed = true }));

        using var pack = await herself.GetAsync($"/api/referrals/me/subject-access-requests/{requestId}/pack");
        Assert.Equal(HttpStatusCode.OK, pack.StatusCode);
        var text = await pack.Content.ReadAsStringAsync();
        Assert.DoesNotContain(Sibling, text, StringComparison.OrdinalIgnoreCase); // scanned whole: no view of the original
        Assert.Contains("with the men in the car", text, StringComparison.Ordinal);
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal("redacted", body.GetProperty("view").GetString());
        Assert.All(body.GetProperty("items").EnumerateArray(), i => Assert.Equal(JsonValueKind.Null, i.GetProperty("original").ValueKind));
        var answered = Assert.Single((await JsonAsync(await herself.GetAsync("/api/referrals/me/subject-access-requests"))).EnumerateArray());
        Assert.Equal(packId, answered.GetProperty("answeredWithPackId").GetGuid());
    }

    [Fact]
    public async Task A_sign_in_reaches_only_the_record_it_is_linked_to_and_nothing_once_the_link_has_ended()
    {
        var first = await LinkedChildAsync("yp-own-first", "First");
        await LinkedChildAsync("yp-own-second", "Second");
        using (var firstHerself = Herself("yp-own-first"))
        {
            await JsonAsync(await firstHerself.PostAsync("/api/referrals/me/subject-access-requests", null));
        }
        Guid firstRequest;
        using (var firstHerself = Herself("yp-own-first"))
        {
            firstRequest = (await JsonAsync(await firstHerself.GetAsync("/api/referrals/me/subject-access-requests"))).EnumerateArray().Single()
                .GetProperty("id").GetGuid();
        }

        // Someone else's sign-in sees only their own (none), and not the first one's request by its id.
        using var second = Herself("yp-own-second", Roles.Survivor);
        Assert.Empty((await JsonAsync(await second.GetAsync("/api/referrals/me/subject-access-requests"))).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await second.GetAsync($"/api/referrals/me/subject-access-requests/{firstRequest}/pack")).StatusCode);
        var own = await JsonAsync(await second.PostAsync("/api/referrals/me/subject-access-requests", null));
        Assert.Equal("AdultSurvivor", own.GetProperty("requester").GetString());

        // A sign-in nobody linked is told so, and nothing is recorded.
        using var stranger = Herself("yp-own-stranger");
        using (var unlinked = await stranger.PostAsync("/api/referrals/me/subject-access-requests", null))
        {
            Assert.Equal(HttpStatusCode.NotFound, unlinked.StatusCode);
            Assert.Contains("not linked", await unlinked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        // The young person's roles reach nothing else; staff do not reach "me".
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"/api/referrals/young-people/{first}")).StatusCode);
        using (var social = Social())
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await social.GetAsync("/api/referrals/me/subject-access-requests")).StatusCode);
            // One record per sign-in.
            using var again = await social.PostAsJsonAsync($"/api/referrals/young-people/{first}/sign-in-identities",
                new { subject = "yp-own-second", howVerified = "Says it is her." });
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
            using var missing = await social.PostAsJsonAsync($"/api/referrals/young-people/{first}/sign-in-identities", new { subject = "x" });
            Assert.Equal(["howVerified"], await missing.ErrorFieldsAsync());

            // Ended (a shared phone), the sign-in reaches nothing; the link stays on record.
            var link = (await JsonAsync(await social.GetAsync($"/api/referrals/young-people/{first}/sign-in-identities"))).EnumerateArray().Single();
            using var ended = await social.PostAsJsonAsync($"/api/referrals/young-people/{first}/sign-in-identities/{link.GetProperty("id").GetGuid()}/end",
                new { reason = "Her phone is shared with her boyfriend." });
            Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
            var after = (await JsonAsync(await social.GetAsync($"/api/referrals/young-people/{first}/sign-in-identities"))).EnumerateArray().Single();
            Assert.False(after.GetProperty("active").GetBoolean());
        }
        using var endedHerself = Herself("yp-own-first");
        Assert.Equal(HttpStatusCode.NotFound, (await endedHerself.GetAsync("/api/referrals/me/subject-access-requests")).StatusCode);
    }
}
