using Support.ServiceDefaults.Auth;

namespace Support.Therapy.Domain;

public enum KeyWorkerTaskStatus
{
    Open,
    Done,
}

/// <summary>
/// THR-01: after a decline the key worker chooses an alternative offer. The task lists the offers that fit when it
/// opened; it is done when an alternative referral is made from it. Addressed to the key worker the case events
/// named, or to the team when none is known yet.
/// </summary>
public sealed class KeyWorkerTask
{
    public const string ChooseAlternativeOffer = nameof(ChooseAlternativeOffer);

    private KeyWorkerTask() { }

    public Guid Id { get; private init; }
    public Guid YoungPersonId { get; private init; }
    public Guid DeclinedReferralId { get; private init; }
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
        Id = Guid.CreateVersion7(at), YoungPersonId = youngPersonId, DeclinedReferralId = declinedReferralId, AssignedTo = keyWorker,
        FittingOfferIds = [.. fittingOffers], OpenedAt = at, Status = KeyWorkerTaskStatus.Open,
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
