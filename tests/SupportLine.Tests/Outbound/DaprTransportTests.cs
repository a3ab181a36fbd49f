using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Support.ServiceDefaults.Auth;
using Support.SupportLine.Domain;
using Support.Testing;

namespace Support.SupportLine.Tests.Outbound;

/// <summary>
/// <c>Sms:Transport=dapr</c>: texts go to the Dapr Twilio output binding through Dapr.Client's gRPC call to a stand-in
/// sidecar, with its documented limits (no SID, so no status callback; coarse errors).
/// </summary>
public sealed class DaprTransportTests : SupportLineFixture
{
    private StandInDaprSidecar _sidecar = null!;

    protected override async Task ConfigureAsync(IDictionary<string, string?> settings)
    {
        _sidecar = await StandInDaprSidecar.StartAsync();
        settings["Sms:Transport"] = "dapr";
        settings["Sms:Dapr:Binding"] = "sms";
        settings["Sms:Dapr:GrpcEndpoint"] = _sidecar.GrpcEndpoint;
        settings["Sms:Dapr:HttpEndpoint"] = _sidecar.HttpEndpoint;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _sidecar.DisposeAsync();
    }

    private async Task<(string Phone, Guid ConversationId)> ConversationAsync()
    {
        var phone = NewMobile();
        await TextAsync(phone, "hello");
        await using var db = CreateDbContext();
        return (phone, (await db.Conversations.SingleAsync(c => c.Phone == phone)).Id);
    }

    [Fact]
    public async Task A_reply_goes_to_the_sms_binding_with_its_recipient_in_the_metadata_and_is_recorded_as_sent_without_a_sid()
    {
        var (phone, id) = await ConversationAsync();
        var response = await ClientFor(Roles.SupportLineOperator).PostAsJsonAsync($"/api/supportline/conversations/{id}/replies", new { body = "Hi, you can talk to me." });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await DispatchAsync();

        var calls = _sidecar.BindingCalls.Where(c => c.Metadata.GetValueOrDefault("toNumber") == phone).ToList();
        Assert.Equal(2, calls.Count); // the acknowledgement and the reply
        Assert.All(calls, c => Assert.Equal(("sms", "create"), (c.Name, c.Operation)));
        // The binding sends the data's bytes as the Body: the text itself, not a JSON string with its quotes.
        Assert.Contains(calls, c => c.Data == "Hi, you can talk to me.");
        Assert.Empty(Twilio.Messages);
        await using var db = CreateDbContext();
        Assert.All(await db.OutboundMessages.Where(m => m.To == phone).ToListAsync(), m =>
        {
            Assert.Equal(DeliveryStatus.Sent, m.Status);
            Assert.Null(m.TwilioSid);
        });
    }

    [Fact]
    public async Task An_unavailable_sidecar_is_retried_on_a_later_pass_and_a_refusing_binding_fails_the_text()
    {
        var (phone, _) = await ConversationAsync();
        _sidecar.BindingFailure = 14; // UNAVAILABLE
        await DispatchAsync();
        await using (var db = CreateDbContext())
        {
            var waiting = await db.OutboundMessages.SingleAsync(m => m.To == phone);
            Assert.Equal((DeliveryStatus.Pending, 1), (waiting.Status, waiting.Attempts));
        }

        _sidecar.BindingFailure = 2; // UNKNOWN: what daprd answers when Twilio refused
        await DispatchAsync();
        await using (var db = CreateDbContext())
        {
            Assert.Equal(DeliveryStatus.Failed, (await db.OutboundMessages.SingleAsync(m => m.To == phone)).Status);
        }
        _sidecar.BindingFailure = 0;
        await DispatchAsync();
        Assert.Equal(2, _sidecar.BindingCalls.Count(c => c.Metadata.GetValueOrDefault("toNumber") == phone));
    }
}
