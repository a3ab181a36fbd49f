using Support.ServiceDefaults.Auth;
namespace Support.Missing.Domain;

/// <summary>What a worker records about a child abduction warning notice served on an adult (MIS-05).</summary>
public sealed record AbductionNoticeDetails(
    Guid YoungPersonId,
    string SubjectName,
    IReadOnlyList<string> SubjectNicknames,
    IReadOnlyList<string> Addresses,
    IReadOnlyList<string> VehicleRegistrations,
    DateTimeOffset ServedAt,
    DateTimeOffset? ExpiresAt);

/// <summary>
/// A child abduction warning notice served on an adult to keep them away from one young person (MIS-05). It is active
/// while the server's clock is before <see cref="ExpiresAt"/>, or always when it has no expiry. Episodes of that young
/// person are matched against its subject's name, nicknames, addresses and vehicles. Never edited once recorded.
/// </summary>
public sealed class AbductionNotice
{
    private AbductionNotice() { }

    public Guid Id { get; private init; }
    public Guid YoungPersonId { get; private init; }
    public string SubjectName { get; private init; } = "";
    public List<string> SubjectNicknames { get; private init; } = [];
    public List<string> Addresses { get; private init; } = [];
    public List<string> VehicleRegistrations { get; private init; } = [];
    public DateTimeOffset ServedAt { get; private init; }
    public DateTimeOffset? ExpiresAt { get; private init; }
    public DateTimeOffset RecordedAt { get; private init; }
    public string RecordedBy { get; private init; } = "";
    public string RecordedByRole { get; private init; } = "";

    public bool IsActiveAt(DateTimeOffset now) => ExpiresAt is null || now < ExpiresAt;

    /// <summary>A notice cannot be served in the future, and cannot expire before (or when) it was served.</summary>
    public static IReadOnlyList<RuleViolation> Check(AbductionNoticeDetails details, DateTimeOffset now)
    {
        var violations = new List<RuleViolation>();
        if (Clock.IsInTheFuture(details.ServedAt, now))
        {
            violations.Add(new RuleViolation("servedAt", "'servedAt' cannot be in the future."));
        }
        if (details.ExpiresAt is { } expiresAt && expiresAt <= details.ServedAt)
        {
            violations.Add(new RuleViolation("expiresAt", "'expiresAt' must be after 'servedAt'."));
        }
        return violations;
    }

    public static AbductionNotice Record(AbductionNoticeDetails details, Author author)
    {
        if (Check(details, author.At) is [var violation, ..])
        {
            throw new ArgumentException(violation.Message, nameof(details));
        }
        return new AbductionNotice
        {
            Id = Guid.CreateVersion7(author.At),
            YoungPersonId = details.YoungPersonId,
            SubjectName = details.SubjectName.Trim(),
            SubjectNicknames = Clean(details.SubjectNicknames),
            Addresses = Clean(details.Addresses),
            VehicleRegistrations = Clean(details.VehicleRegistrations),
            ServedAt = details.ServedAt.ToUniversalTime(),
            ExpiresAt = details.ExpiresAt?.ToUniversalTime(),
            RecordedAt = author.At.ToUniversalTime(),
            RecordedBy = author.UserId,
            RecordedByRole = author.Role,
        };
    }

    private static List<string> Clean(IReadOnlyList<string> values) =>
        values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}
