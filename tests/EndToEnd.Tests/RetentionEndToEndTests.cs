using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Support.Testing;

namespace Support.EndToEnd.Tests;

/// <summary>
/// REC-04 and <c>RecordRetention</c>, through the gateway over the real bus: a young person whose 31st birthday (25 + 6
/// years) is today, known to every service and with a missing episode on record, is removed everywhere by one pass of
/// the retention job that a data protection officer starts; the tombstone Referrals keeps lists each service's answer
/// and what it removed. A second young person the same age under a legal hold keeps everything.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class RetentionEndToEndTests(Platform platform)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private static readonly string[] Services = ["leavingcare", "missing", "outreach", "referrals", "supportline", "therapy"];

    [Fact]
    public async Task One_retention_pass_removes_a_young_persons_records_from_every_service_and_the_tombstone_shows_each_answer()
    {
        using var social = platform.Client("SocialWorker", "e2e-retention-sw");
        using var officer = platform.Client("DataProtectionOfficer", "e2e-retention-dpo");
        var thirtyFirst = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Europe/London")).AddYears(-31);
        var family = "Retention" + Guid.NewGuid().ToString("N")[..6];
        async Task<Guid> RegisterAsync(string given)
        {
            using var registered = await social.PostAsJsonAsync("/api/referrals/young-people", new
            {
                givenName = given, familyName = family, dateOfBirth = thirtyFirst.ToString("yyyy-MM-dd"), gender = "Female", localArea = "Eastwood",
            });
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
            return (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }
        var gone = await RegisterAsync("Gone");
        var held = await RegisterAsync("Held");
        foreach (var service in Services.Where(s => s != "referrals"))
        {
            await Eventually.TrueAsync(async () => (await social.GetAsync($"/api/{service}/young-people/{gone}")).StatusCode == HttpStatusCode.OK
                && (await social.GetAsync($"/api/{service}/young-people/{held}")).StatusCode == HttpStatusCode.OK,
                Wait, $"{service} to know both young people");
        }
        var episodes = new Dictionary<Guid, Guid>();
        foreach (var child in new[] { gone, held })
        {
            using var reported = await social.PostAsJsonAsync("/api/missing/episodes", new
            {
                youngPersonId = child, missingFrom = "Home", lastSeenAt = DateTimeOffset.UtcNow.AddHours(-6), lastSeenLocation = "Bus station",
                believedWith = "Two older men in a silver car", reportedBy = "Her partner", circumstances = "Did not come home from work",
            });
            Assert.Equal(HttpStatusCode.Created, reported.StatusCode);
            episodes[child] = (await reported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }
        using (var hold = await officer.PostAsJsonAsync($"/api/referrals/young-people/{held}/legal-holds", new { reason = "Police investigation: Operation Clifton." }))
        {
            Assert.Equal(HttpStatusCode.Created, hold.StatusCode);
        }

        using (var run = await officer.PostAsync("/api/referrals/retention/runs", null))
        {
            Assert.Equal(HttpStatusCode.OK, run.StatusCode);
            Assert.True((await run.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("erased").GetInt32() >= 1);
        }

        // Every service answers under the tombstone; Missing says it removed her episode.
        var tombstone = default(JsonElement);
        await Eventually.TrueAsync(async () =>
        {
            var list = await officer.GetFromJsonAsync<JsonElement>($"/api/referrals/retention/tombstones?youngPersonId={gone}");
            tombstone = list.EnumerateArray().SingleOrDefault();
            return tombstone.ValueKind == JsonValueKind.Object
                && tombstone.GetProperty("services").EnumerateArray().Select(s => s.GetString()).Order().SequenceEqual(Services);
        }, Wait, "every service to answer the tombstone");
        Assert.Equal("Other", tombstone.GetProperty("rule").GetString());
        Assert.Equal(thirtyFirst.AddYears(31).AddDays(-1).ToString("yyyy-MM-dd"), tombstone.GetProperty("retainUntil").GetString()); // yesterday: the day before the 31st birthday
        var removed = tombstone.GetProperty("removed").EnumerateArray()
            .ToDictionary(r => $"{r.GetProperty("service").GetString()}/{r.GetProperty("table").GetString()}", r => r.GetProperty("rows").GetInt32());
        Assert.Equal(1, removed["missing/missing.episodes"]);
        Assert.Equal(1, removed["missing/missing.young_people"]);
        Assert.Equal(1, removed["referrals/referrals.young_people"]);

        // Gone from every service; the young person under the hold is still everywhere, episode and all.
        Assert.Equal(HttpStatusCode.NotFound, (await social.GetAsync($"/api/referrals/young-people/{gone}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await social.GetAsync($"/api/missing/episodes/{episodes[gone]}")).StatusCode);
        foreach (var service in Services.Where(s => s != "referrals"))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await social.GetAsync($"/api/{service}/young-people/{gone}")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await social.GetAsync($"/api/{service}/young-people/{held}")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await social.GetAsync($"/api/referrals/young-people/{held}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await social.GetAsync($"/api/missing/episodes/{episodes[held]}")).StatusCode);
        Assert.Empty((await officer.GetFromJsonAsync<JsonElement>($"/api/referrals/retention/tombstones?youngPersonId={held}")).EnumerateArray());
    }
}
