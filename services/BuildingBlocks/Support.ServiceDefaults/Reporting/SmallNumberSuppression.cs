namespace Support.ServiceDefaults.Reporting;

/// <summary>
/// The totals published beside a table. Usually the sums of its rows and columns (<see cref="SmallNumberSuppression.Apply(int[,], Disclosure, int)"/>
/// works them out); given explicitly for measures that do not add up, such as distinct young people across months.
/// </summary>
public sealed record TableMargins(IReadOnlyList<int> RowTotals, IReadOnlyList<int> ColumnTotals, int GrandTotal);

/// <summary>A table as it may be published: every cell, row total, column total and the grand total as a <see cref="ReportCount"/>.</summary>
public sealed record SuppressedTable(
    IReadOnlyList<IReadOnlyList<ReportCount>> Cells,
    IReadOnlyList<ReportCount> RowTotals,
    IReadOnlyList<ReportCount> ColumnTotals,
    ReportCount GrandTotal);

/// <summary>
/// Small-number suppression for every aggregate report on the platform (Part I, <c>SuppressionThreshold</c>; UK
/// official statistics practice): a count from 1 to the threshold (5) is shown as "c"; 0 is shown as 0.
/// <para>
/// Primary suppression alone is not enough: a row of [3, 10] with its total 13 gives the 3 back. Secondary
/// suppression hides further cells until no suppressed count can be worked out from the published cells and totals.
/// Seen as equations, a row (or column) says "its cells add up to its total"; with the total row and column included
/// every count lies on exactly two such lines. A suppressed count can be worked back exactly when, in the graph whose
/// nodes are the lines and whose edges are the suppressed counts, its edge lies on no cycle (the equations' null
/// space is that graph's cycle space). So suppression continues, always hiding the smallest non-zero count that closes
/// a cycle (cells before totals), until every suppressed count lies on a cycle. The property test checks the result
/// against plain linear algebra over many random tables.
/// </para>
/// <para>
/// Auditors (<see cref="Disclosure.Exact"/>) see every count. The input is never changed.
/// </para>
/// </summary>
public static class SmallNumberSuppression
{
    /// <summary>Counts from 1 up to and including this are suppressed (Part I: "counts 1-5 are shown as c").</summary>
    public const int DefaultThreshold = 5;

    /// <summary>Suppresses a table of additive counts, with row, column and grand totals that are its sums.</summary>
    public static SuppressedTable Apply(int[,] cells, Disclosure disclosure, int threshold = DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(cells);
        int rows = cells.GetLength(0), columns = cells.GetLength(1);
        var rowTotals = new int[rows];
        var columnTotals = new int[columns];
        var grand = 0;
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                rowTotals[r] += cells[r, c];
                columnTotals[c] += cells[r, c];
                grand += cells[r, c];
            }
        }
        return Apply(cells, new TableMargins(rowTotals, columnTotals, grand), disclosure, threshold);
    }

    /// <summary>
    /// Suppresses a table with totals given explicitly (for measures that do not add up, such as distinct people).
    /// They are protected as if they were sums, which hides at least what the sums would reveal.
    /// </summary>
    public static SuppressedTable Apply(int[,] cells, TableMargins margins, Disclosure disclosure, int threshold = DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(margins);
        ArgumentOutOfRangeException.ThrowIfNegative(threshold);
        int rows = cells.GetLength(0), columns = cells.GetLength(1);
        if (margins.RowTotals.Count != rows || margins.ColumnTotals.Count != columns)
        {
            throw new ArgumentException("The margins must have one total per row and per column.", nameof(margins));
        }

        // The whole grid: row `rows` holds the column totals, column `columns` the row totals, the corner the grand total.
        var grid = new int[rows + 1, columns + 1];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                grid[r, c] = cells[r, c];
            }
            grid[r, columns] = margins.RowTotals[r];
        }
        for (var c = 0; c < columns; c++)
        {
            grid[rows, c] = margins.ColumnTotals[c];
        }
        grid[rows, columns] = margins.GrandTotal;
        foreach (var value in grid)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value, nameof(cells));
        }

        var hidden = disclosure == Disclosure.Exact ? new bool[rows + 1, columns + 1] : Suppress(grid, threshold);

        var published = new ReportCount[rows + 1][];
        for (var r = 0; r <= rows; r++)
        {
            published[r] = new ReportCount[columns + 1];
            for (var c = 0; c <= columns; c++)
            {
                published[r][c] = hidden[r, c] ? ReportCount.Suppressed : new ReportCount(grid[r, c]);
            }
        }
        return new SuppressedTable(
            [.. published.Take(rows).Select(row => (IReadOnlyList<ReportCount>)row.Take(columns).ToArray())],
            [.. published.Take(rows).Select(row => row[columns])],
            [.. published[rows].Take(columns)],
            published[rows][columns]);
    }

    /// <summary>Which counts of the whole grid (totals included) are hidden: primary, then secondary.</summary>
    internal static bool[,] Suppress(int[,] grid, int threshold)
    {
        int height = grid.GetLength(0), width = grid.GetLength(1);
        var hidden = new bool[height, width];
        for (var r = 0; r < height; r++)
        {
            for (var c = 0; c < width; c++)
            {
                hidden[r, c] = grid[r, c] >= 1 && grid[r, c] <= threshold;
            }
        }

        // Each pass hides at least one more count, so this ends (at worst with everything hidden, where every count
        // lies on a four-cycle).
        while (FirstRecoverable(hidden) is { } exposed)
        {
            if (ChooseComplement(grid, hidden, exposed) is not { } complement)
            {
                break; // nothing left to hide: a table of a single line, which has no totals to work back from
            }
            hidden[complement.Row, complement.Column] = true;
        }
        return hidden;
    }

    private readonly record struct Cell(int Row, int Column);

    /// <summary>A hidden count that could be worked back from the published ones: its edge is a bridge.</summary>
    private static Cell? FirstRecoverable(bool[,] hidden)
    {
        int height = hidden.GetLength(0), width = hidden.GetLength(1);
        for (var r = 0; r < height; r++)
        {
            for (var c = 0; c < width; c++)
            {
                if (hidden[r, c] && !OnCycle(hidden, r, c))
                {
                    return new Cell(r, c);
                }
            }
        }
        return null;
    }

    /// <summary>
    /// Whether row-line <paramref name="row"/> and column-line <paramref name="column"/> are still connected through
    /// hidden counts once the count where they cross is left out.
    /// </summary>
    private static bool OnCycle(bool[,] hidden, int row, int column)
    {
        int height = hidden.GetLength(0), width = hidden.GetLength(1);
        var seenRows = new bool[height];
        var seenColumns = new bool[width];
        var queue = new Queue<(bool IsRow, int Index)>();
        seenRows[row] = true;
        queue.Enqueue((true, row));
        while (queue.Count > 0)
        {
            var (isRow, index) = queue.Dequeue();
            if (isRow)
            {
                for (var c = 0; c < width; c++)
                {
                    if (hidden[index, c] && !(index == row && c == column) && !seenColumns[c])
                    {
                        if (c == column)
                        {
                            return true;
                        }
                        seenColumns[c] = true;
                        queue.Enqueue((false, c));
                    }
                }
            }
            else
            {
                for (var r = 0; r < height; r++)
                {
                    if (hidden[r, index] && !(r == row && index == column) && !seenRows[r])
                    {
                        seenRows[r] = true;
                        queue.Enqueue((true, r));
                    }
                }
            }
        }
        return false;
    }

    /// <summary>
    /// The count to hide next to protect <paramref name="exposed"/>: one that puts it on a cycle if any does (smallest
    /// non-zero cell first, totals after cells, zeros last), otherwise the best in its row or column, otherwise anywhere.
    /// </summary>
    private static Cell? ChooseComplement(int[,] grid, bool[,] hidden, Cell exposed)
    {
        int height = grid.GetLength(0), width = grid.GetLength(1);
        var candidates = new List<Cell>();
        for (var r = 0; r < height; r++)
        {
            for (var c = 0; c < width; c++)
            {
                if (!hidden[r, c])
                {
                    candidates.Add(new Cell(r, c));
                }
            }
        }
        (bool, int, bool, int) Preference(Cell cell) =>
            (grid[cell.Row, cell.Column] == 0, grid[cell.Row, cell.Column], cell.Row == height - 1 || cell.Column == width - 1, cell.Row * width + cell.Column);
        var ordered = candidates.OrderBy(Preference).ToList();

        foreach (var candidate in ordered)
        {
            hidden[candidate.Row, candidate.Column] = true;
            var closes = OnCycle(hidden, exposed.Row, exposed.Column);
            hidden[candidate.Row, candidate.Column] = false;
            if (closes)
            {
                return candidate;
            }
        }
        foreach (var candidate in ordered)
        {
            if (candidate.Row == exposed.Row || candidate.Column == exposed.Column)
            {
                return candidate;
            }
        }
        return ordered.Count > 0 ? ordered[0] : null;
    }
}
