using Support.ServiceDefaults.Auth;

namespace Support.Therapy.Domain;

public enum KeyWorkerTaskStatus
{
    Open,
    Done,
}

/// <summary>
/// A key worker's task about a referral, done when a referral is made from it. THR-01: after a decline, choose an
/// alternative offer. THR-05: for a CAMHS episode within 6 months of the 18th birthday, plan the move to an adult
/// mental-health or commissioned adult service. The task lists the offers that fit when it opened. Addressed to the key
/// worker the case events named, or to the team when none is known yet.
/// </summary>
public sealed class KeyWorkerTask
{
    public const string ChooseAlternativeOffer = nameof(ChooseAlternativeOffer);
    public const string PlanAdultTransition = nameof(PlanAdultTransition);

    private KeyWorkerTask() { }

    public Guid Id { get; private init; }
    public Guid YoungPersonId { get; private init; }
    /// <summary>The referral the task is about: the declined one (THR-01) or the CAMHS episode nearing 18 (THR-05).</summary>
    public Guid ReferralId { get; private init; }
    public string Kind { get; private init; } = ChooseAlternativeOffer;
    public string? AssignedTo { get; private init; }
    public List<Guid> FittingOfferIds { get; private init; } = [];
    public DateTimeOffset OpenedAt { get; private init; }
    public KeyWorkerTaskStatus Status { get; private set; }
    public DateTimeOffset? DoneAt { get; private set; }
    public string? DoneBy { get; private set; }
    public Guid? AlternativeReferralId { get; private set; }

    public static KeyWorkerTask ToChooseAlternative(Guid youngPersonId, Guid declinedReferralId, string? keyWorker, IEnumerable<Guid> fittingOffers, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at), YoungPersonId = youngPersonId, ReferralId = declinedReferralId, Kind = ChooseAlternativeOffer,
        AssignedTo = keyWorker, FittingOfferIds = [.. fittingOffers], OpenedAt = at, Status = KeyWorkerTaskStatus.Open,
    };

    public static KeyWorkerTask ToPlanAdultTransition(Guid youngPersonId, Guid camhsReferralId, string? keyWorker, IEnumerable<Guid> adultOffers, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at), YoungPersonId = youngPersonId, ReferralId = camhsReferralId, Kind = PlanAdultTransition,
        AssignedTo = keyWorker, FittingOfferIds = [.. adultOffers], OpenedAt = at, Status = KeyWorkerTaskStatus.Open,
    };

    public void Complete(Guid alternativeReferralId, Author author)
    {
        if (Status == KeyWorkerTaskStatus.Done)
        {
            throw new InvalidOperationException("The task is already done.");
        }
        Status = KeyWorkerTaskStatus.Done;
        DoneAt = author.At;
        DoneBy = author.UserId;
        AlternativeReferralId = alternativeReferralId;
    }
}
