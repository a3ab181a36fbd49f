using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Domain.CrossReferences;

/// <summary>
/// REF-19: "Any record may tag other people, whether young people, adults or siblings". Imray §4.1 found information
/// about children "held on the files of ... an unrelated adult with no reference made on the subject child's case
/// record". A record about a child that names an adult tags them: the tag keeps where it was written (the source
/// record) and what was said, and the adult joins the persons-of-concern register as a <c>Person</c> link, so every
/// other child whose record names the same adult is found (REF-13). Append-only.
/// </summary>
public sealed class AdultTag
{
    private AdultTag() { }

    public Guid Id { get; private init; }
    public Guid YoungPersonId { get; private init; }
    /// <summary>The adult's name as the worker wrote it.</summary>
    public string Name { get; private init; } = "";
    /// <summary>The name as the register compares it (the <c>Person</c> link's value); never logged.</summary>
    public string Value { get; private init; } = "";
    public string SourceKind { get; private init; } = "";
    public string? SourceReference { get; private init; }
    public string Summary { get; private init; } = "";
    public DateTimeOffset RecordedAt { get; private init; }
    public string RecordedBy { get; private init; } = "";
    public string RecordedByRole { get; private init; } = "";

    public static AdultTag Record(Guid youngPersonId, string name, string value, string sourceKind, string? sourceReference, string summary, Author author) => new()
    {
        Id = Guid.CreateVersion7(author.At),
        YoungPersonId = youngPersonId,
        Name = name,
        Value = value,
        SourceKind = sourceKind,
        SourceReference = sourceReference,
        Summary = summary,
        RecordedAt = author.At,
        RecordedBy = author.UserId,
        RecordedByRole = author.Role,
    };
}
