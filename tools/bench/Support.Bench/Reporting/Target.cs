namespace Support.Bench.Reporting;

/// <summary>A limit a figure is judged against: "at most" for latencies and memory, "at least" for rates.</summary>
public sealed record Target(double Limit, bool AtMost)
{
    public static Target Max(double limit) => new(limit, AtMost: true);
    public static Target Min(double limit) => new(limit, AtMost: false);

    public bool IsMetBy(double value) => AtMost ? value <= Limit : value >= Limit;

    public override string ToString() => $"{(AtMost ? "<=" : ">=")} {BenchSettings.Format(Limit, Limit % 1 == 0 ? 0 : 1)}";
}
