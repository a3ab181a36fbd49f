using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Support.Contracts.Missing;
using Support.LeavingCare.Data;
using Support.LeavingCare.Domain;
using Support.Messaging.Inbox;

namespace Support.LeavingCare.Consumers;

/// <summary>
/// LC-04: the return that closes an episode, kept as a fact beside its report, so this service knows whether a care
/// leaver's episode is open from Missing's events alone (never by reading Missing's database).
/// </summary>
[InboxName("picture.young-person-returned")]
public sealed class YoungPersonReturnedConsumer(LeavingCareDbContext db, TimeProvider clock, ILogger<YoungPersonReturnedConsumer> logger)
    : IdempotentConsumer<YoungPersonReturned, LeavingCareDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(ConsumeContext<YoungPersonReturned> context)
    {
        var m = context.Message;
        return Picture.AddFactAsync(Db, PictureEvent.Of(m.YoungPersonId, PictureEventKinds.YoungPersonReturned, m.EpisodeId, "Returned",
            m.ReturnedAt, Clock.GetUtcNow()), context.CancellationToken);
    }
}

/// <summary>
/// LC-04 (Casey-K18): a care leaver reported missing from leaving-care accommodation gives their adviser follow-up
/// tasks (or the team's queue, without an adviser), due <c>MissingFollowUpHours</c> after the report. Once per episode.
/// </summary>
[InboxName("follow-up.care-leaver-missing")]
public sealed class CareLeaverMissingFollowUpConsumer(
    LeavingCareDbContext db, TimeProvider clock, ILogger<CareLeaverMissingFollowUpConsumer> logger, IOptions<LeavingCareOptions> options)
    : IdempotentConsumer<MissingEpisodeReported, LeavingCareDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ConsumeContext<MissingEpisodeReported> context)
    {
        var m = context.Message;
        if (m.MissingFrom != MissingFrom.LeavingCareAccommodation
            || await Db.Set<FollowUpTask>().AnyAsync(t => t.EpisodeId == m.EpisodeId, context.CancellationToken))
        {
            return;
        }
        var now = Clock.GetUtcNow();
        var adviser = await Db.Pictures.Where(p => p.YoungPersonId == m.YoungPersonId).Select(p => p.AdviserUserId).SingleOrDefaultAsync(context.CancellationToken);
        var reportedAt = m.ReportedAt > now ? now : m.ReportedAt;
        Db.Set<FollowUpTask>().AddRange(FollowUpTask.ForEpisode(m.YoungPersonId, m.EpisodeId, adviser, reportedAt,
            TimeSpan.FromHours(options.Value.MissingFollowUpHours), now));
    }
}

/// <summary>
/// LC-01: the persons a return-home interview named (MIS-03's proposed links) join the picture, so the handover pack
/// lists persons of concern. One fact per interview.
/// </summary>
[InboxName("picture.return-interview-links-proposed")]
public sealed class ReturnInterviewLinksProposedConsumer(LeavingCareDbContext db, TimeProvider clock, ILogger<ReturnInterviewLinksProposedConsumer> logger)
    : IdempotentConsumer<ReturnInterviewLinksProposed, LeavingCareDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(ConsumeContext<ReturnInterviewLinksProposed> context)
    {
        var m = context.Message;
        return m.Persons.Count == 0
            ? Task.CompletedTask
            : Picture.AddFactAsync(Db, PictureEvent.Of(m.YoungPersonId, PictureEventKinds.PersonsOfConcernProposed, m.InterviewId,
                string.Join("; ", m.Persons), m.OccurredAt, Clock.GetUtcNow(), actor: "missing:return-interview"), context.CancellationToken);
    }
}
