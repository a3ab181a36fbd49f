using System.Collections.Concurrent;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Support.Contracts.Referrals;
using Support.Contracts.Risk;
using Support.Referrals.Consumers;
using Support.Testing;

namespace Support.Referrals.Tests;

/// <summary>REF-10, REF-28: a decision of S47Enquiry starts the pathway, exactly once per referral (MassTransit's harness).</summary>
public sealed class StartS47PathwayOnReferralDecidedTests(ReferralsFixture fixture) : IClassFixture<ReferralsFixture>
{
    private static readonly int ConsumersOfTheEvent = typeof(StartS47PathwayOnReferralDecided).Assembly.GetTypes()
        .Count(t => t is { IsClass: true, IsAbstract: false } && typeof(IConsumer<ReferralDecided>).IsAssignableFrom(t));

    private ITestHarness Harness => fixture.Host.Services.GetRequiredService<ITestHarness>();

    private static ReferralDecided Decision(Guid youngPersonId, DateTimeOffset at, ReferralOutcome outcome = ReferralOutcome.S47Enquiry, Guid? referralId = null) => new()
    {
        ReferralId = referralId ?? Guid.NewGuid(), YoungPersonId = youngPersonId, Outcome = outcome, DecidedLate = false,
        RecordedBy = "tm-front-door", RecordedByRole = "TeamManager", OccurredAt = at,
    };

    private async Task DeliverAsync(ReferralDecided decision, Guid messageId)
    {
        var observer = new ConsumedCounter();
        var handle = Harness.Bus.ConnectConsumeMessageObserver(observer);
        try
        {
            await Harness.Bus.Publish(decision, context => context.MessageId = messageId);
            // Every consumer of the event (this one, the case opener, the chronology) sees each delivery; wait for all,
            // so the assertions never run while the pathway's consumer is still at work.
            await Eventually.TrueAsync(() => Task.FromResult(observer.Done >= ConsumersOfTheEvent), because: "the decision to be consumed");
            Assert.True(observer.Faults.IsEmpty, string.Join("; ", observer.Faults));
        }
        finally
        {
            handle.Disconnect();
        }
    }

    /// <summary>Counts every delivery, redeliveries included (the harness's own lists keep one entry per MessageId).</summary>
    private sealed class ConsumedCounter : IConsumeMessageObserver<ReferralDecided>
    {
        private int _done;

        public int Done => Volatile.Read(ref _done);

        public ConcurrentQueue<Exception> Faults { get; } = new();

        public Task PreConsume(ConsumeContext<ReferralDecided> context) => Task.CompletedTask;

        public Task PostConsume(ConsumeContext<ReferralDecided> context)
        {
            Interlocked.Increment(ref _done);
            return Task.CompletedTask;
        }

        public Task ConsumeFault(ConsumeContext<ReferralDecided> context, Exception exception)
        {
            Faults.Enqueue(exception);
            Interlocked.Increment(ref _done);
            return Task.CompletedTask;
        }
    }

    private async Task<List<Support.Referrals.Domain.S47.S47Pathway>> PathwaysAsync(Guid youngPersonId)
    {
        await using var db = fixture.CreateDbContext();
        return await db.S47Pathways.Include(p => p.Transitions).Where(p => p.YoungPersonId == youngPersonId).ToListAsync();
    }

    [Fact]
    public async Task A_decision_of_s47_enquiry_starts_one_pathway_however_often_it_is_delivered()
    {
        var child = Guid.NewGuid();
        var decision = Decision(child, fixture.Clock.GetUtcNow().AddMinutes(-10));
        var messageId = Guid.NewGuid();

        await DeliverAsync(decision, messageId);
        await DeliverAsync(decision, messageId);         // redelivery: the inbox absorbs it
        await DeliverAsync(decision, Guid.NewGuid());    // the same decision sent again as a new message: the referral absorbs it

        var pathway = Assert.Single(await PathwaysAsync(child));
        Assert.Equal(decision.ReferralId, pathway.ReferralId);
        Assert.Equal(S47Stage.ReasonableCause, pathway.Stage);
        Assert.Equal(decision.OccurredAt, pathway.ReasonableCauseAt);
        Assert.Equal(StartS47PathwayOnReferralDecided.Recorder, pathway.RecordedBy);
        Assert.Single(pathway.Transitions);
        Assert.Single(await fixture.OutboxAsync<S47StageReached>(m => m.YoungPersonId == child));
    }

    [Fact]
    public async Task Other_outcomes_start_no_pathway()
    {
        var child = Guid.NewGuid();

        await DeliverAsync(Decision(child, fixture.Clock.GetUtcNow(), ReferralOutcome.ChildInNeedAssessment), Guid.NewGuid());
        await DeliverAsync(Decision(child, fixture.Clock.GetUtcNow(), ReferralOutcome.NoFurtherAction), Guid.NewGuid());

        Assert.Empty(await PathwaysAsync(child));
    }

    [Fact]
    public async Task A_very_high_risk_decision_on_friday_night_before_a_bank_holiday_monday_is_due_at_2am_saturday_not_tuesday()
    {
        var veryHigh = Guid.NewGuid();
        var ordinary = Guid.NewGuid();
        await fixture.SetCurrentRiskAsync(veryHigh, RiskLevel.VeryHigh);
        // Friday 28 August 2026, 22:00 BST; Monday 31 August is the summer bank holiday.
        var fridayNight = new DateTimeOffset(2026, 8, 28, 22, 0, 0, TimeSpan.FromHours(1));

        await DeliverAsync(Decision(veryHigh, fridayNight), Guid.NewGuid());
        await DeliverAsync(Decision(ordinary, fridayNight), Guid.NewGuid());

        var urgent = Assert.Single(await PathwaysAsync(veryHigh));
        Assert.True(urgent.VeryHigh);
        Assert.Equal(new DateTimeOffset(2026, 8, 29, 2, 0, 0, TimeSpan.FromHours(1)), urgent.DueAt);
        var standard = Assert.Single(await PathwaysAsync(ordinary));
        Assert.False(standard.VeryHigh);
        Assert.Equal(new DateTimeOffset(2026, 9, 1, 22, 0, 0, TimeSpan.FromHours(1)), standard.DueAt);
    }
}
