namespace Support.Launcher;

/// <summary>
/// One process of the platform: a built assembly run with <c>dotnet</c>, listening on <c>127.0.0.1:Port</c>
/// (<c>ASPNETCORE_URLS</c> is set from it), its output appended to <see cref="LogFile"/>.
/// </summary>
public sealed record LaunchSpec(
    string Name, string Dll, string WorkingDirectory, int Port, IReadOnlyDictionary<string, string> Environment, string LogFile)
{
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    /// <summary>The assembly's file name, which the process's command line carries (its identity check).</summary>
    public string Assembly => Path.GetFileName(Dll);
}
