using Support.Contracts.Registry;
using Support.Messaging.Inbox;
using Support.Referrals.Data;
using Support.Referrals.Domain.Chronology;
using static Support.Referrals.Consumers.Chronology.ChronologyText;

namespace Support.Referrals.Consumers.Chronology;

/// <summary>
/// Issue 16 item 4: what the young person said in their own words in another service (a return interview's account
/// where its sharing basis allows, what they told their adviser) reaches their chronology as a quotation, word for
/// word, with where and when it was said; <c>GET .../own-words</c> puts it first on their record. Like the support
/// line's marked texts, the words are the point of the entry.
/// </summary>
[InboxName("chronology.young-persons-words-recorded")]
public sealed class YoungPersonsWordsChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<YoungPersonsWordsChronologyConsumer> logger)
    : ChronologyConsumer<YoungPersonsWordsRecorded>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(YoungPersonsWordsRecorded m) =>
    [
        new(m.YoungPersonId, m.SaidAt, m.Service, ChronologyEntryKind.YoungPersonsWordsRecorded,
            $"In their own words ({m.Source}, {At(m.SaidAt)}): \"{m.Words}\"",
            new ChronologyAuthor(m.RecordedBy, m.RecordedByRole), m.WordsId, Detail: m.Source),
    ];
}
