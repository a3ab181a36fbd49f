using System.Globalization;
using MassTransit;
using Support.Messaging.Inbox;
using Support.Referrals.Data;
using Support.Referrals.Domain.Chronology;
using Support.Referrals.Features.Chronology;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Consumers.Chronology;

/// <summary>
/// Base of the chronology projection (REC-02, REC-03, MIS-07): one consumer per event that concerns a young person,
/// each turning its event into dated, signed entries. The inbox makes a redelivery a no-op, and the entries, the
/// chain head and the inbox row commit together.
/// </summary>
public abstract class ChronologyConsumer<TMessage>(ReferralsDbContext db, TimeProvider clock, ILogger logger)
    : IdempotentConsumer<TMessage, ReferralsDbContext>(db, clock, logger)
    where TMessage : class
{
    protected override async Task HandleAsync(ConsumeContext<TMessage> context)
    {
        var drafts = await ProjectAsync(context.Message, context.CancellationToken);
        await ChronologyAppender.AppendAsync(Db, Clock, drafts, context.MessageId, context.CancellationToken);
    }

    protected virtual Task<IReadOnlyList<ChronologyDraft>> ProjectAsync(TMessage message, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ChronologyDraft>>([.. Project(message)]);

    protected virtual IEnumerable<ChronologyDraft> Project(TMessage message) =>
        throw new NotSupportedException($"{GetType().Name} must override Project or ProjectAsync.");
}

/// <summary>Wording shared by the summaries: ids and codes only, times in Europe/London.</summary>
internal static class ChronologyText
{
    public const string ReferralsService = "referrals";
    public const string MissingService = "missing";
    public const string OutreachService = "outreach";
    public const string LeavingCareService = "leaving-care";

    /// <summary>
    /// "2026-07-01 10:00 +01:00". This text is part of a stored, hash-chained summary (REC-04), so its format is frozen
    /// here rather than borrowed from a display helper: a new display shape must never change what new entries say.
    /// </summary>
    public static string At(DateTimeOffset at) =>
        London.ToLocal(at).ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Codes<T>(IEnumerable<T> codes)
    {
        var list = codes.Select(c => c?.ToString() ?? "").ToList();
        return list.Count == 0 ? "none" : string.Join(", ", list);
    }

    public static string YesNo(bool value) => value ? "yes" : "no";
}
