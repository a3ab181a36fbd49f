using System.Net.Http.Json;
using Support.ServiceDefaults.Auth;

namespace Support.SupportLine.Tests.Inbox;

/// <summary>SL-06: message text and phone numbers never reach the logs, whatever happens to a text.</summary>
public sealed class LogSafetyTests : SupportLineFixture
{
    [Fact]
    public async Task No_message_text_or_phone_number_appears_in_any_log_line()
    {
        var texter = NewMobile();
        var worker = NewMobile();
        await RegisterWorkerPhoneAsync(worker, "worker-log");
        Twilio.Blocked[texter] = true;
        const string secret = "Zephyrine told me about the flat on Wellgate";
        await TextAsync(texter, secret + " and he will kill me");
        await TextAsync(texter, secret + " again");
        await TextAsync(worker, "C Zephyrine 2100 Wellgate / " + secret);
        await TextAsync(worker, "C Zephyrine 9999 Wellgate / " + secret);
        await TextAsync(texter, "STOP");
        await DispatchAsync();
        await StatusAsync(NewSid(), "delivered");
        await Anonymous.PostAsync("/api/supportline/webhooks/twilio/sms", new FormUrlEncodedContent(InboundForm(texter, secret)));
        await ClientFor(Roles.TeamManager).PostAsJsonAsync("/api/supportline/worker-phones", new { phone = worker, workerUserId = "again" });

        Assert.NotEmpty(Logs.Lines);
        foreach (var needle in new[] { "Zephyrine", "Wellgate", texter, texter[1..], worker, worker[1..], texter[^6..] })
        {
            Assert.DoesNotContain(Logs.Lines, line => line.Contains(needle, StringComparison.OrdinalIgnoreCase));
        }
    }
}
