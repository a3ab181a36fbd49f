using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Support.Contracts.Outreach;
using Support.Testing;

namespace Support.EndToEnd.Tests;

/// <summary>
/// The support line through the gateway over the real bus, with texts signed as Twilio signs them
/// (<see cref="SupportLineTexts"/>, each test from its own address) and outbound texts landing in the fake Twilio.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class SupportLineEndToEndTests(Platform platform)
{
    private HttpClient TwilioClient(byte lastOctet) => platform.TwilioClient(lastOctet);

    private Task<HttpResponseMessage> TextAsync(HttpClient twilio, string from, string body) => platform.TextAsync(twilio, from, body);

    [Fact]
    public async Task A_workers_contact_text_becomes_a_log_outreach_contact_command_on_the_bus()
    {
        var received = new TaskCompletionSource<LogOutreachContact>(TaskCreationOptions.RunContinuationsAsynchronously);
        var worker = NewMobile();
        var userId = "e2e-worker-" + Guid.NewGuid().ToString("N")[..6];
        var bus = await TestBus.StartAsync(cfg => cfg.ReceiveEndpoint("e2e-supportline-contacts-" + Guid.NewGuid().ToString("N")[..8], e =>
        {
            e.AutoDelete = true;
            e.Handler<LogOutreachContact>(context =>
            {
                if (context.Message.WorkerUserId == userId)
                {
                    received.TrySetResult(context.Message);
                }
                return Task.CompletedTask;
            });
        }));
        try
        {
            using var manager = platform.Client("TeamManager", "e2e-duty-manager");
            using var registered = await manager.PostAsJsonAsync("/api/supportline/worker-phones", new { phone = worker, workerUserId = userId });
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);

            using var twilio = TwilioClient(21);
            using var response = await TextAsync(twilio, worker, "C Jaz 0005 Clifton Park / with an older man in a silver car");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Logged: Jaz", await response.Content.ReadAsStringAsync());

            var command = await received.Task.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal("Jaz", command.Alias);
            Assert.Equal("Clifton Park", command.Place);
            Assert.Equal("with an older man in a silver car", command.Notes);
            Assert.Equal("sms", command.Channel);
        }
        finally
        {
            await bus.StopAsync();
        }
    }

    [Fact]
    public async Task A_danger_text_raises_both_alerts_and_a_discreet_reply_goes_out_through_twilio()
    {
        var texter = NewMobile();
        using var twilio = TwilioClient(22);
        using var response = await TextAsync(twilio, texter, "he says if i dont come out theyll shoot me");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        using var police = platform.Client("PoliceLiaison", "e2e-police");
        using var duty = platform.Client("SupportLineOperator", "e2e-duty");
        var conversationId = await Eventually.GetAsync(async () =>
        {
            var inbox = await duty.GetFromJsonAsync<JsonElement>("/api/supportline/conversations");
            return inbox.EnumerateArray().Where(c => c.GetProperty("urgency").GetString() == "ImmediateDanger" && texter.EndsWith(c.GetProperty("phoneEnding").GetString()![^3..]))
                .Select(c => c.GetProperty("id").GetString()).FirstOrDefault();
        }, TimeSpan.FromSeconds(10), "the conversation at the top of the duty inbox");
        var alerts = await police.GetFromJsonAsync<JsonElement>("/api/supportline/alerts");
        var kinds = alerts.EnumerateArray().Where(a => a.GetProperty("conversationId").GetString() == conversationId).Select(a => a.GetProperty("kind").GetString()).Order().ToList();
        Assert.Equal(["DangerToDutyWorker", "DangerToPoliceLiaison"], kinds);

        var reply = await Eventually.GetAsync(async () =>
        {
            await Task.Yield();
            return platform.Twilio.Messages.FirstOrDefault(m => m.To == texter);
        }, TimeSpan.FromSeconds(30), "the reply to reach Twilio");
        Assert.Contains("999", reply.Body);
        Assert.DoesNotContain("support line", reply.Body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(Platform.SupportLineNumber, reply.From);
    }

    [Fact]
    public async Task Stop_then_an_outbound_attempt_sends_nothing()
    {
        var texter = NewMobile();
        using var twilio = TwilioClient(23);
        using var duty = platform.Client("SupportLineOperator", "e2e-duty");
        (await TextAsync(twilio, texter, "hello is this private")).Dispose();
        // The acknowledgement goes out first, so what follows is measured against it.
        await Eventually.GetAsync(async () =>
        {
            await Task.Yield();
            return platform.Twilio.Messages.FirstOrDefault(m => m.To == texter);
        }, TimeSpan.FromSeconds(30), "the acknowledgement");
        var conversationId = await Eventually.GetAsync(async () =>
        {
            var inbox = await duty.GetFromJsonAsync<JsonElement>("/api/supportline/conversations");
            return inbox.EnumerateArray().Where(c => texter.EndsWith(c.GetProperty("phoneEnding").GetString()![^3..]) && c.GetProperty("kind").GetString() == "Anonymous")
                .Select(c => c.GetProperty("id").GetString()).LastOrDefault();
        }, TimeSpan.FromSeconds(10), "the conversation");

        using var stop = await TextAsync(twilio, texter, "STOP");
        Assert.Equal(HttpStatusCode.OK, stop.StatusCode);
        using var attempt = await duty.PostAsJsonAsync($"/api/supportline/conversations/{conversationId}/replies", new { body = "Are you ok?" });
        Assert.Equal(HttpStatusCode.Conflict, attempt.StatusCode);

        var conversation = await duty.GetFromJsonAsync<JsonElement>($"/api/supportline/conversations/{conversationId}");
        Assert.True(conversation.GetProperty("optedOut").GetBoolean());
        Assert.Single(conversation.GetProperty("messages").EnumerateArray(), m => m.GetProperty("direction").GetString() == "outbound");
        Assert.Single(platform.Twilio.Messages, m => m.To == texter);
    }

    [Fact]
    public async Task A_parents_text_referred_by_the_duty_worker_shows_on_the_conversation_with_its_deadline_and_then_its_decision()
    {
        var parent = NewMobile();
        using var twilio = TwilioClient(24);
        using var manager = platform.Client("TeamManager", "e2e-parent-manager");
        using var duty = platform.Client("SupportLineOperator", "e2e-parent-duty");
        using (var registered = await manager.PostAsJsonAsync("/api/supportline/carer-phones", new { phone = parent }))
        {
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        }
        (await TextAsync(twilio, parent, "My son is 14, he keeps coming home with new phones and men pick him up from the shops.")).Dispose();
        var conversationId = await Eventually.GetAsync(async () =>
        {
            var inbox = await duty.GetFromJsonAsync<JsonElement>("/api/supportline/conversations");
            return inbox.EnumerateArray().Where(c => parent.EndsWith(c.GetProperty("phoneEnding").GetString()![^3..]) && c.GetProperty("kind").GetString() == "ParentOrCarer")
                .Select(c => c.GetProperty("id").GetString()).LastOrDefault();
        }, TimeSpan.FromSeconds(30), "the parent's conversation");

        // SL-09: one action at the front door, by the duty worker, naming the conversation the report came through.
        using var referred = await duty.PostAsJsonAsync("/api/referrals", new
        {
            youngPerson = new { givenName = "Liam", familyName = "Parentreport", dateOfBirth = "2012-06-01", gender = "Male", localArea = "Eastwood" },
            referrerRole = "Parent", referrerOrganisation = "Support line", supportLineConversationId = conversationId,
            cseType = "StreetGrooming", adultInvolved = true, riskIndicators = new[] { "GiftsMoneyOrAttention", "DrivenAroundInCars" },
            occurredAt = DateTimeOffset.UtcNow.AddHours(-3), narrative = "His mother texted the line: new phones, men collect him from the shops.",
        });
        Assert.Equal(HttpStatusCode.Created, referred.StatusCode);
        var referral = await referred.Content.ReadFromJsonAsync<JsonElement>();
        var referralId = referral.GetProperty("id").GetString();

        var shown = await Eventually.GetAsync(async () =>
        {
            var conversation = await duty.GetFromJsonAsync<JsonElement>($"/api/supportline/conversations/{conversationId}");
            return conversation.GetProperty("referrals").EnumerateArray().Where(r => r.GetProperty("referralId").GetString() == referralId)
                .Select(r => r.GetRawText()).FirstOrDefault();
        }, TimeSpan.FromSeconds(30), "the referral to show on the conversation");
        var line = JsonDocument.Parse(shown).RootElement;
        Assert.Equal(referral.GetProperty("priority").GetString(), line.GetProperty("priority").GetString());
        Assert.Equal(referral.GetProperty("decisionDue").GetProperty("utc").GetDateTimeOffset(), line.GetProperty("decisionDue").GetProperty("utc").GetDateTimeOffset());
        Assert.Equal("e2e-parent-duty", line.GetProperty("referredBy").GetString());

        using (var decided = await manager.PostAsJsonAsync($"/api/referrals/{referralId}/decision", new { outcome = "CseCaseOpened", rationale = "Parent's account and the indicators: CSE team to support." }))
        {
            Assert.Equal(HttpStatusCode.Created, decided.StatusCode);
        }
        await Eventually.TrueAsync(async () =>
        {
            var conversation = await duty.GetFromJsonAsync<JsonElement>($"/api/supportline/conversations/{conversationId}");
            return conversation.GetProperty("referrals").EnumerateArray()
                .Any(r => r.GetProperty("referralId").GetString() == referralId && r.GetProperty("outcome").ValueKind == JsonValueKind.String
                    && r.GetProperty("outcome").GetString() == "CseCaseOpened");
        }, TimeSpan.FromSeconds(30), "the front door's decision to show on the conversation");
    }

    [Fact]
    public async Task A_young_persons_text_marked_as_their_views_reaches_the_chronology_and_the_handover_pack_word_for_word()
    {
        using var social = platform.Client("SocialWorker", "e2e-views-sw");
        using var manager = platform.Client("TeamManager", "e2e-views-manager");
        using var duty = platform.Client("SupportLineOperator", "e2e-views-duty");
        var dateOfBirth = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-11).AddYears(-17);
        using var registered = await social.PostAsJsonAsync("/api/referrals/young-people", new
        {
            givenName = "Mia", familyName = "Ownwords", dateOfBirth = dateOfBirth.ToString("yyyy-MM-dd"), gender = "Female", localArea = "Eastwood",
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var youngPersonId = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var phone = NewMobile();
        using var twilio = TwilioClient(25);
        const string words = "I don't want a new worker when I'm 18, Sam is the only one who listens";
        (await TextAsync(twilio, phone, words)).Dispose();
        var conversationId = await Eventually.GetAsync(async () =>
        {
            var inbox = await duty.GetFromJsonAsync<JsonElement>("/api/supportline/conversations");
            return inbox.EnumerateArray().Where(c => phone.EndsWith(c.GetProperty("phoneEnding").GetString()![^3..]))
                .Select(c => c.GetProperty("id").GetString()).LastOrDefault();
        }, TimeSpan.FromSeconds(30), "the anonymous conversation");

        // SL-05: the link to the registered young person is the duty worker's explicit step; the registry event must
        // have reached the support line first.
        await Eventually.TrueAsync(async () =>
        {
            using var linked = await duty.PostAsJsonAsync($"/api/supportline/conversations/{conversationId}/young-person", new { youngPersonId });
            return linked.StatusCode == HttpStatusCode.NoContent;
        }, TimeSpan.FromSeconds(30), "the young person to be known to the support line");
        var conversation = await duty.GetFromJsonAsync<JsonElement>($"/api/supportline/conversations/{conversationId}");
        var message = conversation.GetProperty("messages").EnumerateArray().Single(m => m.GetProperty("direction").GetString() == "inbound");
        using (var marked = await duty.PostAsync($"/api/supportline/conversations/{conversationId}/messages/{message.GetProperty("id").GetString()}/young-persons-views", null))
        {
            Assert.Equal(HttpStatusCode.NoContent, marked.StatusCode);
        }

        var entry = await Eventually.GetAsync(async () =>
        {
            var chronology = await social.GetFromJsonAsync<JsonElement>($"/api/referrals/young-people/{youngPersonId}/chronology");
            return chronology.GetProperty("entries").EnumerateArray()
                .Where(e => e.GetProperty("kind").GetString() == "YoungPersonViewsRecorded").Select(e => e.GetProperty("summary").GetString()).FirstOrDefault();
        }, TimeSpan.FromSeconds(30), "the views to reach the chronology");
        Assert.Contains($"\"{words}\"", entry, StringComparison.Ordinal);

        // LC-01: the adviser reads the same words, with their date and where they were said.
        var quoted = await Eventually.GetAsync(async () =>
        {
            // 404 until LeavingCare has heard of the registration: events reach each service in their own time.
            using var response = await manager.GetAsync($"/api/leavingcare/young-people/{youngPersonId}/leaving-care");
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }
            var record = await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
            return record.GetProperty("pack").GetProperty("youngPersonsWords").EnumerateArray()
                .Where(w => w.GetProperty("source").GetString() == "Support line (text message)").Select(w => w.GetRawText()).FirstOrDefault();
        }, TimeSpan.FromSeconds(30), "the views to reach the handover pack");
        var quotation = JsonDocument.Parse(quoted).RootElement;
        Assert.Equal(words, quotation.GetProperty("words").GetString());
        Assert.Equal("e2e-views-duty", quotation.GetProperty("recordedBy").GetString());
        Assert.Equal(message.GetProperty("at").GetProperty("utc").GetDateTimeOffset(), quotation.GetProperty("recordedAt").GetProperty("utc").GetDateTimeOffset());
    }
}
