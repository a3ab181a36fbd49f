using MassTransit;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Incidents;
using Support.Contracts.Missing;
using Support.Contracts.Referrals;
using Support.Contracts.Risk;
using Support.Messaging.Inbox;
using Support.ServiceDefaults.Time;
using Support.Therapy.Data;
using Support.Therapy.Domain;
using Support.Therapy.Features.Reports;

namespace Support.Therapy.Consumers;

/// <summary>
/// COM-03, COM-12: records the facts a message carries for commissioners' reports. The inbox absorbs a redelivery;
/// the (kind, source record) key absorbs the same record announced again as a new message.
/// </summary>
public abstract class CommissioningFactConsumer<TMessage>(TherapyDbContext db, TimeProvider clock, ILogger logger)
    : IdempotentConsumer<TMessage, TherapyDbContext>(db, clock, logger)
    where TMessage : class
{
    // COM-03's read model, kept in the same transaction as the fact (so a fact that fails to save counts nothing).
    private const string CountDay = $"INSERT INTO {TherapyDbContext.Schema}.trigger_day_counts (kind, day, records) VALUES ({{0}}, {{1}}, 1) "
        + "ON CONFLICT (kind, day) DO UPDATE SET records = trigger_day_counts.records + 1";
    private const string CountPerson = $"INSERT INTO {TherapyDbContext.Schema}.trigger_year_people (year_start, kind, young_person_id) VALUES ({{0}}, {{1}}, {{2}}) "
        + "ON CONFLICT DO NOTHING";
    private const string CountAnyPerson = $"INSERT INTO {TherapyDbContext.Schema}.trigger_year_any_people (year_start, young_person_id) VALUES ({{0}}, {{1}}) "
        + "ON CONFLICT DO NOTHING";

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
                var day = London.DateOf(fact.OccurredAt);
                var year = FinancialYear.Of(day).StartYear;
                var kind = fact.Kind.ToString();
                await Db.Database.ExecuteSqlRawAsync(CountDay, [kind, day], context.CancellationToken);
                await Db.Database.ExecuteSqlRawAsync(CountPerson, [year, kind, fact.YoungPersonId], context.CancellationToken);
                await Db.Database.ExecuteSqlRawAsync(CountAnyPerson, [year, fact.YoungPersonId], context.CancellationToken);
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
        if (!await Db.ReferralDemand.AnyAsync(r => r.ReferralId == m.ReferralId, context.CancellationToken))
        {
            Db.ReferralDemand.Add(ReferralDemand.From(m));
        }
        await base.HandleAsync(context);
    }

    protected override IEnumerable<CommissioningFact> FactsOf(ReferralReceived m)
    {
        foreach (var flag in CommissioningFact.FlagsIn(m.Indicators, m.ReferralId, m.YoungPersonId, m.OccurredAt))
        {
            yield return flag;
        }
        if (m.Indicators.Contains(RiskIndicator.Pregnancy) && m.AgeOnConcernDate < 16)
        {
            yield return CommissioningFact.Of(CommissioningFactKind.Under16PregnancyFlag, m.ReferralId, m.YoungPersonId, m.OccurredAt);
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
        if (!await Db.ReferralReclassifications.AnyAsync(r => r.ReferralId == m.ReferralId && r.OccurredAt == m.OccurredAt, context.CancellationToken))
        {
            Db.ReferralReclassifications.Add(ReferralReclassification.From(m));
        }
    }
}

/// <summary>COM-03: missing episodes, counted from when the young person was last seen.</summary>
[InboxName("commissioning.missing-episode-reported")]
public sealed class MissingEpisodeFactConsumer(TherapyDbContext db, TimeProvider clock, ILogger<MissingEpisodeFactConsumer> logger)
    : CommissioningFactConsumer<MissingEpisodeReported>(db, clock, logger)
{
    protected override IEnumerable<CommissioningFact> FactsOf(MissingEpisodeReported m) =>
        [CommissioningFact.Of(CommissioningFactKind.MissingEpisode, m.EpisodeId, m.YoungPersonId, m.LastSeenAt)];
}

/// <summary>COM-03: a return made a return-home interview due (MIS-02).</summary>
[InboxName("commissioning.young-person-returned")]
public sealed class ReturnInterviewDueFactConsumer(TherapyDbContext db, TimeProvider clock, ILogger<ReturnInterviewDueFactConsumer> logger)
    : CommissioningFactConsumer<YoungPersonReturned>(db, clock, logger)
{
    protected override IEnumerable<CommissioningFact> FactsOf(YoungPersonReturned m) =>
        [CommissioningFact.Of(CommissioningFactKind.ReturnInterviewDue, m.InterviewId, m.YoungPersonId, m.ReturnedAt)];
}

/// <summary>COM-03: a completed return-home interview, and the trigger flags its findings name.</summary>
[InboxName("commissioning.return-interview-completed")]
public sealed class ReturnInterviewCompletedFactConsumer(TherapyDbContext db, TimeProvider clock, ILogger<ReturnInterviewCompletedFactConsumer> logger)
    : CommissioningFactConsumer<ReturnInterviewCompleted>(db, clock, logger)
{
    protected override IEnumerable<CommissioningFact> FactsOf(ReturnInterviewCompleted m) =>
        [
            CommissioningFact.Of(CommissioningFactKind.ReturnInterviewCompleted, m.InterviewId, m.YoungPersonId, m.CompletedAt),
            .. CommissioningFact.FlagsIn(m.Indicators, m.InterviewId, m.YoungPersonId, m.CompletedAt),
        ];
}

/// <summary>COM-03: a return-home interview that did not take place is counted, never dropped (MIS-02).</summary>
[InboxName("commissioning.return-interview-not-held")]
public sealed class ReturnInterviewNotHeldFactConsumer(TherapyDbContext db, TimeProvider clock, ILogger<ReturnInterviewNotHeldFactConsumer> logger)
    : CommissioningFactConsumer<ReturnInterviewNotHeld>(db, clock, logger)
{
    protected override IEnumerable<CommissioningFact> FactsOf(ReturnInterviewNotHeld m) =>
        [CommissioningFact.Of(CommissioningFactKind.ReturnInterviewNotHeld, m.InterviewId, m.YoungPersonId, m.OccurredAt)];
}

/// <summary>COM-03: the trigger flags a risk assessment or review names.</summary>
[InboxName("commissioning.risk-level-changed")]
public sealed class RiskAssessmentFlagConsumer(TherapyDbContext db, TimeProvider clock, ILogger<RiskAssessmentFlagConsumer> logger)
    : CommissioningFactConsumer<RiskLevelChanged>(db, clock, logger)
{
    protected override IEnumerable<CommissioningFact> FactsOf(RiskLevelChanged m) =>
        CommissioningFact.FlagsIn(m.Indicators, m.SourceId, m.YoungPersonId, m.OccurredAt);
}

/// <summary>COM-12: critical incidents, beside CSE's share of referrals; counted from when the incident happened.</summary>
[InboxName("commissioning.critical-incident-raised")]
public sealed class CriticalIncidentFactConsumer(TherapyDbContext db, TimeProvider clock, ILogger<CriticalIncidentFactConsumer> logger)
    : CommissioningFactConsumer<CriticalIncidentRaised>(db, clock, logger)
{
    protected override IEnumerable<CommissioningFact> FactsOf(CriticalIncidentRaised m) =>
        [CommissioningFact.Of(CommissioningFactKind.CriticalIncident, m.IncidentId, m.YoungPersonId, m.IncidentAt, m.Kind.ToString())];
}
