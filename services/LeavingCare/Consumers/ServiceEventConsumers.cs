using Microsoft.EntityFrameworkCore;
using MassTransit;
using Support.Contracts.Missing;
using Support.Contracts.Outreach;
using Support.Contracts.Referrals;
using Support.Contracts.Registry;
using Support.Contracts.Risk;
using Support.Contracts.SupportLine;
using Support.Contracts.Therapy;
using Support.LeavingCare.Data;
using Support.LeavingCare.Domain;
using Support.Messaging.Inbox;

namespace Support.LeavingCare.Consumers;

// Issue 5, point 1: the picture behind the handover pack (LC-01) is built only from events other services publish.

/// <summary>The current risk level and the indicators behind it (REF-14); InCare marks the young person looked after.</summary>
[InboxName("picture.risk-level-changed")]
public sealed class RiskLevelChangedConsumer(LeavingCareDbContext db, TimeProvider clock, ILogger<RiskLevelChangedConsumer> logger)
    : IdempotentConsumer<RiskLevelChanged, LeavingCareDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ConsumeContext<RiskLevelChanged> context)
    {
        var m = context.Message;
        var now = Clock.GetUtcNow();
        var picture = await Picture.GetOrStartAsync(Db, m.YoungPersonId, now, context.CancellationToken);
        picture.ApplyRisk(m.NewLevel, m.Indicators, m.OccurredAt, now);
        await Picture.AddFactAsync(Db, PictureEvent.Of(m.YoungPersonId, PictureEventKinds.RiskLevelChanged, m.SourceId,
            $"{m.NewLevel}: {string.Join(", ", m.Indicators)}", m.OccurredAt, now, m.RecordedBy), context.CancellationToken);
    }
}

[InboxName("picture.risk-review-opened")]
public sealed class RiskReviewOpenedConsumer(LeavingCareDbContext db, TimeProvider clock, ILogger<RiskReviewOpenedConsumer> logger)
    : IdempotentConsumer<RiskReviewOpened, LeavingCareDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(ConsumeContext<RiskReviewOpened> context)
    {
        var m = context.Message;
        return Picture.AddFactAsync(Db, PictureEvent.Of(m.YoungPersonId, PictureEventKinds.RiskReviewOpened, m.ReviewId, m.Trigger,
            m.OccurredAt, Clock.GetUtcNow(), dueAt: m.DueAt), context.CancellationToken);
    }
}

[InboxName("picture.risk-review-completed")]
public sealed class RiskReviewCompletedConsumer(LeavingCareDbContext db, TimeProvider clock, ILogger<RiskReviewCompletedConsumer> logger)
    : IdempotentConsumer<RiskReviewCompleted, LeavingCareDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(ConsumeContext<RiskReviewCompleted> context)
    {
        var m = context.Message;
        return Picture.AddFactAsync(Db, PictureEvent.Of(m.YoungPersonId, PictureEventKinds.RiskReviewCompleted, m.ReviewId, m.Level.ToString(),
            m.OccurredAt, Clock.GetUtcNow(), m.RecordedBy), context.CancellationToken);
    }
}

[InboxName("picture.referral-decided")]
public sealed class ReferralDecidedConsumer(LeavingCareDbContext db, TimeProvider clock, ILogger<ReferralDecidedConsumer> logger)
    : IdempotentConsumer<ReferralDecided, LeavingCareDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(ConsumeContext<ReferralDecided> context)
    {
        var m = context.Message;
        return Picture.AddFactAsync(Db, PictureEvent.Of(m.YoungPersonId, PictureEventKinds.ReferralDecided, m.ReferralId, m.Outcome.ToString(),
            m.OccurredAt, Clock.GetUtcNow(), m.RecordedBy), context.CancellationToken);
    }
}

/// <summary>Each child's decisions and open actions from a strategy meeting (REF-11, REF-12).</summary>
[InboxName("picture.strategy-meeting-finalised")]
public sealed class StrategyMeetingFinalisedConsumer(LeavingCareDbContext db, TimeProvider clock, ILogger<StrategyMeetingFinalisedConsumer> logger)
    : IdempotentConsumer<StrategyMeetingFinalised, LeavingCareDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ConsumeContext<StrategyMeetingFinalised> context)
    {
        var m = context.Message;
        var now = Clock.GetUtcNow();
        foreach (var child in m.Children)
        {
            await Picture.AddFactAsync(Db, PictureEvent.Of(child.YoungPersonId, PictureEventKinds.StrategyMeetingDecision, m.MeetingId,
                string.Join("; ", child.Decisions), m.HeldAt, now, m.ChairId), context.CancellationToken);
            foreach (var action in child.Actions)
            {
                await Picture.AddFactAsync(Db, PictureEvent.Of(child.YoungPersonId, PictureEventKinds.StrategyAction, action.ActionId,
                    action.Description, m.HeldAt, now, action.Owner, action.DueAt), context.CancellationToken);
            }
        }
    }
}

[InboxName("picture.strategy-action-completed")]
public sealed class StrategyActionCompletedConsumer(LeavingCareDbContext db, TimeProvider clock, ILogger<StrategyActionCompletedConsumer> logger)
    : IdempotentConsumer<StrategyActionCompleted, LeavingCareDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(ConsumeContext<StrategyActionCompleted> context)
    {
        var m = context.Message;
        return Picture.AddFactAsync(Db, PictureEvent.Of(m.YoungPersonId, PictureEventKinds.StrategyActionCompleted, m.ActionId,
            m.CompletedLate ? "CompletedLate" : "Completed", m.OccurredAt, Clock.GetUtcNow(), m.RecordedBy), context.CancellationToken);
    }
}

/// <summary>Missing history: episodes (adult care leavers can be missing too, LC-04).</summary>
[InboxName("picture.missing-episode-reported")]
public sealed class MissingEpisodeReportedConsumer(LeavingCareDbContext db, TimeProvider clock, ILogger<MissingEpisodeReportedConsumer> logger)
    : IdempotentConsumer<MissingEpisodeReported, LeavingCareDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(ConsumeContext<MissingEpisodeReported> context)
    {
        var m = context.Message;
        return Picture.AddFactAsync(Db, PictureEvent.Of(m.YoungPersonId, PictureEventKinds.MissingEpisodeReported, m.EpisodeId,
            m.MissingFrom.ToString(), m.LastSeenAt, Clock.GetUtcNow()), context.CancellationToken);
    }
}

/// <summary>Return-home interviews: the indicators found, as codes (free text stays in the Missing service).</summary>
[InboxName("picture.return-interview-completed")]
public sealed class ReturnInterviewCompletedConsumer(LeavingCareDbContext db, TimeProvider clock, ILogger<ReturnInterviewCompletedConsumer> logger)
    : IdempotentConsumer<ReturnInterviewCompleted, LeavingCareDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(ConsumeContext<ReturnInterviewCompleted> context)
    {
        var m = context.Message;
        var label = string.Join(", ", m.Indicators) + (m.DisclosureMade ? " (disclosure made)" : "");
        return Picture.AddFactAsync(Db, PictureEvent.Of(m.YoungPersonId, PictureEventKinds.ReturnInterviewCompleted, m.InterviewId,
            label, m.CompletedAt, Clock.GetUtcNow()), context.CancellationToken);
    }
}

/// <summary>Outreach involvement: who raised a concern, and its indicators.</summary>
[InboxName("picture.outreach-concern-raised")]
public sealed class OutreachConcernRaisedConsumer(LeavingCareDbContext db, TimeProvider clock, ILogger<OutreachConcernRaisedConsumer> logger)
    : IdempotentConsumer<OutreachConcernRaised, LeavingCareDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(ConsumeContext<OutreachConcernRaised> context)
    {
        var m = context.Message;
        return Picture.AddFactAsync(Db, PictureEvent.Of(m.YoungPersonId, PictureEventKinds.OutreachConcernRaised, m.ConcernId,
            string.Join(", ", m.Indicators), m.OccurredAt, Clock.GetUtcNow(), m.RaisedBy), context.CancellationToken);
    }
}

/// <summary>
/// SL-07, LC-01: a support-line text a worker marked as the young person's views reaches the handover pack as a
/// quotation with the date it was sent, so the adviser reads what the young person said, not a summary of it.
/// </summary>
[InboxName("picture.young-person-views-recorded")]
public sealed class YoungPersonViewsRecordedConsumer(LeavingCareDbContext db, TimeProvider clock, ILogger<YoungPersonViewsRecordedConsumer> logger)
    : IdempotentConsumer<YoungPersonViewsRecorded, LeavingCareDbContext>(db, clock, logger)
{
    public const string SupportLineService = "SupportLine";

    protected override async Task HandleAsync(ConsumeContext<YoungPersonViewsRecorded> context)
    {
        var m = context.Message;
        if (await Db.SharedViews.AnyAsync(v => v.SourceService == SupportLineService && v.SourceId == m.ViewsId, context.CancellationToken))
        {
            return;
        }
        var now = Clock.GetUtcNow();
        await Picture.GetOrStartAsync(Db, m.YoungPersonId, now, context.CancellationToken);
        Db.SharedViews.Add(SharedViews.Of(m.YoungPersonId, SupportLineService, m.ViewsId, m.Words, m.SaidAt, m.Method, m.RecordedBy, now));
    }
}

/// <summary>
/// Issue 16 item 4, LC-01: the young person's account at a return interview (announced by Missing only where its
/// sharing basis allows) reaches the handover pack word for word beside their texts, once. Leaving Care's own words
/// (contacts, closures) are already here and are not stored twice.
/// </summary>
[InboxName("picture.young-persons-words-recorded")]
public sealed class YoungPersonsWordsRecordedConsumer(LeavingCareDbContext db, TimeProvider clock, ILogger<YoungPersonsWordsRecordedConsumer> logger)
    : IdempotentConsumer<YoungPersonsWordsRecorded, LeavingCareDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ConsumeContext<YoungPersonsWordsRecorded> context)
    {
        var m = context.Message;
        if (m.Service == LeavingCareApi.ServiceName
            || await Db.SharedViews.AnyAsync(v => v.SourceService == m.Service && v.SourceId == m.WordsId, context.CancellationToken))
        {
            return;
        }
        var now = Clock.GetUtcNow();
        await Picture.GetOrStartAsync(Db, m.YoungPersonId, now, context.CancellationToken);
        Db.SharedViews.Add(SharedViews.Of(m.YoungPersonId, m.Service, m.WordsId, m.Words, m.SaidAt, m.Source, m.RecordedBy, now));
    }
}

/// <summary>
/// LC-01: therapy involvement in the handover pack: the offer and who accepted it (an episode open, THR-05), a decline
/// and its reason (THR-01), and an episode's end with its onward arrangement. Codes only: clinical notes stay in Therapy.
/// </summary>
[InboxName("picture.therapy-referral-accepted")]
public sealed class TherapyReferralAcceptedConsumer(LeavingCareDbContext db, TimeProvider clock, ILogger<TherapyReferralAcceptedConsumer> logger)
    : IdempotentConsumer<TherapyReferralAccepted, LeavingCareDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(ConsumeContext<TherapyReferralAccepted> context)
    {
        var m = context.Message;
        return Picture.AddFactAsync(Db, PictureEvent.Of(m.YoungPersonId, PictureEventKinds.TherapyReferralAccepted, m.ReferralId,
            $"{m.OfferType}: accepted, episode open", m.OccurredAt, Clock.GetUtcNow(), m.AcceptedBy), context.CancellationToken);
    }
}

[InboxName("picture.therapy-referral-declined")]
public sealed class TherapyReferralDeclinedConsumer(LeavingCareDbContext db, TimeProvider clock, ILogger<TherapyReferralDeclinedConsumer> logger)
    : IdempotentConsumer<TherapyReferralDeclined, LeavingCareDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(ConsumeContext<TherapyReferralDeclined> context)
    {
        var m = context.Message;
        return Picture.AddFactAsync(Db, PictureEvent.Of(m.YoungPersonId, PictureEventKinds.TherapyReferralDeclined, m.ReferralId,
            $"{m.OfferType}: declined ({m.Reason}), unmet need recorded", m.OccurredAt, Clock.GetUtcNow(), m.DecidedBy), context.CancellationToken);
    }
}

[InboxName("picture.therapy-episode-closed")]
public sealed class TherapyEpisodeClosedConsumer(LeavingCareDbContext db, TimeProvider clock, ILogger<TherapyEpisodeClosedConsumer> logger)
    : IdempotentConsumer<TherapyEpisodeClosed, LeavingCareDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(ConsumeContext<TherapyEpisodeClosed> context)
    {
        var m = context.Message;
        var gap = m.UnmetNeedId is null ? "" : ", unmet need recorded";
        return Picture.AddFactAsync(Db, PictureEvent.Of(m.YoungPersonId, PictureEventKinds.TherapyEpisodeClosed, m.ReferralId,
            $"{m.OfferType}: episode closed ({m.Reason}), onward: {m.OnwardArrangement}{gap}", m.OccurredAt, Clock.GetUtcNow(), m.ClosedBy),
            context.CancellationToken);
    }
}
