namespace Support.Testing;

/// <summary>
/// Issue 17, suite 3 ("report recovery times"): every fault test appends how long recovery took to one file,
/// <c>artifacts/faults/recovery-times.txt</c>, kept by <c>tools/test</c> with the run's other artifacts.
/// </summary>
public static class RecoveryTimes
{
    /// <summary>Appends a time-stamped line for <paramref name="fault"/> and returns it, for the test's own output.</summary>
    public static string Append(string fault, string figures)
    {
        var line = $"{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ssZ} {fault}: {figures}";
        var folder = Path.Combine(TestEnvironment.RepositoryRoot, "artifacts", "faults");
        Directory.CreateDirectory(folder);
        File.AppendAllLines(Path.Combine(folder, "recovery-times.txt"), [line]);
        return line;
    }
}
