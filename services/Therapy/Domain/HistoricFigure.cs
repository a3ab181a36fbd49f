using Support.ServiceDefaults.Auth;

namespace Support.Therapy.Domain;

/// <summary>
/// COM-01, COM-02: one figure a council published before the platform existed, imported from a CSV with its source
/// and definition, for one indicator in one financial year. <see cref="Value"/> is null when the source had no data
/// for that year ("no data", never 0). Append-only: a figure imported again for the same indicator and year is a new
/// row that names the one it <see cref="Supersedes"/>, with the import's reason, so a restatement stays visible.
/// </summary>
public sealed class HistoricFigure
{
    private HistoricFigure() { }

    public Guid Id { get; private init; }
    public Guid ImportId { get; private init; }
    /// <summary>The indicator's code, such as <c>cse-clients</c>.</summary>
    public string Indicator { get; private init; } = "";
    /// <summary>The COM-01 counting unit the figure counts.</summary>
    public string Unit { get; private init; } = "";
    /// <summary>The financial year, by the calendar year it starts in (2012 for 2012-13).</summary>
    public int PeriodStartYear { get; private init; }
    public int? Value { get; private init; }
    public string Source { get; private init; } = "";
    public string Definition { get; private init; } = "";
    /// <summary>The row of the CSV it came from (the header is row 1).</summary>
    public int SourceRow { get; private init; }
    public Guid? Supersedes { get; private init; }
    public string ImportedBy { get; private init; } = "";
    public DateTimeOffset ImportedAt { get; private init; }

    public static HistoricFigure Import(Guid importId, string indicator, string unit, int periodStartYear, int? value, string source, string definition,
        int sourceRow, Guid? supersedes, Author author) => new()
    {
        Id = Guid.CreateVersion7(author.At), ImportId = importId, Indicator = indicator, Unit = unit, PeriodStartYear = periodStartYear, Value = value,
        Source = source, Definition = definition, SourceRow = sourceRow, Supersedes = supersedes, ImportedBy = author.UserId, ImportedAt = author.At,
    };
}

/// <summary>One upload of historic figures: who imported it, when, how many rows, and why, when it restates earlier figures.</summary>
public sealed class HistoricImport
{
    private HistoricImport() { }

    public Guid Id { get; private init; }
    public int Rows { get; private init; }
    public string? Reason { get; private init; }
    public string ImportedBy { get; private init; } = "";
    public string ImportedByRole { get; private init; } = "";
    public DateTimeOffset ImportedAt { get; private init; }

    public static HistoricImport Record(int rows, string? reason, Author author) => new()
    {
        Id = Guid.CreateVersion7(author.At), Rows = rows, Reason = reason, ImportedBy = author.UserId, ImportedByRole = author.Role, ImportedAt = author.At,
    };
}
