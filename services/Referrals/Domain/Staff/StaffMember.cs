using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Domain.Staff;

/// <summary>
/// A person who can be named as the owner of an action (COM-10): "The former Chief Executive was still named as the
/// person responsible for a number of actions despite the fact that he had already left the Council" (Casey, L1745).
/// The sign-in user id is the key, so an owner is a real account, not a name typed into a box. Append-only: leaving is
/// a <see cref="StaffDeactivation"/> row beside it, refused while they still own open actions.
/// </summary>
public sealed class StaffMember
{
    private StaffMember() { }

    public string UserId { get; private init; } = "";
    public string DisplayName { get; private init; } = "";
    /// <summary>Their role in the platform (a code of <c>Roles.All</c>).</summary>
    public string Role { get; private init; } = "";
    /// <summary>Their organisation, such as "Children's social care" or "South Yorkshire Police".</summary>
    public string Organisation { get; private init; } = "";
    public DateTimeOffset RegisteredAt { get; private init; }
    public string RegisteredBy { get; private init; } = "";

    public static StaffMember Register(string userId, string displayName, string role, string organisation, Author author) => new()
    {
        UserId = userId,
        DisplayName = displayName,
        Role = role,
        Organisation = organisation,
        RegisteredAt = author.At,
        RegisteredBy = author.UserId,
    };
}

/// <summary>That a staff member left or lost access (COM-10), once, with why and who recorded it.</summary>
public sealed class StaffDeactivation
{
    private StaffDeactivation() { }

    public string UserId { get; private init; } = "";
    public string Reason { get; private init; } = "";
    public DateTimeOffset DeactivatedAt { get; private init; }
    public string DeactivatedBy { get; private init; } = "";

    public static StaffDeactivation Of(StaffMember member, string reason, Author author) => new()
    {
        UserId = member.UserId,
        Reason = reason.Trim(),
        DeactivatedAt = author.At,
        DeactivatedBy = author.UserId,
    };
}
