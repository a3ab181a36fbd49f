using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.RegularExpressions;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Data;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Reporting;
using Support.ServiceDefaults.Time;
using Support.Therapy.Data;
using Support.Therapy.Domain;

namespace Support.Therapy.Features.Reports;

/// <summary>
/// COM-01, COM-02: "historic figures can be imported per period (CSV) with their source and definition, so a council can
/// load the years before the platform". A <c>text/csv</c> body with the header <c>indicator,unit,period,value,source,definition</c>:
/// one figure per row, for one closed financial year ("2012-13"), in one COM-01 counting unit, a whole number or empty
/// for "no data" (never 0). Every row is checked first; one bad row is a 422 that names its row (the header is row 1)
/// and column, and nothing is stored. A period already imported for the indicator is a 409 naming the row, unless the
/// request gives a <c>reason</c>: then each such figure is restated as a new row that supersedes the old one, which
/// stays, so the restatement is visible (COM-09). All rows are stored in one transaction with who imported them and when.
/// </summary>
public static partial class ImportHistoricFigures
{
    /// <summary>Historic tables are small: years times indicators. 256 KB and 10,000 rows are far beyond any council's.</summary>
    public const long MaxBodyBytes = 256 * 1024;
    public const int MaxRows = 10_000;
    public const int MaxValue = 10_000_000;
    private const int MaxErrors = 100;

    public static readonly IReadOnlyList<string> Columns = ["indicator", "unit", "period", "value", "source", "definition"];

    /// <summary>COM-01's counting units, fixed and separate; a historic figure counts one of them.</summary>
    public static readonly IReadOnlyList<string> Units =
    [
        CountingUnits.CseContacts, CountingUnits.CseClients, CountingUnits.OutreachClients, CountingUnits.Assessments, CountingUnits.Referrals,
        CountingUnits.DistinctYoungPeople,
    ];

    /// <summary>The counts of a platform-computed indicator that a council may import for the years before the platform (COM-02).</summary>
    private static readonly HashSet<string> ImportedCounts = [IndicatorReport.DeclineRate.NumeratorCode, IndicatorReport.DeclineRate.DenominatorCode];

    public sealed record Figure(Guid Id, int Row, string Indicator, string Unit, string Period, int? Value, string Source, string Definition, Guid? Supersedes);

    public sealed record Response(Guid ImportId, int Rows, int Restated, string? Reason, string ImportedBy, LondonTime ImportedAt, IReadOnlyList<Figure> Figures);

    private sealed record Row(int Number, string Indicator, string Unit, FinancialYear Period, int? Value, string Source, string Definition);

    public static async Task<IResult> HandleAsync(string? reason, HttpRequest request, ClaimsPrincipal user, TherapyDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Text("reason", reason, 500);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType) || !mediaType.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "The body must be CSV.",
                detail: $"Send the figures as 'text/csv' with the header {string.Join(",", Columns)}.");
        }
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(body.GetBuffer(), 0, (int)body.Length).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return errors.Add("body", "The CSV must be UTF-8 text.").ToBadRequest();
        }

        var today = London.Today(clock);
        var rows = Parse(text, today, errors);
        if (errors.Any)
        {
            return NothingImported(StatusCodes.Status422UnprocessableEntity, "The CSV breaks a rule.", errors);
        }

        // An imported numerator is checked against its denominator already stored, and the other way round.
        var indicators = rows.Select(r => r.Indicator).Concat(rows.Any(r => ImportedCounts.Contains(r.Indicator)) ? ImportedCounts : []).Distinct().ToList();
        var existing = await db.HistoricFigures.AsNoTracking().Where(f => indicators.Contains(f.Indicator)).ToListAsync(cancellationToken);
        var superseded = existing.Where(f => f.Supersedes is not null).Select(f => f.Supersedes!.Value).ToHashSet();
        var current = existing.Where(f => !superseded.Contains(f.Id)).ToDictionary(f => (f.Indicator, f.PeriodStartYear));
        foreach (var row in rows)
        {
            if (existing.FirstOrDefault(f => f.Indicator == row.Indicator) is { } earlier && earlier.Unit != row.Unit)
            {
                AddError(errors, row.Number, "unit", $"'{row.Indicator}' was imported counting {earlier.Unit}; an indicator counts one unit (COM-01).");
            }
        }
        if (errors.Any)
        {
            return NothingImported(StatusCodes.Status422UnprocessableEntity, "The CSV breaks a rule.", errors);
        }
        // COM-02: an indicator's imported numerator cannot exceed its denominator for the same year, whether the two came
        // in this file or one was imported before.
        var decline = IndicatorReport.DeclineRate;
        foreach (var row in rows.Where(r => ImportedCounts.Contains(r.Indicator)))
        {
            int? Count(string code) => rows.FirstOrDefault(r => r.Indicator == code && r.Period.StartYear == row.Period.StartYear) is { } inFile
                ? inFile.Value
                : current.GetValueOrDefault((code, row.Period.StartYear))?.Value;
            if (row.Indicator == decline.NumeratorCode && row.Value is { } declined && Count(decline.DenominatorCode) is { } decided && declined > decided)
            {
                AddError(errors, row.Number, "value", $"{declined} exceeds {decline.DenominatorCode} for {row.Period.Label} ({decided}): "
                    + "the referrals declined are some of those decided.");
            }
            else if (row.Indicator == decline.DenominatorCode && row.Value is { } decisions && Count(decline.NumeratorCode) is { } refused && refused > decisions
                && !rows.Any(r => r.Indicator == decline.NumeratorCode && r.Period.StartYear == row.Period.StartYear))
            {
                AddError(errors, row.Number, "value", $"{decisions} is less than {decline.NumeratorCode} for {row.Period.Label} ({refused}): "
                    + "the referrals declined are some of those decided.");
            }
        }
        if (errors.Any)
        {
            return NothingImported(StatusCodes.Status422UnprocessableEntity, "The CSV breaks a rule.", errors);
        }
        var restating = rows.Where(r => current.ContainsKey((r.Indicator, r.Period.StartYear))).ToList();
        var why = Input.Clean(reason);
        if (restating.Count > 0 && why is null)
        {
            foreach (var row in restating)
            {
                var before = current[(row.Indicator, row.Period.StartYear)];
                AddError(errors, row.Number, "period",
                    $"{row.Indicator} {row.Period.Label} was imported on {London.DateOf(before.ImportedAt):yyyy-MM-dd} by {before.ImportedBy}. "
                    + "To restate it, send the file again with a 'reason'.");
            }
            return NothingImported(StatusCodes.Status409Conflict, "Figures for these periods are already imported.", errors);
        }

        var author = user.ToAuthor(clock, Access.HistoricFigureImporterRoles);
        var import = HistoricImport.Record(rows.Count, why, author);
        var figures = rows.Select(r => HistoricFigure.Import(import.Id, r.Indicator, r.Unit, r.Period.StartYear, r.Value, r.Source, r.Definition, r.Number,
            current.TryGetValue((r.Indicator, r.Period.StartYear), out var before) ? before.Id : null, author)).ToList();
        db.HistoricImports.Add(import);
        db.HistoricFigures.AddRange(figures);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Figures for these periods were imported at the same moment.",
                detail: "Nothing was imported. Look at the indicator report and send the file again, with a 'reason' if it restates them.");
        }
        return TypedResults.Created("/api/therapy/reports/indicators", new Response(import.Id, import.Rows, figures.Count(f => f.Supersedes is not null),
            import.Reason, import.ImportedBy, LondonTime.Of(import.ImportedAt),
            [.. figures.Select(f => new Figure(f.Id, f.SourceRow, f.Indicator, f.Unit, new FinancialYear(f.PeriodStartYear).Label, f.Value, f.Source, f.Definition,
                f.Supersedes))]));
    }

    /// <summary>Reads and checks every row; each problem is added naming its row and column. Returns the rows (use them only without errors).</summary>
    private static List<Row> Parse(string text, DateOnly today, ValidationErrors errors)
    {
        var rows = new List<Row>();
        var options = new CsvReaderOptions
        {
            Separator = ',', HasHeader = true, TrackLineNumbers = true, MalformedData = CsvMalformedDataHandling.Throw, IncludeValuesInExceptions = false,
        };
        try
        {
            using var reader = CsvReader.Create(new StringReader(text), options, leaveOpen: false);
            reader.ReadHeader();
            var header = reader.Headers.Select(h => h.Trim().ToLowerInvariant()).ToList();
            if (header.Count == 0 || header.All(h => h.Length == 0))
            {
                errors.Add("body", $"The CSV is empty: it needs the header {string.Join(",", Columns)} and one row per figure.");
                return rows;
            }
            foreach (var (name, index) in header.Select((h, i) => (h, i)))
            {
                if (!Columns.Contains(name))
                {
                    AddError(errors, 1, name.Length == 0 ? $"column {index + 1}" : name, $"is not a column of this import; the columns are {string.Join(", ", Columns)}.");
                }
                else if (header.IndexOf(name) != index)
                {
                    AddError(errors, 1, name, "appears twice in the header.");
                }
            }
            foreach (var missing in Columns.Where(c => !header.Contains(c)))
            {
                AddError(errors, 1, missing, "is missing from the header.");
            }
            if (errors.Any)
            {
                return rows;
            }

            var current = FinancialYear.Of(today);
            var seen = new Dictionary<(string, int), int>();
            var units = new Dictionary<string, (string Unit, int Row)>(StringComparer.Ordinal);
            while (reader.Read())
            {
                var number = Convert.ToInt32(reader.LineNumber, CultureInfo.InvariantCulture);
                if (rows.Count >= MaxRows)
                {
                    errors.Add("body", $"The CSV has more than {MaxRows} rows; split it.");
                    return rows;
                }
                if (errors.ToDictionary().Count >= MaxErrors)
                {
                    break;
                }
                if (reader.FieldCount != header.Count)
                {
                    AddError(errors, number, null, $"has {reader.FieldCount} fields; the header has {header.Count}.");
                    continue;
                }
                var field = new Dictionary<string, string>(StringComparer.Ordinal);
                for (var i = 0; i < header.Count; i++)
                {
                    var value = reader.GetString(i).Trim();
                    if (value.Any(char.IsControl))
                    {
                        AddError(errors, number, header[i], "contains control characters.");
                        value = "";
                    }
                    field[header[i]] = value;
                }
                var before = errors.ToDictionary().Count;
                var indicator = field["indicator"];
                if (!IndicatorCode().IsMatch(indicator))
                {
                    AddError(errors, number, "indicator", "must be a code of 2 to 64 lower-case letters, digits and hyphens, starting with a letter, such as cse-clients.");
                }
                else if (indicator == IndicatorReport.DeclineRate.Code)
                {
                    AddError(errors, number, "indicator", $"'{indicator}' is a rate computed by the platform and cannot be imported; import its counts as "
                        + $"'{IndicatorReport.DeclineRate.NumeratorCode}' and '{IndicatorReport.DeclineRate.DenominatorCode}' ({CountingUnits.Referrals}).");
                }
                var unit = Units.FirstOrDefault(u => u.Equals(field["unit"], StringComparison.OrdinalIgnoreCase));
                if (unit is null)
                {
                    AddError(errors, number, "unit", $"must be one of: {string.Join(", ", Units)} (COM-01; they are never added together).");
                }
                else if (ImportedCounts.Contains(indicator) && unit != CountingUnits.Referrals)
                {
                    AddError(errors, number, "unit", $"'{indicator}' counts {CountingUnits.Referrals}: it is a count of the indicator "
                        + $"'{IndicatorReport.DeclineRate.Code}' (COM-02).");
                }
                else if (indicator.Length > 0 && units.TryGetValue(indicator, out var first) && first.Unit != unit)
                {
                    AddError(errors, number, "unit", $"'{indicator}' counts {first.Unit} in row {first.Row}; an indicator counts one unit (COM-01).");
                }
                else if (indicator.Length > 0)
                {
                    units.TryAdd(indicator, (unit, number));
                }
                FinancialYear? period = null;
                if (field["period"].Length == 0)
                {
                    AddError(errors, number, "period", $"is required: a financial year such as {current.Previous.Label} (April to March).");
                }
                else
                {
                    var problems = new ValidationErrors();
                    period = FinancialYear.Parse(problems, "period", field["period"], today);
                    foreach (var message in problems.ToDictionary().Values.SelectMany(m => m))
                    {
                        AddError(errors, number, "period", message.Replace("'period' ", "", StringComparison.Ordinal));
                    }
                    if (period is { } year && year.StartYear >= current.StartYear)
                    {
                        AddError(errors, number, "period", $"{year.Label} has not closed; historic figures are for the years before {current.Label}.");
                        period = null;
                    }
                    else if (period is { } y && seen.TryGetValue((indicator, y.StartYear), out var twin))
                    {
                        AddError(errors, number, "period", $"{indicator} {y.Label} is already in row {twin}; a period has one figure (COM-01).");
                    }
                    else if (period is { } z)
                    {
                        seen[(indicator, z.StartYear)] = number;
                    }
                }
                int? figure = null;
                var raw = field["value"];
                if (raw.Length > 0 && raw != "-")
                {
                    if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count <= MaxValue)
                    {
                        figure = count;
                    }
                    else
                    {
                        AddError(errors, number, "value", $"must be a whole number from 0 to {MaxValue}, or empty (or '-') where the source has no data.");
                    }
                }
                CheckText(errors, number, "source", field["source"], 500);
                CheckText(errors, number, "definition", field["definition"], 2000);
                if (errors.ToDictionary().Count == before && period is { } checkedPeriod && unit is not null)
                {
                    rows.Add(new Row(number, indicator, unit, checkedPeriod, figure, field["source"], field["definition"]));
                }
            }
        }
        catch (CsvFormatException e)
        {
            AddError(errors, e.LineNumber > 0 ? Convert.ToInt32(e.LineNumber, CultureInfo.InvariantCulture) : null, null,
                "is not valid CSV: a quoted field is not closed, or text follows a closing quote.");
            return rows;
        }
        if (!errors.Any && rows.Count == 0)
        {
            errors.Add("body", "The CSV has a header but no figures.");
        }
        return rows;
    }

    private static void CheckText(ValidationErrors errors, int row, string column, string value, int maxLength)
    {
        if (value.Length == 0)
        {
            AddError(errors, row, column, column == "source"
                ? "is required: where the figure was published, such as 'LSCB annual report 2009/10'."
                : "is required: what was counted and how, as the source defined it (COM-02).");
        }
        else if (value.Length > maxLength)
        {
            AddError(errors, row, column, $"must be at most {maxLength} characters.");
        }
    }

    /// <summary>An error keyed <c>rows[3].value</c>, its message naming the row (the header is row 1) and the column.</summary>
    private static void AddError(ValidationErrors errors, int? row, string? column, string message)
    {
        var key = (row is { } r ? $"rows[{r}]" : "rows") + (column is null ? "" : "." + column);
        var where = (row is { } n ? $"Row {n}" : "A row") + (column is null ? "" : $", column '{column}'");
        errors.Add(key, $"{where}: {message}");
    }

    private static IResult NothingImported(int status, string title, ValidationErrors errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors.ToDictionary())
        {
            Status = status, Title = title, Detail = "Nothing was imported: fix the rows named and send the whole file again.",
        });

    [GeneratedRegex("^[a-z][a-z0-9-]{1,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex IndicatorCode();
}
