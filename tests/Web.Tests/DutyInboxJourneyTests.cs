using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Support.EndToEnd.Tests;
using Support.Testing.Twilio;

namespace Support.Web.Tests;

/// <summary>
/// The support-line duty worker's journey of issue 14: a text in immediate danger arrives through a signed Twilio
/// webhook, appears at the top of the polled inbox marked DANGER with its alert, is read, answered and assigned
/// (SL-02, SL-03). The inbox list never shows message text.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class DutyInboxJourneyTests(Platform platform, Chromium chromium) : IClassFixture<Chromium>
{
    private const string Duty = "demo-duty";
    private const string SmsPath = "/api/supportline/webhooks/twilio/sms";

    [Fact]
    public async Task A_duty_worker_sees_a_danger_text_arrive_first_in_the_inbox_then_reads_answers_and_assigns_it()
    {
        await using var browser = await chromium.NewSessionAsync(platform);
        var page = browser.Page;
        await browser.SignInAsync(Duty);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/support-line$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Support line: duty inbox" })).ToBeVisibleAsync();

        // The text arrives while the screen is open: polling brings it in without a reload.
        var texter = "+4477009" + Random.Shared.Next(10000, 99999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        const string words = "he says if i dont come out theyll shoot me";
        using (var twilio = TwilioClient(61))
        using (var response = await TextAsync(twilio, texter, words))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        var ending = texter[^3..];
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = $"number ending {ending}" });
        await Assertions.Expect(row).ToContainTextAsync("DANGER", new() { Timeout = 20_000 });
        // Danger first: the first conversation row is a danger one.
        await Assertions.Expect(page.Locator("table.inbox tbody tr").First).ToContainTextAsync("DANGER");
        await Assertions.Expect(page.GetByText("Immediate danger: duty worker").First).ToBeVisibleAsync();
        Assert.Equal(0, await page.GetByText(words).CountAsync());
        await browser.ScreenshotAsync("duty-worker-inbox");
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync());

        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByText(words)).ToBeVisibleAsync();
        // An empty reply is refused by the server, the message under the field.
        await page.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();
        await Assertions.Expect(page.Locator("#reply-body-error")).ToContainTextAsync("body");
        await page.GetByLabel("Reply").FillAsync("Are you safe to talk? If you are in danger now call 999.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Reply queued to send.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText($"Sent by {Duty}").First).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Assign to me" }).ClickAsync();
        await Assertions.Expect(page.GetByText($"with {Duty}")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("duty-worker-conversation");
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync());
        Assert.Empty(browser.ConsoleProblems);

        // What the screen showed is what the service stored.
        using var api = platform.Client("SupportLineOperator", "web-check-duty");
        var inbox = await api.GetFromJsonAsync<JsonElement>("/api/supportline/conversations");
        var stored = inbox.EnumerateArray().Single(c => c.GetProperty("phoneEnding").GetString()!.EndsWith(ending, StringComparison.Ordinal)
            && c.GetProperty("urgency").GetString() == "ImmediateDanger");
        Assert.Equal(Duty, stored.GetProperty("assignedTo").GetString());
        Assert.Equal(JsonValueKind.Null, stored.GetProperty("waitingSince").ValueKind);
    }

    [Fact]
    public async Task A_duty_worker_refers_a_parents_report_in_one_action_and_sees_it_on_the_conversation()
    {
        var parent = "+4477009" + Random.Shared.Next(10000, 99999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        using (var manager = platform.Client("TeamManager", "web-parent-manager"))
        using (var registered = await manager.PostAsJsonAsync("/api/supportline/carer-phones", new { phone = parent }))
        {
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        }
        const string words = "my daughter is 13 and a man in a taxi keeps giving her vodka after school";
        using (var twilio = TwilioClient(62))
        using (var response = await TextAsync(twilio, parent, words))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        await using var browser = await chromium.NewSessionAsync(platform);
        var page = browser.Page;
        await browser.SignInAsync(Duty);
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = $"number ending {parent[^3..]}" });
        await Assertions.Expect(row).ToContainTextAsync("Parent or carer", new() { Timeout = 20_000 });
        await row.GetByRole(AriaRole.Link).ClickAsync();

        // SL-09: the report is already in the narrative; a missing name is refused by the server, under its field.
        var form = page.GetByRole(AriaRole.Form, new() { Name = "Refer this report to the front door" });
        await Assertions.Expect(form.GetByLabel("What the parent or carer reported")).ToHaveValueAsync(new Regex(Regex.Escape(words)));
        await form.GetByRole(AriaRole.Button, new() { Name = "Make the referral" }).ClickAsync();
        await Assertions.Expect(page.Locator("#ref-given-error")).ToBeVisibleAsync();
        await form.GetByLabel("Young person's first name").FillAsync("Mia");
        await form.GetByLabel("Family name").FillAsync("Parentreport" + Random.Shared.Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await form.GetByLabel("Date of birth").FillAsync("2013-02-01");
        await form.GetByLabel("Local area").FillAsync("Eastwood");
        await form.GetByLabel("What kind of exploitation it sounds like").SelectOptionAsync("StreetGrooming");
        await form.GetByRole(AriaRole.Button, new() { Name = "Make the referral" }).ClickAsync();
        await Assertions.Expect(form.GetByText("Referral received:")).ToBeVisibleAsync();
        // The child's details are cleared, so a second press cannot refer the same child twice.
        await Assertions.Expect(form.GetByLabel("Young person's first name")).ToHaveValueAsync("");

        // The conversation shows it once Referrals has announced it over the bus.
        var shown = page.GetByTestId("line-referral");
        await Assertions.Expect(shown).ToContainTextAsync($"referral by {Duty}", new() { Timeout = 30_000 });
        await Assertions.Expect(shown).ToContainTextAsync("Not decided yet");
        await browser.ScreenshotAsync("duty-worker-parent-referral");
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync());
        Assert.Empty(browser.ConsoleProblems);
    }

    /// <summary>Posts from its own loopback address, as Twilio's servers would, so the per-address webhook limit is not shared.</summary>
    private HttpClient TwilioClient(byte lastOctet)
    {
        var local = new IPEndPoint(new IPAddress([127, 0, 0, lastOctet]), 0);
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(local);
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = platform.Gateway, Timeout = TimeSpan.FromSeconds(30) };
    }

    private async Task<HttpResponseMessage> TextAsync(HttpClient twilio, string from, string body)
    {
        var sid = "SM" + Guid.NewGuid().ToString("N");
        var form = new Dictionary<string, string>
        {
            ["MessageSid"] = sid, ["SmsSid"] = sid, ["SmsMessageSid"] = sid, ["AccountSid"] = Platform.TwilioAccountSid, ["From"] = from,
            ["To"] = Platform.SupportLineNumber, ["Body"] = body, ["NumMedia"] = "0", ["NumSegments"] = "1", ["SmsStatus"] = "received",
            ["ApiVersion"] = "2010-04-01", ["FromCountry"] = "GB", ["ToCountry"] = "GB",
        };
        return await twilio.SendAsync(TwilioSigner.Request(SmsPath, Platform.TwilioAuthToken, platform.SmsInboundUrl, form));
    }
}
