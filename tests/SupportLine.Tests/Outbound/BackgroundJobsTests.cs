using Microsoft.EntityFrameworkCore;
using Support.Contracts.SupportLine;
using Support.SupportLine.Domain;
using Support.Testing;

namespace Support.SupportLine.Tests.Outbound;

/// <summary>
/// The other test classes run the dispatcher's and the escalation job's passes themselves. Here the two jobs run on
/// their own, on the shared job loop and the fixture's clock: nothing happens until the clock has passed the first-pass
/// delay after the start, then texts go out and unanswered conversations escalate without anyone calling a pass.
/// </summary>
public sealed class BackgroundJobsTests : SupportLineFixture
{
    protected override Task ConfigureAsync(IDictionary<string, string?> settings)
    {
        settings["Sms:JobsEnabled"] = "true";
        return Task.CompletedTask;
    }

    /// <summary>Moves the clock a second at a time until <paramref name="done"/> holds: each step fires the jobs' timers.</summary>
    private async Task AdvanceUntilAsync(Func<Task<bool>> done, string because)
    {
        await Eventually.TrueAsync(async () =>
        {
            if (await done())
            {
                return true;
            }
            Clock.Advance(TimeSpan.FromSeconds(1));
            return false;
        }, because: because);
    }

    [Fact]
    public async Task The_dispatcher_sends_a_stored_text_on_its_own_once_the_first_pass_delay_has_passed()
    {
        var phone = NewMobile();
        await TextAsync(phone, "hello");
        await using (var db = CreateDbContext())
        {
            // The host has started but the clock has not moved: the first pass waits for Jobs:FirstPassDelay.
            Assert.Equal(DeliveryStatus.Pending, (await db.OutboundMessages.SingleAsync(m => m.To == phone)).Status);
        }
        Assert.DoesNotContain(Twilio.Messages, m => m.To == phone);

        // The pass records the text as sent after Twilio has taken it, so the stored status is what to wait for.
        await AdvanceUntilAsync(async () =>
        {
            await using var db = CreateDbContext();
            return (await db.OutboundMessages.SingleAsync(m => m.To == phone)).Status != DeliveryStatus.Pending;
        }, "the acknowledgement to leave without a pass being called");
        await using (var db = CreateDbContext())
        {
            Assert.NotNull((await db.OutboundMessages.SingleAsync(m => m.To == phone)).TwilioSid);
        }
        Assert.Single(Twilio.Messages, m => m.To == phone);
    }

    [Fact]
    public async Task The_escalation_job_escalates_an_unanswered_text_on_its_own()
    {
        var phone = NewMobile();
        await TextAsync(phone, "is anyone there");
        Guid id;
        await using (var db = CreateDbContext())
        {
            id = (await db.Conversations.SingleAsync(c => c.Phone == phone)).Id;
        }
        Clock.Advance(TimeSpan.FromMinutes(15));
        await AdvanceUntilAsync(async () => (await OutboxAsync<SupportLineMessageUnanswered>(e => e.ConversationId == id)).Count > 0,
            "the unanswered text to escalate without a pass being called");

        await using var after = CreateDbContext();
        Assert.Equal(1, await after.Alerts.CountAsync(a => a.ConversationId == id && a.Kind == AlertKind.UnansweredToDutyManager));
    }
}
