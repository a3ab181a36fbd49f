using MassTransit;

namespace Support.Contracts.Registry;

/// <summary>
/// Issue 16 item 4: a service recorded what the young person said, in their own words (a return interview's account,
/// MIS-03, where the recorded sharing basis allows its free text; what they told their personal adviser at a contact
/// or about a closure, LC-01). Referrals puts them first on their record, quoted, with where and when they were said.
/// The support line's marked texts have their own event (<c>YoungPersonViewsRecorded</c>, SL-07).
/// </summary>
[MessageUrn("support:registry:young-persons-words-recorded:v1")]
public sealed record YoungPersonsWordsRecorded
{
    /// <summary>The record that holds the words in the service that recorded them (the interview, the contact, the closure).</summary>
    public required Guid WordsId { get; init; }
    public required Guid YoungPersonId { get; init; }
    /// <summary>The service's name (<c>missing</c>, <c>leavingcare</c>).</summary>
    public required string Service { get; init; }
    /// <summary>Where they were said, in words: "Return interview", "Keeping-in-touch contact", "Closing leaving-care support".</summary>
    public required string Source { get; init; }
    public required string Words { get; init; }
    public required DateTimeOffset SaidAt { get; init; }
    public required string RecordedBy { get; init; }
    public required string RecordedByRole { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
