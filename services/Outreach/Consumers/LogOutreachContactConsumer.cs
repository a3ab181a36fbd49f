using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Support.Contracts.Outreach;
using Support.Messaging.Inbox;
using Support.Messaging.Outbox;
using Support.Outreach.Data;
using Support.Outreach.Domain;
using Support.Outreach.Features.Contacts;
using Support.ServiceDefaults.Auth;

namespace Support.Outreach.Consumers;

/// <summary>
/// OUT-01, OUT-07: a contact a worker texted to the support line. The same rules as the app: the server's RecordedAt,
/// late flagged, append-only. <see cref="LogOutreachContact.CommandId"/> is the idempotency key under the worker's id,
/// so a redelivery (inbox) or a re-send (unique key) never makes a second contact. A contact is never dropped: a time
/// ahead of the server is read as now, an alias the worker has not recorded becomes a new alias, and a place that is
/// not a location record is kept as typed. Notes and names never reach the log.
/// </summary>
[InboxName("contacts.log-outreach-contact")]
public sealed partial class LogOutreachContactConsumer(
    OutreachDbContext db,
    TimeProvider clock,
    ILogger<LogOutreachContactConsumer> logger,
    IOutbox outbox,
    IOptions<OutreachOptions> options)
    : IdempotentConsumer<LogOutreachContact, OutreachDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ConsumeContext<LogOutreachContact> context)
    {
        var command = context.Message;
        var cancellationToken = context.CancellationToken;
        var key = command.CommandId.ToString();
        if (await ContactRecording.FindByKeyAsync(Db, command.WorkerUserId, key, cancellationToken) is { } existing)
        {
            LogAlreadyRecorded(logger, command.CommandId, existing.Id);
            return;
        }
        var now = Clock.GetUtcNow();
        var author = new Author(Truncate(command.WorkerUserId, 200), Roles.OutreachWorker, now);
        if (command.YoungPersonId is { } youngPersonId && !await Db.KnownYoungPeople.AnyAsync(p => p.Id == youngPersonId, cancellationToken))
        {
            LogNotYetProjected(logger, command.CommandId, youngPersonId);
        }
        var aliasId = command.YoungPersonId is null ? await AliasFor(command.Alias, author, cancellationToken) : (Guid?)null;
        var place = Truncate(command.Place.Trim(), 200);
        var location = place.Length == 0 ? null : await Db.Locations.AsNoTracking()
            .FirstOrDefaultAsync(l => l.Name.ToLower() == place.ToLower(), cancellationToken);
        var channel = Enum.GetNames<OutreachChannel>().FirstOrDefault(n => string.Equals(n, command.Channel, StringComparison.OrdinalIgnoreCase)) is { } name
            ? Enum.Parse<OutreachChannel>(name)
            : OutreachChannel.Sms;
        var draft = new ContactDraft(
            command.YoungPersonId,
            aliasId,
            channel,
            // Another service's clock may run a little ahead of ours; a time ahead of now is read as now.
            command.ContactedAt > now ? now : command.ContactedAt < Contact.Earliest ? now : command.ContactedAt,
            location?.Id,
            location is null && place.Length > 0 ? place : null,
            Truncate(string.IsNullOrWhiteSpace(command.Notes) ? "(no notes in the text)" : command.Notes.Trim(), ContactRequest.MaxNotes),
            command.Concern);
        var contact = Contact.Record(draft, author, options.Value.LateRecordingAfter, "sms", key);
        await ContactRecording.RecordAsync(Db, outbox, contact, cancellationToken);
        LogRecorded(logger, command.CommandId, contact.Id, contact.RecordedLate);
    }

    /// <summary>OUT-02: the worker's own alias of that name if they have exactly one, else a new alias record.</summary>
    private async Task<Guid> AliasFor(string? alias, Author author, CancellationToken cancellationToken)
    {
        var name = Truncate(string.IsNullOrWhiteSpace(alias) ? "Unnamed (texted contact)" : alias.Trim(), 100);
        var known = await Db.Aliases.AsNoTracking()
            .Where(a => a.RecordedBy == author.UserId && a.Name.ToLower() == name.ToLower())
            .Select(a => a.Id).Take(2).ToListAsync(cancellationToken);
        if (known.Count == 1)
        {
            return known[0];
        }
        var created = Alias.Record(name, null, null, null, null, null, author, idempotencyKey: null);
        Db.Aliases.Add(created);
        return created.Id;
    }

    private static string Truncate(string value, int length) => value.Length > length ? value[..length] : value;

    [LoggerMessage(Level = LogLevel.Information, Message = "LogOutreachContact {CommandId} already recorded as contact {ContactId}; ignored")]
    private static partial void LogAlreadyRecorded(ILogger logger, Guid commandId, Guid contactId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LogOutreachContact {CommandId} names {YoungPersonId}, not yet in the registry projection; contact recorded anyway")]
    private static partial void LogNotYetProjected(ILogger logger, Guid commandId, Guid youngPersonId);

    [LoggerMessage(Level = LogLevel.Information, Message = "LogOutreachContact {CommandId} recorded as contact {ContactId} (late: {RecordedLate})")]
    private static partial void LogRecorded(ILogger logger, Guid commandId, Guid contactId, bool recordedLate);
}
