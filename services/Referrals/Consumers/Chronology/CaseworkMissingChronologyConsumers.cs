using Support.Contracts.Missing;
using Support.Messaging.Inbox;
using Support.Referrals.Data;
using Support.Referrals.Domain.Chronology;
using static Support.Referrals.Consumers.Chronology.ChronologyText;

namespace Support.Referrals.Consumers.Chronology;

// MIS-07: the Missing events added for issue 15 reach the single chronology too.

[InboxName("chronology.strategy-meeting-decision-requested")]
public sealed class StrategyMeetingDecisionRequestedChronologyConsumer(
    ReferralsDbContext db, TimeProvider clock, ILogger<StrategyMeetingDecisionRequestedChronologyConsumer> logger)
    : ChronologyConsumer<StrategyMeetingDecisionRequested>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(StrategyMeetingDecisionRequested m) =>
    [
        new(m.YoungPersonId, m.OccurredAt, MissingService, ChronologyEntryKind.StrategyMeetingDecisionRequested,
            $"{m.EpisodeIds.Count} missing episodes within {m.WindowDays} days (episodes {string.Join(", ", m.EpisodeIds)}): a manager is asked to decide on a strategy meeting.",
            ChronologyAuthor.Service(MissingService), m.EpisodeIds.Count > 0 ? m.EpisodeIds[^1] : null),
    ];
}

[InboxName("chronology.return-interview-links-proposed")]
public sealed class ReturnInterviewLinksProposedChronologyConsumer(
    ReferralsDbContext db, TimeProvider clock, ILogger<ReturnInterviewLinksProposedChronologyConsumer> logger)
    : ChronologyConsumer<ReturnInterviewLinksProposed>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(ReturnInterviewLinksProposed m)
    {
        // The names are shared on the interview's basis (MIS-03); they go in the detail, not the summary line.
        var detail = new List<string>();
        if (m.Persons.Count > 0)
        {
            detail.Add($"Persons: {string.Join("; ", m.Persons)}");
        }
        if (m.Vehicles.Count > 0)
        {
            detail.Add($"Vehicles: {string.Join("; ", m.Vehicles)}");
        }
        if (m.Places.Count > 0)
        {
            detail.Add($"Places: {string.Join("; ", m.Places)}");
        }
        return
        [
            new(m.YoungPersonId, m.OccurredAt, MissingService, ChronologyEntryKind.ReturnInterviewLinksProposed,
                $"Return-home interview {m.InterviewId} proposes links: {m.Persons.Count} persons, {m.Vehicles.Count} vehicles, {m.Places.Count} places (sharing basis {m.SharingBasis}).",
                ChronologyAuthor.Service(MissingService), m.InterviewId, detail.Count == 0 ? null : string.Join('\n', detail)),
        ];
    }
}

public sealed class StrategyMeetingDecisionRequestedChronologyConsumerDefinition : ChronologyEndpointDefinition<StrategyMeetingDecisionRequestedChronologyConsumer>;
public sealed class ReturnInterviewLinksProposedChronologyConsumerDefinition : ChronologyEndpointDefinition<ReturnInterviewLinksProposedChronologyConsumer>;
