using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Support.Contracts.Missing;
using Support.Messaging.Inbox;
using Support.Messaging.Outbox;
using Support.Missing.Data;
using Support.Missing.Domain;
using Support.Missing.Features.Episodes;
using Support.ServiceDefaults.Auth;

namespace Support.Missing.Consumers;

/// <summary>
/// LC-04, MIS-01 (Casey-K18: "She is not reported missing and her whereabouts are unknown"): Leaving Care says an
/// adult care leaver cannot be found, so an episode is opened from their leaving-care accommodation. A command opens
/// at most one episode: a redelivery is absorbed by the inbox (same MessageId) and a re-send by the unique CommandId.
/// If the young person is already missing, the open episode stands and nothing new is opened. An id not yet in the
/// local registry projection still opens the episode: a report of a missing young person is never dropped because
/// a registry event is late.
/// </summary>
[InboxName("episodes.open-on-whereabouts-unknown")]
public sealed partial class ReportWhereaboutsUnknownConsumer(
    MissingDbContext db,
    TimeProvider clock,
    ILogger<ReportWhereaboutsUnknownConsumer> logger,
    IOutbox outbox,
    IOptions<MissingOptions> options)
    : IdempotentConsumer<ReportWhereaboutsUnknown, MissingDbContext>(db, clock, logger)
{
    /// <summary>Recorded as the author of episodes opened by this command (REC-01: who wrote it).</summary>
    public const string Recorder = "leavingcare-service";

    protected override async Task HandleAsync(ConsumeContext<ReportWhereaboutsUnknown> context)
    {
        var command = context.Message;
        var cancellationToken = context.CancellationToken;
        if (await Db.Episodes.AnyAsync(e => e.CommandId == command.CommandId, cancellationToken))
        {
            LogAlreadyApplied(logger, command.CommandId);
            return;
        }
        if (await EpisodeReporting.OpenEpisodeOfAsync(Db, command.YoungPersonId, cancellationToken) is { } openId)
        {
            LogAlreadyMissing(logger, command.CommandId, openId);
            return;
        }
        if (!await Db.KnownYoungPeople.AnyAsync(p => p.Id == command.YoungPersonId, cancellationToken))
        {
            LogNotYetProjected(logger, command.CommandId, command.YoungPersonId);
        }

        var now = Clock.GetUtcNow();
        // Another service's clock may run a little ahead of ours; a time ahead of now is read as now.
        var lastContact = command.LastContactAt > now ? now : command.LastContactAt;
        var reportedAt = command.OccurredAt > now ? now : command.OccurredAt;
        var report = new MissingReport(
            command.YoungPersonId,
            MissingFrom.LeavingCareAccommodation,
            lastContact,
            LastSeenLocation: null,
            BelievedWith: null,
            ReportedBy: command.ReportedBy.Length > 200 ? command.ReportedBy[..200] : command.ReportedBy,
            PoliceReference: null,
            Circumstances: CircumstancesOf(command.Concern),
            PlacementInformed: null);
        var episode = MissingEpisode.Report(report, reportedAt, Author.Service(Recorder, now), command.CommandId);
        await EpisodeReporting.OpenAsync(Db, outbox, options.Value, episode, now, cancellationToken);
    }

    /// <summary>Issue 15 item 5: the personal adviser's concern reaches the episode in their own words, never dropped.</summary>
    public static string CircumstancesOf(string? concern)
    {
        const string reported = "Whereabouts unknown: reported by Leaving Care.";
        if (string.IsNullOrWhiteSpace(concern))
        {
            return reported;
        }
        var text = $"{reported} The personal adviser's concern: {concern.Trim()}";
        return text.Length > 4000 ? text[..4000] : text;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "ReportWhereaboutsUnknown {CommandId} already opened an episode; ignored")]
    private static partial void LogAlreadyApplied(ILogger logger, Guid commandId);

    [LoggerMessage(Level = LogLevel.Information, Message = "ReportWhereaboutsUnknown {CommandId}: the young person is already missing in episode {EpisodeId}")]
    private static partial void LogAlreadyMissing(ILogger logger, Guid commandId, Guid episodeId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ReportWhereaboutsUnknown {CommandId} names {YoungPersonId}, not yet in the registry projection; episode opened anyway")]
    private static partial void LogNotYetProjected(ILogger logger, Guid commandId, Guid youngPersonId);
}
