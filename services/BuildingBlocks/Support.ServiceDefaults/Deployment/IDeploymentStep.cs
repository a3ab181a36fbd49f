namespace Support.ServiceDefaults.Deployment;

/// <summary>
/// Work a service does once per deployment, before any replica of the new version starts, beside its database
/// migrations: the broker topology (every queue this service consumes from, bound to the events it consumes). Started
/// with <c>--deploy-topology</c> (the migration Job passes it after <c>--migrate</c>), a service runs every registered
/// step and exits; building blocks register their own steps.
/// </summary>
public interface IDeploymentStep
{
    string Name { get; }

    Task RunAsync(CancellationToken cancellationToken);
}

public static class DeploymentMode
{
    /// <summary>The command-line switch that runs the deployment steps and exits instead of serving.</summary>
    public const string Argument = "--deploy-topology";

    /// <summary>True when this process was started to deploy its topology, not to serve.</summary>
    public static bool Requested => Started(Environment.GetCommandLineArgs());

    /// <summary>True when the process arguments carry <c>--deploy-topology</c> (the first argument is the program itself).</summary>
    public static bool Started(IEnumerable<string> commandLine) => commandLine.Skip(1).Contains(Argument, StringComparer.Ordinal);
}
