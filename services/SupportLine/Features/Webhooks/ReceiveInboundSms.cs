using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Support.Contracts.Outreach;
using Support.Contracts.SupportLine;
using Support.Messaging.Outbox;
using Support.Registry;
using Support.ServiceDefaults.Auth;
using Support.SupportLine.Data;
using Support.SupportLine.Domain;
using Support.SupportLine.Features.Outbound;

namespace Support.SupportLine.Features.Webhooks;

/// <summary>
/// <c>POST /api/supportline/webhooks/twilio/sms</c>: one inbound text. Authenticated by Twilio's signature (403 and
/// nothing stored otherwise), de-duplicated on MessageSid (Twilio may deliver twice), stored with its outbox events
/// and any reply in one transaction, and answered with TwiML at once (well inside Twilio's 15 s). Who is texting
/// decides what it is: a registered outreach worker's number → a contact log (OUT-01); a STOP/START/HELP keyword →
/// the opt-out mirror (twilio.md §4); anyone else → their conversation, triaged (SL-02, SL-03, SL-05, OUT-07, SL-09).
/// Message text and numbers are never logged (SL-06).
/// </summary>
public static partial class ReceiveInboundSms
{
    public static async Task<IResult> HandleAsync(
        HttpRequest request, SupportLineDbContext db, IOutbox outbox, TimeProvider clock, IOptions<SupportLineOptions> options,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(ReceiveInboundSms));
        var settings = options.Value;
        var (outcome, form) = await TwilioRequests.ReadAsync(request, settings.InboundWebhookUrl, settings, cancellationToken);
        if (TwilioRequests.Refusal(outcome) is { } refused)
        {
            if (outcome == TwilioRequests.Outcome.Forbidden)
            {
                LogRefused(logger);
            }
            return refused;
        }

        var sid = form!["MessageSid"] ?? form["SmsMessageSid"];
        var body = form["Body"] ?? "";
        if (sid is null || !Sids.IsMessageSid(sid) || body.Length > 1600
            || !E164Numbers.TryNormalise(form["From"], out var from) || !E164Numbers.TryNormalise(form["To"], out var to))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "MessageSid, From, To and Body (at most 1600 characters) are required.");
        }
        var messageSid = sid;
        // Found first by a query, so a redelivery costs no failed insert. Tried and not kept: leaving it to the unique
        // index below saved a round trip but no measurable time (docs/benchmarks.md, "Where a text's time goes").
        if (await db.InboundMessages.AnyAsync(m => m.TwilioSid == messageSid, cancellationToken))
        {
            LogDuplicate(logger, messageSid);
            return TwiML.Empty();
        }

        // Two first texts from one number at once race for its one open conversation: the loser starts again.
        for (var attempt = 1; ; attempt++)
        {
            var now = clock.GetUtcNow();
            IResult answer;
            InboundPurpose purpose;
            var keyword = OptOutKeywords.Classify(body, form["OptOutType"]);
            var worker = keyword == KeywordKind.None ? await db.WorkerPhones.FindAsync(new object[] { from }, cancellationToken) : null;
            if (keyword != KeywordKind.None)
            {
                (answer, purpose) = await KeywordAsync(db, keyword, messageSid, from, to, body, now, cancellationToken);
            }
            else if (worker is not null)
            {
                (answer, purpose) = await WorkerContactAsync(db, outbox, worker, messageSid, from, to, body, now, cancellationToken);
            }
            else
            {
                (answer, purpose) = await ConversationAsync(db, outbox, settings, messageSid, from, to, body, now, cancellationToken);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                LogStored(logger, messageSid, purpose);
                return answer;
            }
            catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                db.ChangeTracker.Clear();
                if (await db.InboundMessages.AnyAsync(m => m.TwilioSid == messageSid, cancellationToken))
                {
                    // The same MessageSid arrived twice at once; the other request stored it.
                    LogDuplicate(logger, messageSid);
                    return TwiML.Empty();
                }
                if (attempt >= 3)
                {
                    // Never answer 200 for a text that was not stored: Twilio then tries the fallback URL.
                    return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Busy; try again.");
                }
            }
        }
    }

    private static async Task<(IResult, InboundPurpose)> KeywordAsync(
        SupportLineDbContext db, KeywordKind keyword, string sid, string from, string to, string body, DateTimeOffset now, CancellationToken ct)
    {
        var conversation = await db.Conversations.FirstOrDefaultAsync(c => c.Phone == from && c.Status == ConversationStatus.Open, ct);
        var purpose = keyword switch
        {
            KeywordKind.OptOut => InboundPurpose.OptOut,
            KeywordKind.OptIn => InboundPurpose.OptIn,
            _ => InboundPurpose.Help,
        };
        db.InboundMessages.Add(new InboundSms
        {
            Id = Guid.CreateVersion7(now), TwilioSid = sid, From = from, To = to, Body = body, ReceivedAt = now,
            Purpose = purpose, ConversationId = conversation?.Id,
        });
        var optedOut = await db.OptOuts.FindAsync(new object[] { from }, ct);
        if (keyword == KeywordKind.OptOut && optedOut is null)
        {
            db.OptOuts.Add(new OptOut { Phone = from, OptedOutAt = now, Source = "keyword" });
            // Anything still waiting to go to this number is never sent.
            foreach (var pending in await db.OutboundMessages.Where(m => m.To == from && m.Status == DeliveryStatus.Pending).ToListAsync(ct))
            {
                pending.Refused(DeliveryStatus.Blocked, null, now);
            }
        }
        else if (keyword == KeywordKind.OptIn && optedOut is not null)
        {
            db.OptOuts.Remove(optedOut);
        }
        // Twilio answers STOP, START and HELP itself on long codes; a second answer from us would be blocked or doubled.
        return (TwiML.Empty(), purpose);
    }

    private static async Task<(IResult, InboundPurpose)> WorkerContactAsync(
        SupportLineDbContext db, IOutbox outbox, WorkerPhone worker, string sid, string from, string to, string body, DateTimeOffset now, CancellationToken ct)
    {
        var parsed = ContactGrammar.Parse(body, now);
        var error = parsed.Error?.Reason;
        if (parsed.Contact is { YoungPersonId: { } id } && !await db.Set<KnownYoungPerson>().AnyAsync(p => p.Id == id, ct))
        {
            error = "Not logged: no young person has that id. Use their street name instead.";
        }
        if (error is not null)
        {
            // Stored so a redelivery is recognised, but nothing reaches Outreach: nothing half-stored.
            db.InboundMessages.Add(new InboundSms
            {
                Id = Guid.CreateVersion7(now), TwilioSid = sid, From = from, To = to, Body = body, ReceivedAt = now,
                Purpose = InboundPurpose.WorkerContactRejected,
            });
            return (TwiML.Reply(error), InboundPurpose.WorkerContactRejected);
        }

        var contact = parsed.Contact!;
        var commandId = CommandIdFor(sid);
        outbox.Add(new LogOutreachContact
        {
            CommandId = commandId,
            WorkerUserId = worker.WorkerUserId,
            YoungPersonId = contact.YoungPersonId,
            Alias = contact.Alias,
            ContactedAt = contact.ContactedAt,
            Place = contact.Place,
            Notes = contact.Notes,
            Concern = contact.Concern,
            Channel = "sms",
            OccurredAt = now,
        });
        db.InboundMessages.Add(new InboundSms
        {
            Id = Guid.CreateVersion7(now), TwilioSid = sid, From = from, To = to, Body = body, ReceivedAt = now,
            Purpose = InboundPurpose.WorkerContact, ContactCommandId = commandId,
        });
        return (TwiML.Reply(Replies.ContactLogged(contact, commandId)), InboundPurpose.WorkerContact);
    }

    private static async Task<(IResult, InboundPurpose)> ConversationAsync(
        SupportLineDbContext db, IOutbox outbox, SupportLineOptions settings, string sid, string from, string to, string body, DateTimeOffset now, CancellationToken ct)
    {
        var conversation = await db.Conversations.FirstOrDefaultAsync(c => c.Phone == from && c.Status == ConversationStatus.Open, ct);
        var isNew = conversation is null;
        if (conversation is null)
        {
            var youngPerson = await db.YoungPersonPhones.FindAsync(new object[] { from }, ct);
            var carer = youngPerson is null ? await db.CarerPhones.FindAsync(new object[] { from }, ct) : null;
            conversation = youngPerson is not null
                // OUT-07: to their own outreach worker, else (null) the duty worker.
                ? Conversation.Open(Guid.CreateVersion7(now), from, ConversationKind.YoungPerson, youngPerson.YoungPersonId, youngPerson.OutreachWorkerUserId, youngPerson.Discreet, now)
                : Conversation.Open(Guid.CreateVersion7(now), from, carer is not null ? ConversationKind.ParentOrCarer : ConversationKind.Anonymous, null, null, discreet: carer is null, now);
            db.Conversations.Add(conversation);
        }

        var triage = TriageTable.Classify(body);
        var becameDanger = conversation.Receive(triage.Category, now);
        var message = new InboundSms
        {
            Id = Guid.CreateVersion7(now), TwilioSid = sid, From = from, To = to, Body = body, ReceivedAt = now,
            Purpose = InboundPurpose.Conversation, ConversationId = conversation.Id, Category = triage.Category,
            TriageVersion = triage.TableVersion, MatchedRules = triage.MatchedRuleIds.ToList(),
        };
        db.InboundMessages.Add(message);

        if (becameDanger)
        {
            // SL-03: the duty worker and police liaison at once, in the same transaction as the text.
            var reason = $"Immediate danger (triage {triage.TableVersion}: {string.Join(", ", triage.MatchedRuleIds)})";
            db.Alerts.Add(new Alert { Id = Guid.CreateVersion7(now), ConversationId = conversation.Id, InboundSmsId = message.Id, Kind = AlertKind.DangerToDutyWorker, RaisedAt = now, Reason = reason });
            db.Alerts.Add(new Alert { Id = Guid.CreateVersion7(now), ConversationId = conversation.Id, InboundSmsId = message.Id, Kind = AlertKind.DangerToPoliceLiaison, RaisedAt = now, Reason = reason });
            outbox.Add(new SupportLineDangerAlertRaised
            {
                ConversationId = conversation.Id,
                MessageId = message.Id,
                YoungPersonId = conversation.YoungPersonId,
                AlertedRoles = [Roles.SupportLineOperator, Roles.PoliceLiaison],
                MatchedRules = triage.MatchedRuleIds,
                TriageTableVersion = triage.TableVersion,
                ReceivedAt = now,
                OccurredAt = now,
            });
            OutboundQueue.Add(db, conversation.Id, from, Replies.Danger, OutboundKind.AutoReply, "service:supportline", now);
        }
        else if (isNew)
        {
            OutboundQueue.Add(db, conversation.Id, from, Replies.Acknowledgement(conversation.Discreet, settings.ServiceName), OutboundKind.AutoReply, "service:supportline", now);
        }
        return (TwiML.Empty(), InboundPurpose.Conversation);
    }

    /// <summary>A stable command id from the inbound message, so a redelivered text never logs a second contact.</summary>
    public static Guid CommandIdFor(string messageSid)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("supportline:log-outreach-contact:" + messageSid));
        return new Guid(hash.AsSpan(0, 16));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an inbound webhook that Twilio did not sign for this line")]
    private static partial void LogRefused(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbound text {MessageSid} was already stored; ignored")]
    private static partial void LogDuplicate(ILogger logger, string messageSid);

    // Debug, as the platform's per-request logs are: a line per text is noise at the line's rate (the console logger's
    // lock showed in its profile); what was stored is in the database, and refusals and redeliveries are still logged.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Inbound text {MessageSid} stored as {Purpose}")]
    private static partial void LogStored(ILogger logger, string messageSid, InboundPurpose purpose);
}

public static partial class Sids
{
    public static bool IsMessageSid(string value) => MessageSidRegex().IsMatch(value);

    public static bool IsCallSid(string value) => CallSidRegex().IsMatch(value);

    [System.Text.RegularExpressions.GeneratedRegex("^CA[0-9a-fA-F]{32}$")]
    private static partial System.Text.RegularExpressions.Regex CallSidRegex();

    [System.Text.RegularExpressions.GeneratedRegex("^(SM|MM)[0-9a-fA-F]{32}$")]
    private static partial System.Text.RegularExpressions.Regex MessageSidRegex();
}
