using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Domain.Cases;

/// <summary>
/// Who managed a team from when (REF-24: "it is almost impossible to ascertain who the manager was of a particular team
/// at a particular time"). Append-only; an assignment ends when the next one for the same team starts, which names it.
/// </summary>
public sealed class TeamManagerAssignment
{
    private TeamManagerAssignment() { }

    public Guid Id { get; private init; }
    public string Team { get; private init; } = "";
    public string Manager { get; private init; } = "";
    public DateTimeOffset ValidFrom { get; private init; }
    public Guid? PreviousAssignmentId { get; private init; }
    public DateTimeOffset RecordedAt { get; private init; }
    public string RecordedBy { get; private init; } = "";

    public static TeamManagerAssignment Start(string team, string manager, TeamManagerAssignment? previous, Author author)
    {
        if (previous is not null && previous.Manager == manager)
        {
            throw new CaseConflictException($"'{manager}' is already the manager of team '{team}'.");
        }
        return new TeamManagerAssignment
        {
            Id = Guid.CreateVersion7(author.At),
            Team = team,
            Manager = manager,
            ValidFrom = author.At,
            PreviousAssignmentId = previous?.Id,
            RecordedAt = author.At,
            RecordedBy = author.UserId,
        };
    }
}
