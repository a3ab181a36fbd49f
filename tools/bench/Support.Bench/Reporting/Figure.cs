namespace Support.Bench.Reporting;

public enum Verdict
{
    Met,
    Missed,
    Info,
    NotMeasured,
}

/// <summary>One measured (or unmeasured) number, e.g. <c>gateway.added_p50_ms</c>.</summary>
public sealed record Figure(string Benchmark, string Name, double? Value, int Decimals, Target? Target, Verdict Verdict, string? Note)
{
    public string ValueText => Value is { } v ? BenchSettings.Format(v, Decimals) : "n/a";

    public string TargetText => Target?.ToString() ?? "-";

    public string VerdictText => Verdict switch
    {
        Verdict.Met => "met",
        Verdict.Missed => "MISSED",
        Verdict.NotMeasured => "NOT MEASURED",
        _ => "info",
    };

    /// <summary>The machine-readable line: <c>name value (target &lt;= x, met)</c>.</summary>
    public string Line()
    {
        var line = $"{Name} {ValueText}";
        if (Target is not null || Verdict == Verdict.NotMeasured)
        {
            line += Target is null ? $" ({VerdictText})" : $" (target {TargetText}, {VerdictText})";
        }
        return Note is null ? line : $"{line}  # {Note}";
    }
}
