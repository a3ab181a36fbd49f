namespace Support.ServiceDefaults.Deployment;

/// <summary>
/// Work a service does once per deployment, before any replica of the new version starts: the database migrations and
/// the broker topology (every queue this service consumes from, bound to the events it consumes). The service's
/// <c>--migrate</c> mode runs every registered step and exits; building blocks register their own steps.
/// </summary>
public interface IDeploymentStep
{
    string Name { get; }

    Task RunAsync(CancellationToken cancellationToken);
}

public static class DeploymentMode
{
    /// <summary>The command-line switch that runs the deployment steps and exits instead of serving.</summary>
    public const string Argument = "--migrate";

    /// <summary>True when this process was started to deploy, not to serve.</summary>
    public static bool Requested => Environment.GetCommandLineArgs().Contains(Argument, StringComparer.Ordinal);
}
