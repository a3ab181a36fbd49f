using Support.Bench.Reporting;

namespace Support.Bench.Benchmarks;

public interface IBenchmark
{
    /// <summary>Short name used in figure names and by <c>--only</c>.</summary>
    string Name { get; }

    string Title { get; }

    Task RunAsync(Report report, CancellationToken cancellationToken);

    /// <summary>The figures this benchmark was meant to produce, reported as not measured when it fails.</summary>
    IEnumerable<(string Name, Target? Target)> PlannedFigures { get; }
}
