using Support.Testing.Twilio;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.SupportLine;
using Support.ServiceDefaults.Auth;
using Support.SupportLine.Domain;

namespace Support.SupportLine.Tests.Webhooks;

/// <summary>The inbound webhook: only Twilio's signed requests are stored, once each, and bad input is never a 500.</summary>
public sealed class InboundWebhookTests : SupportLineFixture
{
    private const string Path = "/api/supportline/webhooks/twilio/sms";

    [Fact]
    public async Task A_signed_text_is_stored_in_a_new_anonymous_conversation_and_answered_with_twiml()
    {
        var from = NewMobile();
        var response = await TextAsync(from, "hi can i talk to someone");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<Response", await response.Content.ReadAsStringAsync());
        await using var db = CreateDbContext();
        var conversation = await db.Conversations.SingleAsync(c => c.Phone == from);
        Assert.Equal(ConversationKind.Anonymous, conversation.Kind);
        Assert.Equal(Now, conversation.AwaitingReplySince);
        var message = await db.InboundMessages.SingleAsync(m => m.From == from);
        Assert.Equal("hi can i talk to someone", message.Body);
        Assert.Equal(TriageCategory.RequestForHelp, message.Category);
        // The first text gets one discreet acknowledgement, queued for the REST API.
        var reply = await db.OutboundMessages.SingleAsync(m => m.To == from);
        Assert.Equal(OutboundKind.AutoReply, reply.Kind);
        Assert.DoesNotContain(ServiceName, reply.Body);
    }

    [Fact]
    public async Task A_number_written_without_the_country_code_is_stored_in_e164()
    {
        var response = await TextAsync("07700 900456", "hello");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = CreateDbContext();
        Assert.True(await db.Conversations.AnyAsync(c => c.Phone == "+447700900456"));
    }

    [Fact]
    public async Task The_same_message_sid_delivered_twice_is_stored_once()
    {
        var sid = NewSid();
        var from = NewMobile();
        Assert.Equal(HttpStatusCode.OK, (await TextAsync(from, "are you there", sid)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TextAsync(from, "are you there", sid)).StatusCode);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => TextAsync(from, "are you there", sid)));

        await using var db = CreateDbContext();
        Assert.Equal(1, await db.InboundMessages.CountAsync(m => m.TwilioSid == sid));
        Assert.Equal(1, await db.OutboundMessages.CountAsync(m => m.To == from));
    }

    [Fact]
    public async Task A_danger_text_redelivered_after_its_conversation_closed_opens_nothing_alerts_no_one_and_sends_nothing()
    {
        // However the redelivery is recognised (by the query first, or by the unique index when two race), nothing it
        // would otherwise open, raise or send may be kept: its conversation has closed, so it would start a new one.
        var sid = NewSid();
        var from = NewMobile();
        Assert.Equal(HttpStatusCode.OK, (await TextAsync(from, "they are coming to get me", sid)).StatusCode);
        await using (var db = CreateDbContext())
        {
            var id = (await db.Conversations.SingleAsync(c => c.Phone == from)).Id;
            var client = ClientFor(Roles.SupportLineOperator);
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/supportline/conversations/{id}/replies", new { body = "Are you safe right now?" })).StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/supportline/conversations/{id}/close", new { reason = "Police attended; safe with aunt" })).StatusCode);
        }
        var before = await CountsAsync(from);

        Assert.Equal(HttpStatusCode.OK, (await TextAsync(from, "they are coming to get me", sid)).StatusCode);

        Assert.Equal(before, await CountsAsync(from));
        Assert.Equal(1, before.Conversations);
        Assert.Equal(2, before.Alerts);
        Assert.Single(await OutboxAsync<SupportLineDangerAlertRaised>(a => a.ConversationId == before.ConversationId));
    }

    private async Task<(int Conversations, int Messages, int Alerts, int Outbound, Guid ConversationId)> CountsAsync(string from)
    {
        await using var db = CreateDbContext();
        var conversations = await db.Conversations.Where(c => c.Phone == from).Select(c => c.Id).ToListAsync();
        return (conversations.Count, await db.InboundMessages.CountAsync(m => m.From == from),
            await db.Alerts.CountAsync(a => conversations.Contains(a.ConversationId)), await db.OutboundMessages.CountAsync(m => m.To == from),
            conversations.Single());
    }

    [Fact]
    public async Task An_unsigned_request_is_refused_and_nothing_is_stored()
    {
        var before = await StoredInboundCountAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new FormUrlEncodedContent(InboundForm(NewMobile(), "hello")) };
        var response = await Anonymous.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await StoredInboundCountAsync());
    }

    [Fact]
    public async Task A_forged_or_altered_request_is_refused_and_nothing_is_stored()
    {
        var before = await StoredInboundCountAsync();
        var form = InboundForm(NewMobile(), "hello");
        var signature = TwilioSigner.Sign(AuthToken, InboundUrl, form);
        form["Body"] = "hello there";
        Assert.Equal(HttpStatusCode.Forbidden, (await Anonymous.SendAsync(TwilioSigner.Request(Path, AuthToken, InboundUrl, form, signature))).StatusCode);
        // Signed with another account's token.
        Assert.Equal(HttpStatusCode.Forbidden, (await Anonymous.SendAsync(TwilioSigner.Request(Path, "not-our-token", InboundUrl, form))).StatusCode);
        // Signed for another URL (the internal host name is not what Twilio called).
        Assert.Equal(HttpStatusCode.Forbidden, (await Anonymous.SendAsync(TwilioSigner.Request(Path, AuthToken, "http://localhost:8086" + Path, form))).StatusCode);
        Assert.Equal(before, await StoredInboundCountAsync());
    }

    [Fact]
    public async Task A_signature_over_the_url_with_the_default_port_is_accepted()
    {
        var form = InboundForm(NewMobile(), "hello");
        var response = await Anonymous.SendAsync(TwilioSigner.Request(Path, AuthToken, InboundUrl.Replace("example.org/", "example.org:443/"), form));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_signed_request_from_another_account_is_refused()
    {
        var form = InboundForm(NewMobile(), "hello");
        form["AccountSid"] = "AC" + new string('f', 32);
        Assert.Equal(HttpStatusCode.Forbidden, (await Anonymous.SendAsync(TwilioSigner.Request(Path, AuthToken, InboundUrl, form))).StatusCode);
    }

    [Fact]
    public async Task Oversized_bodies_get_413_malformed_and_non_form_bodies_get_400_and_nothing_is_stored()
    {
        var before = await StoredInboundCountAsync();
        var big = InboundForm(NewMobile(), new string('a', 70 * 1024));
        // Over the route's 64 KB limit: refused by its Content-Length before anything reads it (issue 17).
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await Anonymous.SendAsync(TwilioSigner.Request(Path, AuthToken, InboundUrl, big))).StatusCode);

        var json = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new StringContent("{\"Body\":\"hi\"}", Encoding.UTF8, "application/json") };
        json.Headers.Add("X-Twilio-Signature", "RSOYDt4T1cUTdK1PDd93/VVr8B8=");
        Assert.Equal(HttpStatusCode.BadRequest, (await Anonymous.SendAsync(json)).StatusCode);

        var invalidUtf8 = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new ByteArrayContent([0x42, 0x6f, 0x64, 0x79, 0x3d, 0xff, 0xfe]) };
        invalidUtf8.Content.Headers.ContentType = new("application/x-www-form-urlencoded");
        invalidUtf8.Headers.Add("X-Twilio-Signature", "x");
        Assert.Equal(HttpStatusCode.BadRequest, (await Anonymous.SendAsync(invalidUtf8)).StatusCode);

        // Correctly signed but not an SMS: no MessageSid, no From.
        var missing = InboundForm(NewMobile(), "hi");
        missing.Remove("MessageSid");
        missing.Remove("SmsMessageSid");
        Assert.Equal(HttpStatusCode.BadRequest, (await Anonymous.SendAsync(TwilioSigner.Request(Path, AuthToken, InboundUrl, missing))).StatusCode);
        var badFrom = InboundForm("not a number", "hi");
        Assert.Equal(HttpStatusCode.BadRequest, (await Anonymous.SendAsync(TwilioSigner.Request(Path, AuthToken, InboundUrl, badFrom))).StatusCode);

        var empty = new HttpRequestMessage(HttpMethod.Post, Path);
        Assert.Equal(HttpStatusCode.BadRequest, (await Anonymous.SendAsync(empty)).StatusCode);
        Assert.Equal(before, await StoredInboundCountAsync());
    }

    [Fact]
    public async Task New_fields_twilio_adds_are_signed_over_and_accepted()
    {
        var response = await TextAsync(NewMobile(), "hello", extra: new Dictionary<string, string> { ["SomeFieldTwilioAddsLater"] = "x y" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_second_text_joins_the_open_conversation_without_a_second_acknowledgement()
    {
        var from = NewMobile();
        await TextAsync(from, "hello");
        await TextAsync(from, "is anyone there");
        await using var db = CreateDbContext();
        var conversation = await db.Conversations.SingleAsync(c => c.Phone == from);
        Assert.Equal(2, await db.InboundMessages.CountAsync(m => m.ConversationId == conversation.Id));
        Assert.Equal(1, await db.OutboundMessages.CountAsync(m => m.To == from));
        Assert.Empty(await OutboxAsync<SupportLineDangerAlertRaised>(e => e.ConversationId == conversation.Id));
    }
}
