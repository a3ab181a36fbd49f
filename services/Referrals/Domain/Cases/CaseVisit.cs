using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Domain.Cases;

/// <summary>
/// A visit to or contact with the young person on a case, as the worker recorded it (REF-23), append-only. Only
/// face-to-face contact resets the visit gap: "sporadic, sometimes with several weeks or even months passing between
/// visits" (Imray §4.8).
/// </summary>
public sealed class CaseVisit
{
    private CaseVisit() { }

    public Guid Id { get; private init; }
    public Guid CaseId { get; private init; }
    public Guid YoungPersonId { get; private init; }
    public DateTimeOffset OccurredAt { get; private init; }
    public bool FaceToFace { get; private init; }
    public string Place { get; private init; } = "";
    public string? Note { get; private init; }
    public DateTimeOffset RecordedAt { get; private init; }
    public string RecordedBy { get; private init; } = "";
    public string RecordedByRole { get; private init; } = "";

    public static CaseVisit Record(Case @case, DateTimeOffset occurredAt, bool faceToFace, string place, string? note, Author author)
    {
        @case.EnsureOpen("record a visit on");
        return new CaseVisit
        {
            Id = Guid.CreateVersion7(author.At), CaseId = @case.Id, YoungPersonId = @case.YoungPersonId, OccurredAt = occurredAt,
            FaceToFace = faceToFace, Place = place, Note = note, RecordedAt = author.At, RecordedBy = author.UserId, RecordedByRole = author.Role,
        };
    }
}

/// <summary>
/// That a case's visit gap was announced (<c>VisitGapAlertRaised</c>, REF-23): once per gap, keyed on the last
/// face-to-face contact it counts from (or the case's opening), so a new visit starts a new gap. Append-only.
/// </summary>
public sealed class VisitGapNotice
{
    private VisitGapNotice() { }

    public Guid CaseId { get; private init; }
    public DateTimeOffset Since { get; private init; }
    public DateTimeOffset AnnouncedAt { get; private init; }

    public static VisitGapNotice For(Guid caseId, DateTimeOffset since, DateTimeOffset now) => new() { CaseId = caseId, Since = since, AnnouncedAt = now };
}
