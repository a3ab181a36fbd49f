using Microsoft.AspNetCore.Authorization;

namespace Support.ServiceDefaults.Auth;

/// <summary>Named authorization policies, shared by the gateway (per route) and the services (per endpoint).</summary>
public static class Policies
{
    /// <summary>Any professional allowed to see a child's identifiable record; never a commissioner.</summary>
    public const string CaseStaff = nameof(CaseStaff);
    public const string AccessLogReaders = nameof(AccessLogReaders);
    public const string AggregateReaders = nameof(AggregateReaders);
    /// <summary>Aggregate readers and police liaison: suppressed reports about places, such as hotspots (OUT-08).</summary>
    public const string PlaceReportReaders = nameof(PlaceReportReaders);
    public const string TeamManagers = nameof(TeamManagers);
    public const string Operators = nameof(Operators);

    public static AuthorizationBuilder AddSupportPolicies(this AuthorizationBuilder builder) => builder
        // A route or endpoint someone forgot to protect is never anonymous (engineering guide §4.4).
        .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
        .AddPolicy(CaseStaff, p => p.RequireRole(Roles.CaseStaff))
        .AddPolicy(AccessLogReaders, p => p.RequireRole(Roles.AccessLogReaders))
        .AddPolicy(AggregateReaders, p => p.RequireRole(Roles.AggregateReaders))
        .AddPolicy(PlaceReportReaders, p => p.RequireRole(Roles.PlaceReportReaders))
        .AddPolicy(TeamManagers, p => p.RequireRole(Roles.TeamManager, Roles.SeniorManager))
        .AddPolicy(Operators, p => p.RequireRole(Roles.PlatformOperator));
}
