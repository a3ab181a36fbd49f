namespace Support.Bench.Reporting;

/// <summary>Prints each figure as it is measured, then a summary and a markdown table of everything.</summary>
public sealed class Report(TextWriter output)
{
    private readonly List<Figure> _figures = [];

    public bool Has(string name) => _figures.Any(f => f.Name == name);

    public void Section(string title) => output.WriteLine($"{Environment.NewLine}## {title}");

    public void Note(string text) => output.WriteLine($"# {text}");

    /// <summary>A figure judged against a target.</summary>
    public void Add(string benchmark, string name, double value, int decimals, Target target, string? note = null) =>
        Record(new Figure(benchmark, name, value, decimals, target, target.IsMetBy(value) ? Verdict.Met : Verdict.Missed, note));

    /// <summary>A supporting figure with no target of its own.</summary>
    public void Info(string benchmark, string name, double value, int decimals, string? note = null) =>
        Record(new Figure(benchmark, name, value, decimals, null, Verdict.Info, note));

    public void NotMeasured(string benchmark, string name, Target? target, string reason) =>
        Record(new Figure(benchmark, name, null, 0, target, Verdict.NotMeasured, reason));

    public void PrintSummary()
    {
        var judged = _figures.Where(f => f.Target is not null).ToList();
        output.WriteLine();
        output.WriteLine("## Summary");
        output.WriteLine($"{judged.Count(f => f.Verdict == Verdict.Met)} of {judged.Count} targets met.");
        foreach (var f in judged.Where(f => f.Verdict == Verdict.Missed))
        {
            output.WriteLine($"- missed: {f.Name} = {f.ValueText} (target {f.TargetText})");
        }
        foreach (var f in _figures.Where(f => f.Verdict == Verdict.NotMeasured))
        {
            output.WriteLine($"- not measured: {f.Name}: {f.Note}");
        }

        output.WriteLine();
        output.WriteLine("| Benchmark | Figure | Value | Target | Result |");
        output.WriteLine("|---|---|---:|---|---|");
        foreach (var f in _figures)
        {
            output.WriteLine($"| {f.Benchmark} | `{f.Name}` | {f.ValueText} | {f.TargetText} | {f.VerdictText} |");
        }
    }

    private void Record(Figure figure)
    {
        _figures.Add(figure);
        output.WriteLine(figure.Line());
    }
}
