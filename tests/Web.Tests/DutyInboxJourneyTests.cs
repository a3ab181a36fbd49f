using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Support.EndToEnd.Tests;
using Support.ServiceDefaults.Time;
using Support.Testing.Twilio;

namespace Support.Web.Tests;

/// <summary>
/// The support-line duty worker's journey of issue 14: a text in immediate danger arrives through a signed Twilio
/// webhook, appears at the top of the polled inbox marked DANGER with its alert, is read, answered and assigned
/// (SL-02, SL-03). The inbox list never shows message text. On a known young person's conversation, safe contact: their
/// preferences, a first text held for their safe time, and a call refused or placed as the service decides (SL-03).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class DutyInboxJourneyTests(Platform platform, Chromium chromium) : IClassFixture<Chromium>
{
    private const string Duty = "demo-duty";
    private const string SafeContactWorker = "web-safe-contact-duty";
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
        var texter = await MobileNotInTheInboxAsync();
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
        var parent = await MobileNotInTheInboxAsync();
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

    [Fact]
    public async Task A_duty_worker_records_a_young_persons_safe_contact_preferences_and_is_shown_each_refusal_before_a_text_and_a_call_go()
    {
        using var social = platform.Client("SocialWorker", "web-safe-contact-sw");
        var youngPersonId = await Seed.RegisterAsync(social, "Kayla", "Safecontact" + Guid.NewGuid().ToString("N")[..6], new DateOnly(2010, 8, 21));
        var phone = await MobileNotInTheInboxAsync();
        var workerPhone = NewMobile();
        using (var duty = platform.Client("SupportLineOperator", "web-safe-contact-duty"))
        using (var added = await Seed.PostOnceKnownAsync(duty, $"/api/supportline/young-people/{youngPersonId}/phones",
            new { phone, confirmed = true, discreet = true }, because: "the support line learns of the young person over the bus"))
        {
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        }
        using (var manager = platform.Client("TeamManager", "web-safe-contact-manager"))
        using (var registered = await manager.PostAsJsonAsync("/api/supportline/worker-phones", new { phone = workerPhone, workerUserId = SafeContactWorker }))
        {
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        }
        // Their text opens a conversation linked to them, because the number is on their record (SL-04).
        using (var twilio = TwilioClient(63))
        using (var response = await TextAsync(twilio, phone, "can someone ring me later"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await using var browser = await chromium.NewSessionAsync(platform);
        var page = browser.Page;
        // Their own sign-in, so that the phone registered here is their only one (the demo seed registers demo-duty's).
        await browser.SignInAsAsync(SafeContactWorker, "SupportLineOperator");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = $"number ending {phone[^3..]}" });
        await Assertions.Expect(row).ToContainTextAsync("Known young person", new() { Timeout = 20_000 });
        await row.GetByRole(AriaRole.Link).ClickAsync();
        var safeContact = page.GetByRole(AriaRole.Region, new() { Name = "Safe contact" });
        await Assertions.Expect(safeContact.GetByTestId("contact-preferences")).ToContainTextAsync("No contact preferences recorded yet");

        // The server's refusals, in words, next to the fields they name: no answer about calls, a window it cannot read.
        var preferences = page.GetByRole(AriaRole.Form, new() { Name = "Record what they said about contact" });
        await preferences.GetByRole(AriaRole.Button, new() { Name = "Save contact preferences" }).ClickAsync();
        await Assertions.Expect(page.Locator("#sc-allows-calls-error")).ToContainTextAsync("allowsCalls");
        await preferences.GetByLabel("Can they be called?").SelectOptionAsync("yes");
        await preferences.GetByLabel("Safe times (UK time, every day)").FillAsync("16:00-21:00, 4pm-9pm");
        await preferences.GetByRole(AriaRole.Button, new() { Name = "Save contact preferences" }).ClickAsync();
        await Assertions.Expect(page.Locator("#sc-safe-times-error")).ToContainTextAsync("Safe time 2: Each safe time is a daily London-time window");
        await Assertions.Expect(preferences.GetByLabel("Safe times (UK time, every day)")).ToHaveAttributeAsync("aria-invalid", "true");

        // A safe window that does not include now, whatever the hour the test runs: it starts two hours from now in London.
        var start = (London.ToLocal(DateTimeOffset.UtcNow).Hour + 2) % 24;
        var window = $"{start:00}:00-{(start + 1) % 24:00}:00";
        await preferences.GetByLabel("Safe times (UK time, every day)").FillAsync(window);
        await preferences.GetByLabel("Note (optional)").FillAsync("Said on the phone: after college only");
        await preferences.GetByRole(AriaRole.Button, new() { Name = "Save contact preferences" }).ClickAsync();
        await Assertions.Expect(preferences.GetByText("Contact preferences saved.")).ToBeVisibleAsync();
        var current = safeContact.GetByTestId("contact-preferences");
        await Assertions.Expect(current).ToContainTextAsync("They can be called.");
        await Assertions.Expect(current).ToContainTextAsync($"{start:00}:00 to {(start + 1) % 24:00}:00");
        await Assertions.Expect(current).ToContainTextAsync(new Regex($@"Now is not a safe time\. The next safe time begins .* {start:00}:00 (GMT|BST)"));

        // SL-03: a call outside the safe times is refused naming the next one; nothing rings.
        var callForm = page.GetByRole(AriaRole.Form, new() { Name = "Call them" });
        await Assertions.Expect(callForm.GetByTestId("connects-to")).ToContainTextAsync($"your phone ending {workerPhone[^3..]}");
        await callForm.GetByRole(AriaRole.Button, new() { Name = "Place the call" }).ClickAsync();
        await Assertions.Expect(callForm.GetByRole(AriaRole.Alert)).ToContainTextAsync(new Regex($@"Outside this young person's safe times: the next one begins \S+ {start:00}:00 (GMT|BST)"));
        Assert.DoesNotContain(platform.Twilio.Calls, c => c.To == phone);

        // A first text naming the service to a discreet number is refused under the field; a plain one waits for the window.
        var textForm = page.GetByRole(AriaRole.Form, new() { Name = "Text them first" });
        await textForm.GetByLabel("Text to send").FillAsync("Hi, this is the Rotherham support line.");
        await textForm.GetByRole(AriaRole.Button, new() { Name = "Send text" }).ClickAsync();
        await Assertions.Expect(page.Locator("#sc-text-body-error")).ToContainTextAsync("do not name the service");
        await textForm.GetByLabel("Text to send").FillAsync("Are you ok to talk later?");
        await textForm.GetByRole(AriaRole.Button, new() { Name = "Send text" }).ClickAsync();
        await Assertions.Expect(textForm.GetByRole(AriaRole.Status)).ToContainTextAsync(new Regex($@"Text queued: it will be sent .* {start:00}:00 (GMT|BST)"));

        // They say they cannot take calls after all: a call is refused in plain words.
        await preferences.GetByLabel("Can they be called?").SelectOptionAsync("no");
        await preferences.GetByLabel("Safe times (UK time, every day)").FillAsync("");
        await preferences.GetByRole(AriaRole.Button, new() { Name = "Save contact preferences" }).ClickAsync();
        await Assertions.Expect(current).ToContainTextAsync("Do not call them: text only.");
        await Assertions.Expect(current).ToContainTextAsync("Now is a safe time.");
        await Assertions.Expect(safeContact.GetByText("Earlier preferences (1)")).ToBeVisibleAsync();
        await callForm.GetByRole(AriaRole.Button, new() { Name = "Place the call" }).ClickAsync();
        await Assertions.Expect(callForm.GetByRole(AriaRole.Alert)).ToContainTextAsync("This young person has not said they can be called: text them instead");

        // Calls allowed at any time: the worker's own registered phone connects, without their typing it.
        await preferences.GetByLabel("Can they be called?").SelectOptionAsync("yes");
        await preferences.GetByRole(AriaRole.Button, new() { Name = "Save contact preferences" }).ClickAsync();
        await Assertions.Expect(current).ToContainTextAsync("They can be called.");
        await callForm.GetByRole(AriaRole.Button, new() { Name = "Place the call" }).ClickAsync();
        await Assertions.Expect(callForm.GetByRole(AriaRole.Status)).ToContainTextAsync("Call placed (queued)");
        var call = Assert.Single(platform.Twilio.Calls, c => c.To == phone);
        Assert.Contains(workerPhone, call.Twiml, StringComparison.Ordinal);
        var calls = safeContact.GetByTestId("calls");
        await Assertions.Expect(calls).ToContainTextAsync($"Placed, waiting for the network: placed by {SafeContactWorker}");

        // Twilio reports the call's progress through the gateway; the screen follows it without a reload.
        using (var twilio = TwilioClient(64))
        {
            foreach (var (status, seconds) in new[] { ("ringing", (int?)null), ("in-progress", null), ("completed", 95) })
            {
                using var progress = await CallStatusAsync(twilio, call.Sid, status, seconds);
                Assert.Equal(HttpStatusCode.OK, progress.StatusCode);
            }
        }
        await Assertions.Expect(calls).ToContainTextAsync(new Regex(@"Ended: placed by .*; answered .*; ended .* after 1 min 35 s"), new() { Timeout = 20_000 });
        await browser.ScreenshotAsync("duty-worker-safe-contact");
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync());
        Assert.Empty(browser.ConsoleProblems);
    }

    /// <summary>
    /// A new number whose last three digits no conversation in the inbox shows. The inbox names a texter only by "number
    /// ending 141", so these tests find their row by those digits; a random number once ended like another test's and
    /// the locator matched both rows. Tests on the shared platform run one at a time, so nothing takes the ending
    /// between this check and the text.
    /// </summary>
    private async Task<string> MobileNotInTheInboxAsync()
    {
        using var api = platform.Client("SupportLineOperator", "web-check-duty");
        var inbox = await api.GetFromJsonAsync<JsonElement>("/api/supportline/conversations");
        var shown = inbox.EnumerateArray().Select(c => c.GetProperty("phoneEnding").GetString() ?? "").ToList();
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var mobile = NewMobile();
            if (!shown.Any(ending => ending.EndsWith(mobile[^3..], StringComparison.Ordinal)))
            {
                return mobile;
            }
        }
        throw new InvalidOperationException($"The inbox shows {shown.Count} conversations and no new number's ending is free of them.");
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

    private Task<HttpResponseMessage> CallStatusAsync(HttpClient twilio, string callSid, string status, int? seconds)
    {
        var form = new Dictionary<string, string>
        {
            ["CallSid"] = callSid, ["CallStatus"] = status, ["AccountSid"] = Platform.TwilioAccountSid, ["From"] = Platform.SupportLineNumber,
            ["Direction"] = "outbound-api", ["ApiVersion"] = "2010-04-01", ["CallbackSource"] = "call-progress-events",
        };
        if (seconds is not null)
        {
            form["CallDuration"] = seconds.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return twilio.SendAsync(TwilioSigner.Request("/api/supportline/webhooks/twilio/call-status", Platform.TwilioAuthToken, platform.CallStatusUrl, form));
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
