using MassTransit;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Incidents;
using Support.Contracts.Missing;
using Support.Contracts.Referrals;
using Support.Contracts.Risk;
using Support.Messaging.Inbox;
using Support.Therapy.Data;
using Support.Therapy.Domain;

namespace Support.Therapy.Consumers;

/// <summary>
/// COM-03, COM-12: records the facts a message carries for commissioners' reports. The inbox absorbs a redelivery;
/// the (kind, source record) key absorbs the same record announced again as a new message.
/// </summary>
public abstract class CommissioningFactConsumer<TMessage>(TherapyDbContext db, TimeProvider clock, ILogger logger)
    : IdempotentConsumer<TMessage, TherapyDbContext>(db, clock, logger)
    where TMessage : class
{
    protected abstract IEnumerable<CommissioningFact> FactsOf(TMessage message);

    protected override async Task HandleAsync(ConsumeContext<TMessage> context)
    {
        foreach (var fact in FactsOf(context.Message))
        {
            if (await Db.CommissioningFacts.AnyAsync(f => f.Kind == fact.Kind && f.SourceId == fact.SourceId, context.CancellationToken))
            {
                continue;
            }
            Db.CommissioningFacts.Add(fact);
            if (fact.IsTrigger)
            {
                await CommissioningCounts.CountTriggerAsync(Db, fact, context.CancellationToken);
            }
        }
    }
}

/// <summary>COM-06, COM-07, COM-12: demand at the front door; COM-03: the trigger flags a referral carries.</summary>
[InboxName("commissioning.referral-received")]
public sealed class ReferralDemandConsumer(TherapyDbContext db, TimeProvider clock, ILogger<ReferralDemandConsumer> logger)
    : CommissioningFactConsumer<ReferralReceived>(db, clock, logger)
{
    protected override async Task HandleAsync(ConsumeContext<ReferralReceived> context)
    {
        var m = context.Message;
        await CommissioningCounts.LockReferralAsync(Db, m.ReferralId, context.CancellationToken);
        if (!await Db.ReferralDemand.AnyAsync(r => r.ReferralId == m.ReferralId, context.CancellationToken))
        {
            var demand = ReferralDemand.From(m);
            Db.ReferralDemand.Add(demand);
            // A reclassification that arrived first decides the type it is counted under (REF-02).
            var latest = await Db.ReferralReclassifications.Where(c => c.ReferralId == m.ReferralId).OrderByDescending(c => c.OccurredAt)
                .Select(c => (CseType?)c.ToCseType).FirstOrDefaultAsync(context.CancellationToken);
            await CommissioningCounts.CountReferralAsync(Db, demand, latest ?? demand.ReceivedCseType, 1, context.CancellationToken);
        }
        await base.HandleAsync(context);
    }

    protected override IEnumerable<CommissioningFact> FactsOf(ReferralReceived m)
    {
        foreach (var flag in CommissioningFact.FlagsIn(m.Indicators, m.ReferralId, m.YoungPersonId, m.OccurredAt, m.OccurredAt))
        {
            yield return flag;
        }
        if (m.Indicators.Contains(RiskIndicator.Pregnancy) && m.AgeOnConcernDate < 16)
        {
            yield return CommissioningFact.Of(CommissioningFactKind.Under16PregnancyFlag, m.ReferralId, m.YoungPersonId, m.OccurredAt, m.OccurredAt);
        }
    }
}

/// <summary>COM-07, COM-12: a reclassified referral is counted under its new type (REF-02); the original stays recorded.</summary>
[InboxName("commissioning.referral-reclassified")]
public sealed class ReferralReclassificationConsumer(TherapyDbContext db, TimeProvider clock, ILogger<ReferralReclassificationConsumer> logger)
    : IdempotentConsumer<ReferralReclassified, TherapyDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ConsumeContext<ReferralReclassified> context)
    {
        var m = context.Message;
        await CommissioningCounts.LockReferralAsync(Db, m.ReferralId, context.CancellationToken);
        var earlier = await Db.ReferralReclassifications.Where(c => c.ReferralId == m.ReferralId).OrderByDescending(c => c.OccurredAt)
            .FirstOrDefaultAsync(context.CancellationToken);
        if (earlier is not null && earlier.OccurredAt >= m.OccurredAt)
        {
            // The same reclassification again, or an older one arriving late: kept if new, but the latest type stands.
            if (!await Db.ReferralReclassifications.AnyAsync(c => c.ReferralId == m.ReferralId && c.OccurredAt == m.OccurredAt, context.CancellationToken))
            {
                Db.ReferralReclassifications.Add(ReferralReclassification.From(m));
            }
            return;
        }
        Db.ReferralReclassifications.Add(ReferralReclassification.From(m));
        // The referral moves from the type it was counted under to the new one; one not yet arrived is counted under it when it does.
        var referral = await Db.ReferralDemand.AsNoTracking().SingleOrDefaultAsync(r => r.ReferralId == m.ReferralId, context.CancellationToken);
        var counted = earlier?.ToCseType ?? referral?.ReceivedCseType;
        if (referral is not null && counted != m.ToCseType)
        {
            await CommissioningCounts.CountReferralAsync(Db, referral, counted!.Value, -1, context.CancellationToken);
            await CommissioningCounts.CountReferralAsync(Db, referral, m.ToCseType, 1, context.CancellationToken);
        }
    }
}

/// <summary>COM-03: missing episodes, counted from when the young person was last seen.</summary>
[InboxName("commissioning.missing-episode-reported")]
public sealed class MissingEpisodeFactConsumer(TherapyDbContext db, TimeProvider clock, ILogger<MissingEpisodeFactConsumer> logger)
    : CommissioningFactConsumer<MissingEpisodeReported>(db, clock, logger)
{
    protected override IEnumerable<CommissioningFact> FactsOf(MissingEpisodeReported m) =>
        [CommissioningFact.Of(CommissioningFactKind.MissingEpisode, m.EpisodeId, m.YoungPersonId, m.LastSeenAt, m.OccurredAt)];
}

/// <summary>COM-03: a return made a return-home interview due (MIS-02).</summary>
[InboxName("commissioning.young-person-returned")]
public sealed class ReturnInterviewDueFactConsumer(TherapyDbContext db, TimeProvider clock, ILogger<ReturnInterviewDueFactConsumer> logger)
    : CommissioningFactConsumer<YoungPersonReturned>(db, clock, logger)
{
    protected override IEnumerable<CommissioningFact> FactsOf(YoungPersonReturned m) =>
        [CommissioningFact.Of(CommissioningFactKind.ReturnInterviewDue, m.InterviewId, m.YoungPersonId, m.ReturnedAt, m.OccurredAt)];
}

/// <summary>COM-03: a completed return-home interview, and the trigger flags its findings name.</summary>
[InboxName("commissioning.return-interview-completed")]
public sealed class ReturnInterviewCompletedFactConsumer(TherapyDbContext db, TimeProvider clock, ILogger<ReturnInterviewCompletedFactConsumer> logger)
    : CommissioningFactConsumer<ReturnInterviewCompleted>(db, clock, logger)
{
    protected override IEnumerable<CommissioningFact> FactsOf(ReturnInterviewCompleted m) =>
        [
            CommissioningFact.Of(CommissioningFactKind.ReturnInterviewCompleted, m.InterviewId, m.YoungPersonId, m.CompletedAt, m.OccurredAt),
            .. CommissioningFact.FlagsIn(m.Indicators, m.InterviewId, m.YoungPersonId, m.CompletedAt, m.OccurredAt),
        ];
}

/// <summary>COM-03: a return-home interview that did not take place is counted, never dropped (MIS-02).</summary>
[InboxName("commissioning.return-interview-not-held")]
public sealed class ReturnInterviewNotHeldFactConsumer(TherapyDbContext db, TimeProvider clock, ILogger<ReturnInterviewNotHeldFactConsumer> logger)
    : CommissioningFactConsumer<ReturnInterviewNotHeld>(db, clock, logger)
{
    protected override IEnumerable<CommissioningFact> FactsOf(ReturnInterviewNotHeld m) =>
        [CommissioningFact.Of(CommissioningFactKind.ReturnInterviewNotHeld, m.InterviewId, m.YoungPersonId, m.OccurredAt, m.OccurredAt)];
}

/// <summary>COM-03: the trigger flags a risk assessment or review names.</summary>
[InboxName("commissioning.risk-level-changed")]
public sealed class RiskAssessmentFlagConsumer(TherapyDbContext db, TimeProvider clock, ILogger<RiskAssessmentFlagConsumer> logger)
    : CommissioningFactConsumer<RiskLevelChanged>(db, clock, logger)
{
    protected override IEnumerable<CommissioningFact> FactsOf(RiskLevelChanged m) =>
        CommissioningFact.FlagsIn(m.Indicators, m.SourceId, m.YoungPersonId, m.OccurredAt, m.OccurredAt);
}

/// <summary>COM-12: critical incidents, beside CSE's share of referrals; counted from when the incident happened.</summary>
[InboxName("commissioning.critical-incident-raised")]
public sealed class CriticalIncidentFactConsumer(TherapyDbContext db, TimeProvider clock, ILogger<CriticalIncidentFactConsumer> logger)
    : CommissioningFactConsumer<CriticalIncidentRaised>(db, clock, logger)
{
    protected override IEnumerable<CommissioningFact> FactsOf(CriticalIncidentRaised m) =>
        [CommissioningFact.Of(CommissioningFactKind.CriticalIncident, m.IncidentId, m.YoungPersonId, m.IncidentAt, m.OccurredAt, m.Kind.ToString())];
}
