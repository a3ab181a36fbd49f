using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Support.ServiceDefaults.Auth;
using Support.SupportLine.Domain;
using Support.Testing;
using Support.Testing.Twilio;

namespace Support.SupportLine.Tests.Outbound;

/// <summary>
/// SL-03 through the API: a young person's contact preferences (calls allowed, safe times), a worker's text held until
/// a safe time, replies in the moment, and calls that are never placed without permission, confirmation or safe time.
/// The clock starts on Saturday 10 January 2026 at 22:30 GMT.
/// </summary>
public sealed class SafeContactTests : SupportLineFixture
{
    private HttpClient Operator => ClientFor(Roles.SupportLineOperator, "duty-worker");

    private async Task<(Guid Id, string Phone)> YoungPersonWithNumberAsync(bool confirmed = true)
    {
        var id = await KnownYoungPersonAsync();
        var phone = NewMobile();
        var response = await Operator.PostAsJsonAsync($"/api/supportline/young-people/{id}/phones", new { phone, confirmed, discreet = true });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (id, phone);
    }

    private async Task PreferAsync(Guid id, bool allowsCalls, params string[] safeTimes)
    {
        var response = await Operator.PostAsJsonAsync($"/api/supportline/young-people/{id}/contact-preferences", new { allowsCalls, safeTimes, note = "Said on the phone" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private async Task<string> WorkerPhoneAsync()
    {
        var phone = NewMobile();
        await RegisterWorkerPhoneAsync(phone, "duty-worker");
        return phone;
    }

    [Fact]
    public async Task Preferences_are_kept_as_versions_and_say_whether_now_is_safe_and_when_next()
    {
        var (id, _) = await YoungPersonWithNumberAsync();
        await PreferAsync(id, false);
        await PreferAsync(id, true, "16:00-21:00");

        var body = await JsonAsync(await Operator.GetAsync($"/api/supportline/young-people/{id}/contact-preferences"));
        var current = body.GetProperty("current");
        Assert.True(current.GetProperty("allowsCalls").GetBoolean());
        Assert.Equal("16:00-21:00", current.GetProperty("safeTimes")[0].GetString());
        Assert.False(current.GetProperty("safeNow").GetBoolean());
        Assert.Equal("2026-01-11T16:00:00+00:00", current.GetProperty("nextSafeTime").GetProperty("london").GetString());
        var earlier = Assert.Single(body.GetProperty("earlier").EnumerateArray());
        Assert.False(earlier.GetProperty("allowsCalls").GetBoolean());
        Assert.True(earlier.GetProperty("safeNow").GetBoolean());
    }

    [Fact]
    public async Task Bad_preferences_are_refused_naming_the_field_and_store_nothing()
    {
        var (id, _) = await YoungPersonWithNumberAsync();
        var url = $"/api/supportline/young-people/{id}/contact-preferences";
        var badWindow = await Operator.PostAsJsonAsync(url, new { allowsCalls = true, safeTimes = new[] { "16:00-21:00", "4pm-9pm" } });
        Assert.Equal(HttpStatusCode.BadRequest, badWindow.StatusCode);
        Assert.True((await JsonAsync(badWindow)).GetProperty("errors").TryGetProperty("safeTimes[1]", out _));
        var noAnswer = await Operator.PostAsJsonAsync(url, new { safeTimes = new[] { "16:00-21:00" } });
        Assert.True((await JsonAsync(noAnswer)).GetProperty("errors").TryGetProperty("allowsCalls", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await Operator.PostAsJsonAsync(url, new { allowsCalls = true, callMe = "anytime" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Operator.PostAsJsonAsync($"/api/supportline/young-people/{Guid.NewGuid()}/contact-preferences", new { allowsCalls = true })).StatusCode);
        await using var db = CreateDbContext();
        Assert.False(await db.ContactPreferences.AnyAsync(p => p.YoungPersonId == id));
    }

    [Fact]
    public async Task A_workers_text_outside_the_safe_times_waits_and_goes_when_the_next_safe_time_begins()
    {
        var (id, phone) = await YoungPersonWithNumberAsync();
        await PreferAsync(id, false, "16:00-21:00");

        var response = await Operator.PostAsJsonAsync($"/api/supportline/young-people/{id}/texts", new { body = "Are we still ok for tomorrow?" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("2026-01-11T16:00:00+00:00", (await JsonAsync(response)).GetProperty("sendsAt").GetProperty("london").GetString());
        await DispatchAsync();
        Assert.DoesNotContain(Twilio.Messages, m => m.To == phone);

        Clock.SetUtcNow(new DateTimeOffset(2026, 1, 11, 15, 59, 0, TimeSpan.Zero));
        await DispatchAsync();
        Assert.DoesNotContain(Twilio.Messages, m => m.To == phone);
        Clock.SetUtcNow(new DateTimeOffset(2026, 1, 11, 16, 0, 0, TimeSpan.Zero));
        // Moving the clock also wakes the service's own dispatcher, which may claim the text first: wait for the send.
        await DispatchAsync();
        await Eventually.TrueAsync(() => Task.FromResult(Twilio.Messages.Any(m => m.To == phone)), because: "the held text is sent at 16:00");
        Assert.Single(Twilio.Messages, m => m.To == phone && m.Body == "Are we still ok for tomorrow?");
    }

    [Fact]
    public async Task A_reply_soon_after_their_own_text_goes_at_once_but_a_late_one_waits_for_a_safe_time()
    {
        var (id, phone) = await YoungPersonWithNumberAsync();
        await PreferAsync(id, false, "16:00-21:00");
        await TextAsync(phone, "can u talk");
        await using (var db = CreateDbContext())
        {
            var conversation = await db.Conversations.SingleAsync(c => c.Phone == phone);
            Clock.Advance(TimeSpan.FromMinutes(29));
            Assert.Equal(HttpStatusCode.Created, (await Operator.PostAsJsonAsync($"/api/supportline/conversations/{conversation.Id}/replies", new { body = "Yes, I'm here." })).StatusCode);
            await DispatchAsync();
            Assert.Single(Twilio.Messages, m => m.To == phone && m.Body == "Yes, I'm here.");

            Clock.Advance(TimeSpan.FromMinutes(2)); // 31 minutes after their text
            Assert.Equal(HttpStatusCode.Created, (await Operator.PostAsJsonAsync($"/api/supportline/conversations/{conversation.Id}/replies", new { body = "Text me when you can." })).StatusCode);
            await DispatchAsync();
            Assert.DoesNotContain(Twilio.Messages, m => m.To == phone && m.Body == "Text me when you can.");
        }
        await using (var db = CreateDbContext())
        {
            var held = await db.OutboundMessages.SingleAsync(m => m.To == phone && m.Body == "Text me when you can.");
            Assert.Equal((DeliveryStatus.Pending, 0), (held.Status, held.Attempts));
            Assert.Equal(new DateTimeOffset(2026, 1, 11, 16, 0, 0, TimeSpan.Zero), held.NotBefore);
        }
    }

    [Fact]
    public async Task An_unconfirmed_number_is_not_texted_or_called_until_a_duty_manager_records_a_safety_decision()
    {
        var (id, phone) = await YoungPersonWithNumberAsync(confirmed: false);
        await PreferAsync(id, true);
        var connectTo = await WorkerPhoneAsync();
        Assert.Equal(HttpStatusCode.Conflict, (await Operator.PostAsJsonAsync($"/api/supportline/young-people/{id}/texts", new { phone, body = "Hi" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Operator.PostAsJsonAsync($"/api/supportline/young-people/{id}/calls", new { phone, connectTo })).StatusCode);
        Assert.Empty(Twilio.Calls);

        var decision = await ClientFor(Roles.TeamManager, "duty-manager").PostAsJsonAsync($"/api/supportline/young-people/{id}/phones/safety-decision",
            new { phone, rationale = "Her mother confirmed the number is hers and not shared." });
        Assert.Equal(HttpStatusCode.NoContent, decision.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Operator.PostAsJsonAsync($"/api/supportline/young-people/{id}/texts", new { phone, body = "Hi" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Operator.PostAsJsonAsync($"/api/supportline/young-people/{id}/calls", new { phone, connectTo })).StatusCode);
        Assert.Single(Twilio.Calls, c => c.To == phone);
    }

    [Fact]
    public async Task A_call_is_never_placed_to_a_young_person_who_has_not_allowed_calls()
    {
        var (id, phone) = await YoungPersonWithNumberAsync();
        var connectTo = await WorkerPhoneAsync();
        var url = $"/api/supportline/young-people/{id}/calls";
        Assert.Equal(HttpStatusCode.Conflict, (await Operator.PostAsJsonAsync(url, new { connectTo })).StatusCode); // nothing said yet
        await PreferAsync(id, false);
        var refused = await Operator.PostAsJsonAsync(url, new { connectTo });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("not said they can be called", (await JsonAsync(refused)).GetProperty("title").GetString());
        Assert.Empty(Twilio.Calls);
        await using var db = CreateDbContext();
        Assert.False(await db.OutboundCalls.AnyAsync(c => c.YoungPersonId == id));
    }

    [Fact]
    public async Task A_call_outside_the_safe_times_is_refused_naming_the_next_one_and_inside_them_twilio_connects_the_worker_without_naming_the_service()
    {
        var (id, phone) = await YoungPersonWithNumberAsync();
        var connectTo = await WorkerPhoneAsync();
        await PreferAsync(id, true, "16:00-21:00");
        var url = $"/api/supportline/young-people/{id}/calls";
        var refused = await Operator.PostAsJsonAsync(url, new { connectTo });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("2026-01-11 16:00 GMT", (await JsonAsync(refused)).GetProperty("title").GetString());

        Clock.SetUtcNow(new DateTimeOffset(2026, 1, 11, 16, 0, 0, TimeSpan.Zero));
        var placed = await Operator.PostAsJsonAsync(url, new { connectTo });
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        var call = Assert.Single(Twilio.Calls);
        Assert.Equal((phone, LineNumber), (call.To, call.From));
        Assert.Contains($"<Dial callerId=\"{LineNumber}\">{connectTo}</Dial>", call.Twiml);
        Assert.DoesNotContain("Say", call.Twiml);
        Assert.DoesNotContain(ServiceName, call.Twiml);
        await using var db = CreateDbContext();
        var recorded = await db.OutboundCalls.SingleAsync(c => c.YoungPersonId == id);
        Assert.Equal((call.Sid, "queued", connectTo, "duty-worker"), (recorded.TwilioSid, recorded.Status, recorded.ConnectTo, recorded.RequestedBy));
    }

    [Fact]
    public async Task A_call_connects_only_a_registered_worker_phone_and_a_twilio_refusal_is_recorded_and_reported()
    {
        var (id, phone) = await YoungPersonWithNumberAsync();
        await PreferAsync(id, true);
        var url = $"/api/supportline/young-people/{id}/calls";
        var stranger = await Operator.PostAsJsonAsync(url, new { connectTo = NewMobile() });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, stranger.StatusCode);
        Assert.True((await JsonAsync(stranger)).GetProperty("errors").TryGetProperty("connectTo", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await Operator.PostAsJsonAsync(url, new { connectTo = "not a number" })).StatusCode);

        Twilio.RefuseCallsTo[phone] = 13224;
        var refused = await Operator.PostAsJsonAsync(url, new { connectTo = await WorkerPhoneAsync() });
        Assert.Equal(HttpStatusCode.BadGateway, refused.StatusCode);
        Assert.DoesNotContain(phone, await refused.Content.ReadAsStringAsync());
        await using var db = CreateDbContext();
        var recorded = await db.OutboundCalls.SingleAsync(c => c.YoungPersonId == id);
        Assert.Equal(("failed", 13224, (string?)null), (recorded.Status, recorded.ErrorCode, recorded.TwilioSid));
    }

    [Fact]
    public async Task A_call_connects_the_workers_own_registered_phone_and_never_another_workers()
    {
        var (id, _) = await YoungPersonWithNumberAsync();
        await PreferAsync(id, true);
        var url = $"/api/supportline/young-people/{id}/calls";
        var unregistered = await Operator.PostAsJsonAsync(url, new { });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unregistered.StatusCode);
        Assert.Contains("no phone on the worker-phone register", (await JsonAsync(unregistered)).GetProperty("errors").GetProperty("connectTo")[0].GetString());

        var colleagues = NewMobile();
        await RegisterWorkerPhoneAsync(colleagues, "another-worker");
        var someoneElses = await Operator.PostAsJsonAsync(url, new { connectTo = colleagues });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, someoneElses.StatusCode);
        Assert.True((await JsonAsync(someoneElses)).GetProperty("errors").TryGetProperty("connectTo", out _));
        Assert.Empty(Twilio.Calls);

        var mine = await WorkerPhoneAsync();
        var mineListed = await (await Operator.GetAsync("/api/supportline/worker-phones/mine")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([mine], mineListed.EnumerateArray().Select(p => p.GetProperty("phone").GetString()));
        Assert.Equal(HttpStatusCode.Created, (await Operator.PostAsJsonAsync(url, new { })).StatusCode);
        var call = Assert.Single(Twilio.Calls);
        Assert.Contains($">{mine}</Dial>", call.Twiml);
        Assert.Equal(CallStatusUrl, call.StatusCallback);
        Assert.Equal(["initiated", "ringing", "answered", "completed"], call.StatusCallbackEvents);

        var second = await WorkerPhoneAsync();
        var which = await Operator.PostAsJsonAsync(url, new { });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, which.StatusCode);
        Assert.Contains("choose which", (await JsonAsync(which)).GetProperty("errors").GetProperty("connectTo")[0].GetString());
        Assert.Equal(HttpStatusCode.Created, (await Operator.PostAsJsonAsync(url, new { connectTo = second })).StatusCode);
        Assert.Contains($">{second}</Dial>", Twilio.Calls.Last().Twiml);
    }

    [Fact]
    public async Task Call_progress_callbacks_move_a_call_forward_only_and_the_calls_list_shows_how_far_it_got()
    {
        var (id, _) = await YoungPersonWithNumberAsync();
        await PreferAsync(id, true);
        var url = $"/api/supportline/young-people/{id}/calls";
        await WorkerPhoneAsync();
        Assert.Equal(HttpStatusCode.Created, (await Operator.PostAsJsonAsync(url, new { })).StatusCode);
        var sid = Assert.Single(Twilio.Calls).Sid;

        Assert.Equal(HttpStatusCode.OK, (await CallStatusAsync(sid, "ringing")).StatusCode);
        Clock.Advance(TimeSpan.FromSeconds(20));
        await CallStatusAsync(sid, "in-progress");
        await CallStatusAsync(sid, "initiated");
        Clock.Advance(TimeSpan.FromMinutes(3));
        await CallStatusAsync(sid, "completed", 180);
        await CallStatusAsync(sid, "in-progress");
        await CallStatusAsync(sid, "no-answer", 0);

        var listed = await Operator.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        var call = Assert.Single((await JsonAsync(listed)).EnumerateArray());
        Assert.Equal(("completed", 180), (call.GetProperty("status").GetString(), call.GetProperty("durationSeconds").GetInt32()));
        Assert.Equal("2026-01-10T22:30:20+00:00", call.GetProperty("answeredAt").GetProperty("london").GetString());
        Assert.Equal("2026-01-10T22:33:20+00:00", call.GetProperty("endedAt").GetProperty("london").GetString());
        Assert.False(call.TryGetProperty("to", out _));
    }

    [Fact]
    public async Task Callbacks_for_one_call_arriving_at_the_same_moment_never_move_it_back()
    {
        var sids = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            var (id, _) = await YoungPersonWithNumberAsync();
            await PreferAsync(id, true);
            if (i == 0)
            {
                await WorkerPhoneAsync();
            }
            Assert.Equal(HttpStatusCode.Created, (await Operator.PostAsJsonAsync($"/api/supportline/young-people/{id}/calls", new { })).StatusCode);
            sids.Add(Twilio.Calls.Last().Sid);
        }

        // Each call's last three callbacks land together: whichever commits last, the final state must win.
        await Task.WhenAll(sids.SelectMany(sid => new[]
        {
            CallStatusAsync(sid, "ringing"), CallStatusAsync(sid, "completed", 30), CallStatusAsync(sid, "in-progress"),
        }));

        await using var db = CreateDbContext();
        var statuses = await db.OutboundCalls.Where(c => sids.Contains(c.TwilioSid!)).Select(c => c.Status).ToListAsync();
        Assert.Equal(sids.Count, statuses.Count);
        Assert.All(statuses, status => Assert.Equal("completed", status));
    }

    [Fact]
    public async Task A_call_callback_for_an_unknown_call_is_accepted_and_ignored_and_a_forged_or_malformed_one_refused()
    {
        var unknown = await CallStatusAsync("CA" + Guid.NewGuid().ToString("N"), "completed", 5);
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Contains("<Response", await unknown.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await CallStatusAsync("CA" + Guid.NewGuid().ToString("N"), "exploded")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await CallStatusAsync(NewSid(), "completed")).StatusCode);

        var (id, _) = await YoungPersonWithNumberAsync();
        await PreferAsync(id, true);
        await WorkerPhoneAsync();
        Assert.Equal(HttpStatusCode.Created, (await Operator.PostAsJsonAsync($"/api/supportline/young-people/{id}/calls", new { })).StatusCode);
        var sid = Assert.Single(Twilio.Calls).Sid;
        var form = new Dictionary<string, string> { ["CallSid"] = sid, ["CallStatus"] = "completed", ["AccountSid"] = AccountSid };
        var forged = TwilioSigner.Request("/api/supportline/webhooks/twilio/call-status", "not-the-auth-token", CallStatusUrl, form);
        Assert.Equal(HttpStatusCode.Forbidden, (await Anonymous.SendAsync(forged)).StatusCode);
        var signedForTexts = TwilioSigner.Request("/api/supportline/webhooks/twilio/call-status", AuthToken, StatusUrl, form);
        Assert.Equal(HttpStatusCode.Forbidden, (await Anonymous.SendAsync(signedForTexts)).StatusCode);
        await using var db = CreateDbContext();
        Assert.Equal("queued", (await db.OutboundCalls.SingleAsync(c => c.YoungPersonId == id)).Status);
    }

    [Fact]
    public async Task Nothing_is_texted_or_called_to_a_number_that_opted_out()
    {
        var (id, phone) = await YoungPersonWithNumberAsync();
        await PreferAsync(id, true);
        await TextAsync(phone, "STOP");
        Assert.Equal(HttpStatusCode.Conflict, (await Operator.PostAsJsonAsync($"/api/supportline/young-people/{id}/texts", new { body = "Hi" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Operator.PostAsJsonAsync($"/api/supportline/young-people/{id}/calls", new { connectTo = await WorkerPhoneAsync() })).StatusCode);
        Assert.Empty(Twilio.Calls);
    }

    [Fact]
    public async Task A_workers_text_to_a_discreet_number_must_not_name_the_service()
    {
        var (id, _) = await YoungPersonWithNumberAsync();
        var response = await Operator.PostAsJsonAsync($"/api/supportline/young-people/{id}/texts", new { body = $"Hi, this is {ServiceName}." });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.True((await JsonAsync(response)).GetProperty("errors").TryGetProperty("body", out _));
    }
}
