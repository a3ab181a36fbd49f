using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Support.EndToEnd.Tests;
using Support.Testing;

namespace Support.Web.Tests;

/// <summary>
/// <c>tools/seed</c>, which <c>tools/run</c> runs, fills every journey through the public APIs: run against the test
/// platform's gateway, each role then finds something real on its first screen (the demo carer a child placed with
/// them and her must-not-have-contact list, the demo senior manager a matching assessment to decide), and a second run
/// adds nothing.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class DemoSeedTests(Platform platform)
{
    private async Task<(int ExitCode, string Output)> SeedAsync()
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(TestEnvironment.RepositoryRoot, "tools", "seed"), platform.Gateway.ToString().TrimEnd('/')])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.Environment["SEED_SMS_AUTH_TOKEN"] = Platform.TwilioAuthToken;
        start.Environment["SEED_SMS_INBOUND_URL"] = platform.SmsInboundUrl;
        start.Environment["SEED_SMS_ACCOUNT_SID"] = Platform.TwilioAccountSid;
        start.Environment["SEED_SMS_TO"] = Platform.SupportLineNumber;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    [Fact]
    public async Task The_demo_seed_gives_every_journey_something_to_show_and_a_second_run_adds_nothing()
    {
        var (exitCode, output) = await SeedAsync();
        Assert.True(exitCode == 0, output);

        using var manager = platform.Client("TeamManager", "demo-teammanager");
        var dueToday = await manager.GetFromJsonAsync<JsonElement>("/api/referrals/strategy-actions?dueToday=true");
        Assert.Contains(dueToday.EnumerateArray(), a => a.GetProperty("description").GetString() == "Visit Harley at school with the police");
        var overdue = await manager.GetFromJsonAsync<JsonElement>("/api/referrals/strategy-actions?overdue=true");
        Assert.Contains(overdue.EnumerateArray(), a => a.GetProperty("description").GetString() == "Ask the taxi firm for its booking records");

        using var adviser = platform.Client("PersonalAdviser", "demo-adviser");
        await Eventually.TrueAsync(async () =>
            (await adviser.GetFromJsonAsync<JsonElement>("/api/leavingcare/alerts?kind=Handover")).EnumerateArray()
                .Any(a => a.GetProperty("displayName").GetString() == "Grace Demo"),
            TimeSpan.FromSeconds(30), "the handover alert for Grace Demo");

        using var outreach = platform.Client("OutreachWorker", "demo-outreach");
        var aliases = await outreach.GetFromJsonAsync<JsonElement>("/api/outreach/my/aliases");
        Assert.True(aliases.EnumerateArray().Count(a => a.GetProperty("name").GetString()!.StartsWith("Demo ", StringComparison.Ordinal)) >= 7);

        using var commissioner = platform.Client("Commissioner", "demo-commissioner");
        var hotspots = await commissioner.GetFromJsonAsync<JsonElement>("/api/outreach/reports/hotspots");
        var park = hotspots.GetProperty("locations").EnumerateArray().Single(l => l.GetProperty("name").GetString() == "Demo: Clifton Park gates");
        Assert.Equal(53.4296m, park.GetProperty("latitude").GetDecimal());

        using var duty = platform.Client("SupportLineOperator", "demo-duty");
        await Eventually.TrueAsync(async () =>
            (await duty.GetFromJsonAsync<JsonElement>("/api/supportline/conversations")).EnumerateArray()
                .Any(c => c.GetProperty("urgency").GetString() == "ImmediateDanger" && c.GetProperty("phoneEnding").GetString()!.EndsWith("102", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(20), "the seeded danger text in the duty inbox");

        using var carer = platform.Client("Carer", "demo-carer");
        var placed = (await carer.GetFromJsonAsync<JsonElement>("/api/referrals/placements/mine")).EnumerateArray()
            .Single(p => p.GetProperty("setting").GetString() == "Demo foster home, Wath");
        var bethany = placed.GetProperty("youngPersonId").GetGuid();
        var barred = await carer.GetFromJsonAsync<JsonElement>($"/api/referrals/young-people/{bethany}/barred-persons");
        Assert.Contains(barred.EnumerateArray(), b => b.GetProperty("name").GetString() == "Demo Lee Mason");

        // The demo young person's own sign-in reaches Demo Bethany's record (REC-10): her requests list answers.
        using var herself = platform.Client("YoungPerson", "demo-youngperson");
        using (var mine = await herself.GetAsync("/api/referrals/me/subject-access-requests"))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, mine.StatusCode);
        }

        using var senior = platform.Client("SeniorManager", "demo-seniormanager");
        const string home = "Demo children's home, Kimberworth";
        var waiting = (await senior.GetFromJsonAsync<JsonElement>("/api/referrals/placements/matching-assessments")).EnumerateArray()
            .Single(a => a.GetProperty("setting").GetString() == home);
        Assert.Equal(1, waiting.GetProperty("flagsConsidered").GetInt32());
        const string overdose = "Admitted to A&E after taking tablets; said the men had told her she owed them (demo).";
        Assert.Single((await senior.GetFromJsonAsync<JsonElement>("/api/referrals/critical-incidents")).EnumerateArray(),
            i => i.GetProperty("summary").GetString() == overdose && i.GetProperty("acknowledgement").ValueKind == JsonValueKind.Null);
        using var auditor = platform.Client("Auditor", "demo-auditor");
        Assert.Single((await auditor.GetFromJsonAsync<JsonElement>("/api/referrals/subject-access-requests")).EnumerateArray(),
            r => r.GetProperty("howReceived").GetString() == "Asked her social worker at a visit (demo)" && r.GetProperty("open").GetBoolean());
        using var dutyManager = platform.Client("TeamManager", "demo-teammanager");
        Assert.Contains((await dutyManager.GetFromJsonAsync<JsonElement>("/api/supportline/worker-phones")).EnumerateArray(),
            p => p.GetProperty("workerUserId").GetString() == "demo-duty");

        var again = await SeedAsync();
        Assert.True(again.ExitCode == 0, again.Output);
        Assert.Contains("already there", again.Output, StringComparison.Ordinal);
        var actions = await manager.GetFromJsonAsync<JsonElement>("/api/referrals/strategy-actions?dueToday=true");
        Assert.Single(actions.EnumerateArray(), a => a.GetProperty("description").GetString() == "Visit Harley at school with the police");
        var placedAgain = (await carer.GetFromJsonAsync<JsonElement>("/api/referrals/placements/mine")).EnumerateArray()
            .Single(p => p.GetProperty("setting").GetString() == "Demo foster home, Wath");
        Assert.Equal(placed.GetProperty("placementId").GetGuid(), placedAgain.GetProperty("placementId").GetGuid());
        Assert.Equal(2, (await carer.GetFromJsonAsync<JsonElement>($"/api/referrals/young-people/{bethany}/barred-persons")).GetArrayLength());
        using var social = platform.Client("SocialWorker", "demo-socialworker");
        Assert.Single((await social.GetFromJsonAsync<JsonElement>($"/api/referrals/young-people/{bethany}/sign-in-identities")).EnumerateArray(),
            i => i.GetProperty("subject").GetString() == "demo-youngperson" && i.GetProperty("active").GetBoolean());
        Assert.Equal(waiting.GetProperty("id").GetGuid(), (await senior.GetFromJsonAsync<JsonElement>("/api/referrals/placements/matching-assessments"))
            .EnumerateArray().Single(a => a.GetProperty("setting").GetString() == home).GetProperty("id").GetGuid());
        Assert.Single((await senior.GetFromJsonAsync<JsonElement>("/api/referrals/critical-incidents")).EnumerateArray(),
            i => i.GetProperty("summary").GetString() == overdose);
    }
}
