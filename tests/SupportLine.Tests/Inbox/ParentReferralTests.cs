using System.Net;
using System.Net.Http.Json;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Support.Contracts.Referrals;
using Support.ServiceDefaults.Auth;
using Support.SupportLine.Features.Conversations;
using Support.Testing;

namespace Support.SupportLine.Tests.Inbox;

/// <summary>
/// SL-09: a parent's or carer's report, referred by the duty worker at the front door, shows on the conversation it
/// came through, with its deadline and then the front door's decision; other referrals leave the line untouched.
/// </summary>
public sealed class ParentReferralTests : SupportLineFixture
{
    private async Task<Guid> ParentConversationAsync()
    {
        var parent = NewMobile();
        Assert.Equal(HttpStatusCode.Created, (await ClientFor(Roles.TeamManager).PostAsJsonAsync("/api/supportline/carer-phones", new { phone = parent })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TextAsync(parent, "My daughter is 13 and keeps getting into a taxi with older men after school.")).StatusCode);
        await using var db = CreateDbContext();
        return (await db.Conversations.SingleAsync(c => c.Phone == parent)).Id;
    }

    private ReferralReceived Received(Guid? conversationId) => new()
    {
        ReferralId = Guid.NewGuid(), YoungPersonId = Guid.NewGuid(), ReferrerRole = ReferrerRole.Parent, CseType = CseType.StreetGrooming,
        Indicators = [], Priority = ReferralPriority.Urgent, DecisionDueAt = Now.AddDays(1), IsReReferral = false,
        SupportLineConversationId = conversationId, RecordedBy = "duty-sw", RecordedByRole = Roles.SupportLineOperator, OccurredAt = Now,
    };

    private async Task HandledAsync(Guid messageId) => await Eventually.TrueAsync(async () =>
    {
        await using var db = CreateDbContext();
        return await db.Set<Support.Messaging.Inbox.InboxMessage>().AnyAsync(m => m.MessageId == messageId);
    }, because: "the event to be handled");

    private async Task<ConversationView> ReadAsync(Guid conversationId)
    {
        using var response = await ClientFor(Roles.SupportLineOperator, "duty-sw").GetAsync($"/api/supportline/conversations/{conversationId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadAsync<ConversationView>();
    }

    [Fact]
    public async Task A_referral_made_from_a_parents_conversation_shows_on_it_with_its_deadline_and_then_its_decision()
    {
        var conversationId = await ParentConversationAsync();
        var bus = Host.Services.GetRequiredService<ITestHarness>().Bus;
        var received = Received(conversationId);
        var receivedId = Guid.NewGuid();

        await bus.PublishAsync(received, receivedId);
        // A redelivery is absorbed by the inbox: one referral on the conversation.
        await bus.PublishAsync(received, receivedId);
        await HandledAsync(receivedId);

        var shown = Assert.Single((await ReadAsync(conversationId)).Referrals);
        Assert.Equal((received.ReferralId, received.YoungPersonId, ReferralPriority.Urgent, "duty-sw"),
            (shown.ReferralId, shown.YoungPersonId, shown.Priority, shown.ReferredBy));
        Assert.Equal(received.DecisionDueAt, shown.DecisionDue.Utc);
        Assert.Null(shown.Outcome);

        var decidedId = Guid.NewGuid();
        await bus.PublishAsync(new ReferralDecided
        {
            ReferralId = received.ReferralId, YoungPersonId = received.YoungPersonId, Outcome = ReferralOutcome.S47Enquiry, DecidedLate = false,
            RecordedBy = "front-door-manager", RecordedByRole = Roles.TeamManager, OccurredAt = Now.AddHours(3),
        }, decidedId);
        await HandledAsync(decidedId);

        var decided = Assert.Single((await ReadAsync(conversationId)).Referrals);
        Assert.Equal((ReferralOutcome.S47Enquiry, false), (decided.Outcome, decided.DecidedLate));
        Assert.Equal(Now.AddHours(3), decided.DecidedAt!.Value.Utc);
    }

    [Fact]
    public async Task A_referral_from_elsewhere_or_naming_an_unknown_conversation_is_shown_on_no_conversation()
    {
        var conversationId = await ParentConversationAsync();
        var bus = Host.Services.GetRequiredService<ITestHarness>().Bus;
        var elsewhere = Guid.NewGuid();
        var unknown = Guid.NewGuid();

        await bus.PublishAsync(Received(null), elsewhere);
        await bus.PublishAsync(Received(Guid.NewGuid()), unknown);
        await HandledAsync(elsewhere);
        await HandledAsync(unknown);

        Assert.Empty((await ReadAsync(conversationId)).Referrals);
        await using var db = CreateDbContext();
        Assert.Equal(0, await db.ConversationReferrals.CountAsync());
    }
}
