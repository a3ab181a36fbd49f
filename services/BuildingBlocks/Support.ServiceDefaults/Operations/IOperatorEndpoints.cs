using Microsoft.AspNetCore.Routing;

namespace Support.ServiceDefaults.Operations;

/// <summary>
/// Endpoints a building block contributes for the platform's operators (under <c>/ops/</c>, the
/// <see cref="Auth.Policies.Operators"/> policy, never proxied by the gateway). <c>MapDefaultEndpoints</c> maps every
/// registered contributor, so a service gets them by using the building block, without a line in its Program.cs.
/// </summary>
public interface IOperatorEndpoints
{
    void Map(IEndpointRouteBuilder endpoints);
}
