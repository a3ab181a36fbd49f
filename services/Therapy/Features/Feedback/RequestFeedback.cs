using Support.Contracts.SupportLine;
using Support.Messaging.Outbox;
using Support.Therapy.Domain;

namespace Support.Therapy.Features.Feedback;

/// <summary>
/// THR-07, SL-07: a feedback request is texted after an offer starts (its first appointment is recorded) and when its
/// episode ends, through the support line's <c>SendSms</c> in the same transaction as the change that prompts it, as the
/// waiting-well check-ins are. The support line texts only the number it holds as the young person's own and never an
/// opted-out one; the young person's reply reaches a worker there, who records their views here.
/// </summary>
public static class RequestFeedback
{
    /// <summary>Generic on purpose: it names no service and no therapy, as a discreet text must not (SL-04). GSM-7, one segment.</summary>
    public const string AfterStartText = "How is it going so far? Reply to this text to tell us what you think, or ignore it if you would rather not.";

    /// <summary>Generic on purpose (SL-04). GSM-7, one segment.</summary>
    public const string AtEndText = "Thank you for the time you spent with us. Reply to this text to tell us what you thought, or ignore it if you would rather not.";

    public const string RequestedBy = "service:therapy";

    public static void Send(IOutbox outbox, TherapyReferral referral, FeedbackMoment moment, DateTimeOffset now) =>
        outbox.Add(new SendSms
        {
            CommandId = Guid.CreateVersion7(now), YoungPersonId = referral.YoungPersonId,
            Body = moment == FeedbackMoment.AfterStart ? AfterStartText : AtEndText, RequestedBy = RequestedBy, OccurredAt = now,
        });
}
