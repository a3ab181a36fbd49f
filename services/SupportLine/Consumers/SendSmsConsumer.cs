using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Support.Contracts.SupportLine;
using Support.Messaging.Inbox;
using Support.SupportLine.Data;
using Support.SupportLine.Domain;
using Support.SupportLine.Features.Outbound;
using Support.SupportLine.Features.Webhooks;

namespace Support.SupportLine.Consumers;

/// <summary>
/// Another service asks for a text to a young person (<see cref="SendSms"/>). It goes only to a number on the young
/// person's record that is confirmed or has a duty manager's safety decision (SL-03, SL-04), never to an opted-out
/// number, and only when it is GSM-7, at most 2 segments and, for a discreet number, does not name the service. A
/// command that fails those checks sends nothing and is logged without its text or number (SL-06).
/// </summary>
[InboxName("outbound.send-sms")]
public sealed partial class SendSmsConsumer(SupportLineDbContext db, TimeProvider clock, IOptions<SupportLineOptions> options, ILogger<SendSmsConsumer> logger)
    : IdempotentConsumer<SendSms, SupportLineDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ConsumeContext<SendSms> context)
    {
        var command = context.Message;
        var numbers = await Db.YoungPersonPhones.Where(p => p.YoungPersonId == command.YoungPersonId).OrderBy(p => p.RecordedAt).ToListAsync(context.CancellationToken);
        var number = numbers.FirstOrDefault(p => p.MayBeTexted);
        if (number is null)
        {
            LogNotSent(logger, command.CommandId, "no confirmed number and no safety decision");
            return;
        }
        if (Replies.Problem(command.Body, number.Discreet, options.Value.ServiceName) is not null)
        {
            LogNotSent(logger, command.CommandId, "the text is not plain, short and discreet");
            return;
        }
        if (await Db.OptOuts.AnyAsync(o => o.Phone == number.Phone, context.CancellationToken))
        {
            LogNotSent(logger, command.CommandId, "the number opted out");
            return;
        }
        if (await Db.OutboundMessages.AnyAsync(m => m.CommandId == command.CommandId, context.CancellationToken))
        {
            return;
        }
        OutboundQueue.Add(Db, null, number.Phone, command.Body, OutboundKind.Requested, command.RequestedBy, Clock.GetUtcNow(), command.CommandId);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SendSms {CommandId} sent nothing: {Reason}")]
    private static partial void LogNotSent(ILogger logger, Guid commandId, string reason);
}
