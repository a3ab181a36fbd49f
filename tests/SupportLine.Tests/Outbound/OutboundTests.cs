using System.Net;
using System.Net.Http.Json;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Support.Contracts.SupportLine;
using Support.ServiceDefaults.Auth;
using Support.SupportLine.Domain;
using Support.Testing;

namespace Support.SupportLine.Tests.Outbound;

/// <summary>Outbound texts through Twilio's REST API (the fake), opt-outs, retries and forward-only delivery states.</summary>
public sealed class OutboundTests : SupportLineFixture
{
    private async Task<(string Phone, Guid ConversationId)> ConversationAsync(string text = "hello")
    {
        var phone = NewMobile();
        await TextAsync(phone, text);
        await using var db = CreateDbContext();
        return (phone, (await db.Conversations.SingleAsync(c => c.Phone == phone)).Id);
    }

    [Fact]
    public async Task A_reply_is_sent_through_twilio_with_our_credentials_number_and_status_callback()
    {
        var (phone, id) = await ConversationAsync();
        var response = await ClientFor(Roles.SupportLineOperator).PostAsJsonAsync($"/api/supportline/conversations/{id}/replies", new { body = "Hi, you can talk to me." });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await DispatchAsync();

        var sent = Twilio.Messages.Where(m => m.To == phone).ToList();
        Assert.Equal(2, sent.Count); // the acknowledgement and the reply
        Assert.Contains(sent, m => m.Body == "Hi, you can talk to me." && m.From == LineNumber && m.StatusCallback == StatusUrl);
        await using var db = CreateDbContext();
        Assert.All(await db.OutboundMessages.Where(m => m.To == phone).ToListAsync(), m =>
        {
            Assert.Equal(DeliveryStatus.Queued, m.Status);
            Assert.StartsWith("SM", m.TwilioSid);
        });
    }

    [Fact]
    public async Task Stop_then_a_reply_attempt_sends_nothing_until_start()
    {
        var (phone, id) = await ConversationAsync();
        await TextAsync(phone, "STOP");
        await DispatchAsync();
        Assert.DoesNotContain(Twilio.Messages, m => m.To == phone); // even the queued acknowledgement is not sent

        var client = ClientFor(Roles.SupportLineOperator);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsJsonAsync($"/api/supportline/conversations/{id}/replies", new { body = "Are you ok?" })).StatusCode);
        await DispatchAsync();
        Assert.DoesNotContain(Twilio.Messages, m => m.To == phone);

        await TextAsync(phone, "start");
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/supportline/conversations/{id}/replies", new { body = "Are you ok?" })).StatusCode);
        await DispatchAsync();
        Assert.Single(Twilio.Messages, m => m.To == phone);
    }

    [Fact]
    public async Task Twilio_error_21610_marks_the_number_opted_out_and_nothing_more_is_sent()
    {
        var phone = NewMobile();
        Twilio.Blocked[phone] = true;
        await TextAsync(phone, "hello");
        await DispatchAsync();
        await using var db = CreateDbContext();
        Assert.True(await db.OptOuts.AnyAsync(o => o.Phone == phone));
        var attempt = await db.OutboundMessages.SingleAsync(m => m.To == phone);
        Assert.Equal(DeliveryStatus.Blocked, attempt.Status);
        Assert.Equal(21610, attempt.ErrorCode);
    }

    [Fact]
    public async Task A_throttled_send_is_retried_with_backoff_and_sent_once()
    {
        Twilio.ThrottleNext(2);
        var (phone, _) = await ConversationAsync();
        await DispatchAsync();
        Assert.Equal(2, Twilio.Throttled);
        Assert.Single(Twilio.Messages, m => m.To == phone);
    }

    [Fact]
    public async Task Delivery_callbacks_for_one_text_arriving_at_the_same_moment_never_move_it_back()
    {
        var sids = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            var (phone, _) = await ConversationAsync();
            await DispatchAsync();
            sids.Add(Twilio.Messages.Single(m => m.To == phone).Sid);
        }

        // Whichever commits last, "delivered" must stand (a stale "sent" read once overwrote it).
        await Task.WhenAll(sids.SelectMany(sid => new[] { base.StatusAsync(sid, "sending"), base.StatusAsync(sid, "delivered"), base.StatusAsync(sid, "sent") }));

        await using var db = CreateDbContext();
        var statuses = await db.OutboundMessages.Where(m => sids.Contains(m.TwilioSid!)).Select(m => m.Status).ToListAsync();
        Assert.Equal(sids.Count, statuses.Count);
        Assert.All(statuses, status => Assert.Equal(DeliveryStatus.Delivered, status));
    }

    [Fact]
    public async Task Status_callbacks_only_move_the_delivery_state_forward()
    {
        var (phone, _) = await ConversationAsync();
        await DispatchAsync();
        var sid = Twilio.Messages.Single(m => m.To == phone).Sid;

        async Task<DeliveryStatus> StatusAsync()
        {
            await using var db = CreateDbContext();
            return (await db.OutboundMessages.SingleAsync(m => m.TwilioSid == sid)).Status;
        }

        Assert.Equal(HttpStatusCode.OK, (await base.StatusAsync(sid, "sent")).StatusCode);
        Assert.Equal(DeliveryStatus.Sent, await StatusAsync());
        await base.StatusAsync(sid, "delivered");
        Assert.Equal(DeliveryStatus.Delivered, await StatusAsync());
        // Late and out of order: never back.
        await base.StatusAsync(sid, "sent");
        await base.StatusAsync(sid, "queued");
        await base.StatusAsync(sid, "undelivered", "30003");
        Assert.Equal(DeliveryStatus.Delivered, await StatusAsync());
    }

    [Fact]
    public async Task A_status_callback_for_an_unknown_sid_is_accepted_and_ignored_and_an_unsigned_one_refused()
    {
        var response = await StatusAsync(NewSid(), "delivered");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<Response", await response.Content.ReadAsStringAsync());

        var unsigned = new HttpRequestMessage(HttpMethod.Post, "/api/supportline/webhooks/twilio/status")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["MessageSid"] = NewSid(), ["MessageStatus"] = "delivered" }),
        };
        Assert.Equal(HttpStatusCode.Forbidden, (await Anonymous.SendAsync(unsigned)).StatusCode);
    }

    [Fact]
    public async Task A_reply_that_is_not_plain_short_or_discreet_is_refused_naming_the_body()
    {
        var (_, id) = await ConversationAsync();
        var client = ClientFor(Roles.SupportLineOperator);
        foreach (var body in new[] { "ok \U0001F44D", new string('a', 307), $"This is {ServiceName}" })
        {
            var response = await client.PostAsJsonAsync($"/api/supportline/conversations/{id}/replies", new { body });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Contains("\"body\"", await response.Content.ReadAsStringAsync());
        }
        var unknownField = await client.PostAsJsonAsync($"/api/supportline/conversations/{id}/replies", new { body = "hi", to = "+447700900001" });
        Assert.Equal(HttpStatusCode.BadRequest, unknownField.StatusCode);
    }

    [Fact]
    public async Task Send_sms_texts_only_a_confirmed_number_or_one_with_a_safety_decision()
    {
        var id = await KnownYoungPersonAsync();
        var phone = NewMobile();
        await ClientFor(Roles.OutreachWorker).PostAsJsonAsync($"/api/supportline/young-people/{id}/phones", new { phone, confirmed = false });
        var harness = Host.Services.GetRequiredService<ITestHarness>();

        var first = new SendSms { CommandId = Guid.NewGuid(), YoungPersonId = id, Body = "Your appointment is on Monday at 4pm.", RequestedBy = "service:missing", OccurredAt = Now };
        var firstMessageId = Guid.NewGuid();
        await harness.Bus.PublishAsync(first, firstMessageId);
        // Handled (its inbox row is written in the same transaction as any effect), and nothing was queued.
        await Support.Testing.Eventually.TrueAsync(async () =>
        {
            await using var db = CreateDbContext();
            return await db.Set<Support.Messaging.Inbox.InboxMessage>().AnyAsync(m => m.MessageId == firstMessageId);
        }, because: "the SendSms command to be handled");
        await using (var db = CreateDbContext())
        {
            Assert.False(await db.OutboundMessages.AnyAsync(m => m.To == phone));
        }

        var decision = await ClientFor(Roles.TeamManager, "duty-manager").PostAsJsonAsync($"/api/supportline/young-people/{id}/phones/safety-decision",
            new { phone, rationale = "Confirmed with the young person face to face that this phone is hers and safe." });
        Assert.Equal(HttpStatusCode.NoContent, decision.StatusCode);
        var second = first with { CommandId = Guid.NewGuid() };
        await harness.Bus.Publish(second);
        await Support.Testing.Eventually.TrueAsync(async () =>
        {
            await using var db = CreateDbContext();
            return await db.OutboundMessages.AnyAsync(m => m.To == phone && m.CommandId == second.CommandId);
        }, because: "the SendSms command queues a text once a safety decision is recorded");
    }
}
