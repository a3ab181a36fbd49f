using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Domain.UnmetNeeds;

namespace Support.Referrals.Features.UnmetNeeds;

/// <summary>
/// COM-05: the one way Referrals records an unmet need, wherever it is found (an assessment signed off, a need task
/// completed, a placement for cost or shortage). The need is kept here, for the child's workers to see and to record
/// when it is met, and announced to the platform's ledger in the same transaction, with the same id.
/// </summary>
public static class UnmetNeedRegister
{
    /// <summary>How the ledger and the chronology name this service as the one that raised or resolved a need.</summary>
    public const string Service = "referrals";

    public static UnmetNeed RecordUnmetNeed(this ReferralsDbContext db, IOutbox outbox, UnmetNeed need)
    {
        db.UnmetNeeds.Add(need);
        outbox.Add(need.ToRecorded(Service));
        return need;
    }
}
