using MassTransit;

namespace Support.Contracts.SupportLine;

/// <summary>
/// Command to the SupportLine service: text a young person (for example Missing offering a return interview, Therapy's
/// waiting-well check-ins). Only a number the support line holds as the young person's confirmed number is texted,
/// never one an event merely mentions (SL-03, SL-04); nothing is sent to an opted-out number. <see cref="CommandId"/>
/// is the idempotency key. The body must be GSM-7 and at most 2 segments, and must not name the service when the
/// young person asked for discreet texts.
/// </summary>
[MessageUrn("support:supportline:send-sms:v1")]
public sealed record SendSms
{
    public required Guid CommandId { get; init; }
    public required Guid YoungPersonId { get; init; }
    public required string Body { get; init; }
    /// <summary>Who asked (a user id, or <c>service:&lt;name&gt;</c>).</summary>
    public required string RequestedBy { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
