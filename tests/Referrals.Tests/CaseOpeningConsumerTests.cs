using MassTransit;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Cases;
using Support.Contracts.Referrals;
using Support.Messaging;
using Support.Messaging.Outbox;
using Support.Referrals.Consumers;
using Support.Referrals.Domain.Cases;
using Support.Testing;

namespace Support.Referrals.Tests;

/// <summary>
/// REF-06 over the real broker: a front-door decision opens a case automatically, exactly once per referral, however
/// often it is delivered. (The intake feature that publishes the decision is built elsewhere; here the test publishes it.)
/// </summary>
[Collection(RealBusCollection.Name)]
public sealed class CaseOpeningConsumerTests() : RealBusReferralsTests("referrals-cases-bus")
{
    private const string Queue = "referrals-open-case-on-referral-decided";
    private static ReferralDecided Decided(Guid referralId, Guid youngPersonId, ReferralOutcome outcome) => new()
    {
        ReferralId = referralId, YoungPersonId = youngPersonId, Outcome = outcome, DecidedLate = false,
        RecordedBy = "tm-front-door", RecordedByRole = "TeamManager", OccurredAt = new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero),
    };

    private async Task<List<Case>> CasesOfAsync(Guid youngPersonId)
    {
        await using var db = CreateDbContext();
        return await db.Set<Case>().AsNoTracking().Where(c => c.YoungPersonId == youngPersonId).ToListAsync();
    }

    private Task<List<Case>> WaitForCasesAsync(Guid youngPersonId) =>
        Eventually.GetAsync(async () => await CasesOfAsync(youngPersonId) is { Count: > 0 } list ? list : null, because: "a case to open");

    private readonly Dictionary<Guid, int> _published = [];

    private async Task PublishAsync(ReferralDecided message, Guid messageId)
    {
        await Bus.PublishAsync(message, messageId);
        _published[messageId] = _published.GetValueOrDefault(messageId) + 1;
    }

    /// <summary>Waits until every delivery this test published has been consumed from the queue: nothing more can change.</summary>
    private async Task AllConsumedAsync()
    {
        foreach (var (messageId, deliveries) in _published)
        {
            await Consumed.WaitForAsync(Queue, messageId, deliveries);
        }
    }

    [Fact]
    public async Task A_decision_to_open_a_CSE_case_opens_one_case_even_when_delivered_twice_or_sent_again()
    {
        var person = Guid.NewGuid();
        var referral = Guid.NewGuid();
        var message = Decided(referral, person, ReferralOutcome.CseCaseOpened);
        var messageId = Guid.NewGuid();

        await PublishAsync(message, messageId);
        await PublishAsync(message, messageId);        // redelivery: the inbox absorbs it
        await PublishAsync(message, Guid.NewGuid());   // the same decision as a new message: the referral key absorbs it
        await WaitForCasesAsync(person);
        await AllConsumedAsync();

        var @case = Assert.Single(await CasesOfAsync(person));
        Assert.Equal((referral, "CSE", "CseCaseOpened", AllocationCriteria.Current), (@case.ReferralId, @case.LeadTeam, @case.AllocationCriterion, @case.CriteriaVersion));
        Assert.Equal(message.OccurredAt, @case.OpenedAt);
        Assert.Equal(OpenCaseOnReferralDecided.SystemAuthor, @case.RecordedBy);
        await using var db = CreateDbContext();
        var urn = MessageTypeRegistry.UrnOf(typeof(CaseOpened));
        var opened = (await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.MessageType == urn).ToListAsync())
            .Select(m => System.Text.Json.JsonSerializer.Deserialize<CaseOpened>(m.Payload, MessagingJson.Options)!)
            .Where(m => m.YoungPersonId == person);
        Assert.Equal(referral, Assert.Single(opened).ReferralId);
    }

    [Fact]
    public async Task S47_and_child_in_need_decisions_open_cases_with_the_team_of_the_current_criteria_and_other_decisions_open_none()
    {
        var s47 = Guid.NewGuid();
        var childInNeed = Guid.NewGuid();
        var noFurtherAction = Guid.NewGuid();
        var signposted = Guid.NewGuid();

        await PublishAsync(Decided(Guid.NewGuid(), s47, ReferralOutcome.S47Enquiry), Guid.NewGuid());
        await PublishAsync(Decided(Guid.NewGuid(), childInNeed, ReferralOutcome.ChildInNeedAssessment), Guid.NewGuid());
        await PublishAsync(Decided(Guid.NewGuid(), noFurtherAction, ReferralOutcome.NoFurtherAction), Guid.NewGuid());
        await PublishAsync(Decided(Guid.NewGuid(), signposted, ReferralOutcome.SignpostedToOutreach), Guid.NewGuid());
        await AllConsumedAsync();

        var s47Case = Assert.Single(await CasesOfAsync(s47));
        Assert.Equal(("CSE", "S47EnquiryCse"), (s47Case.LeadTeam, s47Case.AllocationCriterion));
        var cinCase = Assert.Single(await CasesOfAsync(childInNeed));
        Assert.Equal(("Assessment", "ChildInNeedAssessment"), (cinCase.LeadTeam, cinCase.AllocationCriterion));
        Assert.Empty(await CasesOfAsync(noFurtherAction));
        Assert.Empty(await CasesOfAsync(signposted));
    }

    [Fact]
    public async Task A_second_referral_for_a_young_person_with_an_open_case_opens_no_second_case()
    {
        var person = Guid.NewGuid();
        await PublishAsync(Decided(Guid.NewGuid(), person, ReferralOutcome.CseCaseOpened), Guid.NewGuid());
        await WaitForCasesAsync(person);

        await PublishAsync(Decided(Guid.NewGuid(), person, ReferralOutcome.S47Enquiry), Guid.NewGuid());
        await AllConsumedAsync();

        Assert.Single(await CasesOfAsync(person));
    }
}
