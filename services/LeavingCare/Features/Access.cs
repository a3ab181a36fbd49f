using System.Security.Claims;
using Support.LeavingCare.Domain;
using Support.ServiceDefaults.Auth;

namespace Support.LeavingCare.Features;

/// <summary>Who in the leaving-care team may see and do what (issue 5: packs only for the adviser, the team and managers).</summary>
public static class Access
{
    /// <summary>Personal advisers and their managers: the only roles that see handover packs.</summary>
    public const string LeavingCareTeam = nameof(LeavingCareTeam);

    /// <summary>Who may record a refusal by adult services (LC-06): the team, and adult services themselves.</summary>
    public const string UnmetNeedRecorders = nameof(UnmetNeedRecorders);

    public static readonly string[] TeamRoles = [Roles.PersonalAdviser, Roles.TeamManager, Roles.SeniorManager];
    public static readonly string[] ManagerRoles = [Roles.TeamManager, Roles.SeniorManager];
    public static readonly string[] UnmetNeedRoles = [Roles.PersonalAdviser, Roles.TeamManager, Roles.SeniorManager, Roles.AdultServices, Roles.SocialWorker];

    public static bool IsManager(this ClaimsPrincipal user) => ManagerRoles.Any(user.IsInRole);

    /// <summary>A manager sees everyone's; an adviser only a young person allocated to them.</summary>
    public static bool MaySee(this ClaimsPrincipal user, YoungPersonPicture picture) =>
        user.IsManager() || (picture.AdviserUserId is { } adviser && adviser == user.UserId());

    /// <summary>
    /// Who may record an unmet need for this young person: the same allocation rule as their record for the leaving-care
    /// team (an adviser only for a young person allocated to them), and adult services or a social worker, who record
    /// a refusal without being allocated (LC-06).
    /// </summary>
    public static bool MayRecordUnmetNeedFor(this ClaimsPrincipal user, YoungPersonPicture picture) =>
        user.MaySee(picture) || UnmetNeedRoles.Except(TeamRoles).Any(user.IsInRole);

    /// <summary>A manager sees every alert; an adviser only the alerts addressed to them.</summary>
    public static bool MaySee(this ClaimsPrincipal user, HandoverAlert alert) =>
        user.IsManager() || (alert.Recipient is { } recipient && recipient == user.UserId());
}
