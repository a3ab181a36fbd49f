using CsCheck;
using Support.ServiceDefaults.Reporting;

namespace Support.Outreach.Tests.Reporting;

/// <summary>
/// The shared small-number suppression (Part I, SuppressionThreshold): counts 1-5 shown as "c", 0 as 0, and no
/// suppressed count recoverable from the published cells and totals. Checked here against plain linear algebra, not
/// against the graph reasoning the implementation uses.
/// </summary>
public sealed class SmallNumberSuppressionTests
{
    /// <summary>Tables shaped like real reports: mostly small counts and zeros (the hard case), some large.</summary>
    private static readonly Gen<int[,]> Tables =
        Gen.Select(Gen.Int[1, 6], Gen.Int[1, 7]).SelectMany((rows, columns) =>
            Gen.Frequency((3, Gen.Int[0, 6]), (2, Gen.Int[0, 0]), (2, Gen.Int[6, 60])).Array[rows * columns].Select(values =>
            {
                var table = new int[rows, columns];
                for (var i = 0; i < values.Length; i++)
                {
                    table[i / columns, i % columns] = values[i];
                }
                return table;
            }));

    [Fact]
    public void No_suppressed_count_in_any_random_table_can_be_worked_back_from_the_row_and_column_totals()
    {
        Tables.Sample(table =>
        {
            var published = SmallNumberSuppression.Apply(table, Disclosure.Suppressed);
            var grid = Grid(published);
            foreach (var cell in Hidden(grid))
            {
                Assert.False(Determined(grid, cell), $"cell {cell} of {Describe(table)} can be worked back: {Describe(published)}");
            }
        }, iter: 3000);
    }

    [Fact]
    public void Every_count_from_1_to_5_is_suppressed_and_every_shown_count_is_the_true_one()
    {
        Tables.Sample(table =>
        {
            var published = SmallNumberSuppression.Apply(table, Disclosure.Suppressed);
            var truth = Grid(SmallNumberSuppression.Apply(table, Disclosure.Exact));
            var grid = Grid(published);
            for (var r = 0; r < grid.Length; r++)
            {
                for (var c = 0; c < grid[r].Length; c++)
                {
                    var actual = truth[r][c].Value!.Value;
                    if (actual is >= 1 and <= 5)
                    {
                        Assert.True(grid[r][c].IsSuppressed);
                    }
                    if (!grid[r][c].IsSuppressed)
                    {
                        Assert.Equal(actual, grid[r][c].Value);
                    }
                }
            }
        }, iter: 2000);
    }

    [Fact]
    public void Auditors_see_every_count_and_the_true_totals()
    {
        var published = SmallNumberSuppression.Apply(new[,] { { 3, 10 }, { 0, 7 } }, Disclosure.Exact);

        Assert.Equal([3, 10], published.Cells[0].Select(c => c.Value!.Value));
        Assert.Equal([13, 7], published.RowTotals.Select(c => c.Value!.Value));
        Assert.Equal([3, 17], published.ColumnTotals.Select(c => c.Value!.Value));
        Assert.Equal(20, published.GrandTotal.Value);
    }

    [Fact]
    public void A_lone_small_count_in_a_row_takes_the_next_smallest_count_of_its_row_with_it()
    {
        var published = SmallNumberSuppression.Apply(new[,] { { 3, 10, 40 }, { 12, 9, 30 } }, Disclosure.Suppressed);

        // The 3 alone would come back from 53 - 10 - 40; the 10 (smallest beside it) hides with it, and down the
        // columns the 12 and 9 hide with them so neither column gives them back.
        Assert.Equal(["c", "c", "40"], published.Cells[0].Select(c => c.ToString()));
        Assert.Equal(["c", "c", "30"], published.Cells[1].Select(c => c.ToString()));
        Assert.Equal(["53", "51"], published.RowTotals.Select(c => c.ToString()));
        Assert.Equal(["15", "19", "70", "104"], published.ColumnTotals.Append(published.GrandTotal).Select(c => c.ToString()));
    }

    [Fact]
    public void Zero_is_shown_as_zero_and_a_table_without_small_counts_is_shown_whole()
    {
        var published = SmallNumberSuppression.Apply(new[,] { { 0, 10 }, { 6, 0 } }, Disclosure.Suppressed);

        Assert.Equal(["0", "10", "6", "0"], published.Cells.SelectMany(r => r).Select(c => c.ToString()));
        Assert.All(published.RowTotals.Concat(published.ColumnTotals).Append(published.GrandTotal), c => Assert.False(c.IsSuppressed));
    }

    [Fact]
    public void A_suppressed_count_is_written_as_c_and_a_shown_one_as_a_number_in_json()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(new[] { ReportCount.Suppressed, new ReportCount(12), new ReportCount(0) });

        Assert.Equal("""["c",12,0]""", json);
    }

    private static ReportCount[][] Grid(SuppressedTable table) =>
    [
        .. table.Cells.Select((row, r) => row.Append(table.RowTotals[r]).ToArray()),
        table.ColumnTotals.Append(table.GrandTotal).ToArray(),
    ];

    private static IEnumerable<(int Row, int Column)> Hidden(ReportCount[][] grid) =>
        from r in Enumerable.Range(0, grid.Length)
        from c in Enumerable.Range(0, grid[r].Length)
        where grid[r][c].IsSuppressed
        select (r, c);

    /// <summary>
    /// Whether the hidden count is fixed by the equations "each row's cells add up to its total" and "each column's
    /// cells add up to its total": true exactly when its unit vector lies in the row space of the equations over the
    /// hidden counts (rank does not grow when it is added).
    /// </summary>
    private static bool Determined(ReportCount[][] grid, (int Row, int Column) target)
    {
        int height = grid.Length, width = grid[0].Length;
        var unknowns = Hidden(grid).ToList();
        var equations = new List<double[]>();
        for (var r = 0; r < height; r++)
        {
            equations.Add(Equation(unknowns, u => u.Row == r ? (u.Column == width - 1 ? -1 : 1) : 0));
        }
        for (var c = 0; c < width; c++)
        {
            equations.Add(Equation(unknowns, u => u.Column == c ? (u.Row == height - 1 ? -1 : 1) : 0));
        }
        var withTarget = equations.Append(Equation(unknowns, u => u == target ? 1 : 0)).ToList();
        return Rank(withTarget) == Rank(equations);
    }

    private static double[] Equation(List<(int Row, int Column)> unknowns, Func<(int Row, int Column), int> coefficient) =>
        [.. unknowns.Select(u => (double)coefficient(u))];

    private static int Rank(List<double[]> rows)
    {
        var m = rows.Select(r => (double[])r.Clone()).ToArray();
        var columns = m.Length == 0 ? 0 : m[0].Length;
        var rank = 0;
        for (var c = 0; c < columns && rank < m.Length; c++)
        {
            var pivot = Enumerable.Range(rank, m.Length - rank).OrderByDescending(r => Math.Abs(m[r][c])).First();
            if (Math.Abs(m[pivot][c]) < 1e-9)
            {
                continue;
            }
            (m[rank], m[pivot]) = (m[pivot], m[rank]);
            for (var r = 0; r < m.Length; r++)
            {
                if (r != rank && Math.Abs(m[r][c]) > 1e-12)
                {
                    var factor = m[r][c] / m[rank][c];
                    for (var k = c; k < columns; k++)
                    {
                        m[r][k] -= factor * m[rank][k];
                    }
                }
            }
            rank++;
        }
        return rank;
    }

    private static string Describe(int[,] table) =>
        string.Join(" / ", Enumerable.Range(0, table.GetLength(0)).Select(r => string.Join(",", Enumerable.Range(0, table.GetLength(1)).Select(c => table[r, c]))));

    private static string Describe(SuppressedTable table) =>
        string.Join(" / ", Grid(table).Select(row => string.Join(",", row.Select(c => c.ToString()))));
}
