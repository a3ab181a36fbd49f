using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Outreach.Data;
using Support.Outreach.Domain;
using Support.Outreach.Features.Reports;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Reporting;
using Support.ServiceDefaults.Time;

namespace Support.Outreach.Features.Prevention;

/// <summary>
/// OUT-09, COM-01: sessions, attendees and follow-up referrals per setting (school, community) and London calendar
/// month, each table suppressed by the shared <see cref="SmallNumberSuppression"/> (auditors see exact counts); and, per
/// setting, the mean evaluation score before and after over the sessions that took one, with how many did.
/// </summary>
public static class PreventionReport
{
    public sealed record Measures(ReportCount Sessions, ReportCount Attendees, ReportCount FollowUpReferrals);

    public sealed record MonthMeasures(string Month, ReportCount Sessions, ReportCount Attendees, ReportCount FollowUpReferrals);

    /// <summary>Means over evaluated sessions; null when fewer sessions than the suppression threshold took one, so a single session's scores are never singled out.</summary>
    public sealed record Evaluation(ReportCount EvaluatedSessions, decimal? MeanBefore, decimal? MeanAfter, decimal? MeanChange);

    public sealed record SettingRow(SessionSetting Setting, IReadOnlyList<MonthMeasures> Months, Measures Total, Evaluation Evaluation);

    public sealed record Response(
        string From, string To, Disclosure Disclosure, int SuppressionThreshold, LondonTime GeneratedAt,
        IReadOnlyList<string> Months, IReadOnlyList<SettingRow> Settings, IReadOnlyList<MonthMeasures> MonthTotals, Measures Total);

    public static async Task<Results<Ok<Response>, ValidationProblem>> HandleAsync(
        string? from, string? to, ClaimsPrincipal user, OutreachDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (ReportMonths.Parse(from, to, clock, errors) is not { } period)
        {
            return errors.ToBadRequest();
        }
        var months = period.Months;
        var (first, until) = (period.First, period.Last.AddMonths(1));
        var sessions = await db.PreventionSessions.AsNoTracking().Where(s => s.HeldOn >= first && s.HeldOn < until)
            .Select(s => new { s.Setting, s.HeldOn, s.Attendees, s.FollowUpReferrals, s.EvaluationBefore, s.EvaluationAfter })
            .ToListAsync(cancellationToken);
        var settings = Enum.GetValues<SessionSetting>();
        var disclosure = user.Disclosure();
        SuppressedTable Table(Func<int, int, int> measure)
        {
            var cells = new int[settings.Length, months.Count];
            for (var r = 0; r < settings.Length; r++)
            {
                for (var c = 0; c < months.Count; c++)
                {
                    cells[r, c] = measure(r, c);
                }
            }
            return SmallNumberSuppression.Apply(cells, disclosure);
        }
        IEnumerable<T> In<T>(IEnumerable<T> rows, Func<T, SessionSetting> setting, Func<T, DateOnly> heldOn, int r, int c) =>
            rows.Where(x => setting(x) == settings[r] && ReportMonths.MonthOf(heldOn(x)) == months[c]);
        var tables = new[]
        {
            Table((r, c) => In(sessions, s => s.Setting, s => s.HeldOn, r, c).Count()),
            Table((r, c) => In(sessions, s => s.Setting, s => s.HeldOn, r, c).Sum(s => s.Attendees)),
            Table((r, c) => In(sessions, s => s.Setting, s => s.HeldOn, r, c).Sum(s => s.FollowUpReferrals)),
        };
        var rows = settings.Select((setting, r) =>
        {
            var evaluated = sessions.Where(s => s.Setting == setting && s.EvaluationBefore is not null && s.EvaluationAfter is not null).ToList();
            var shown = disclosure == Disclosure.Exact || evaluated.Count > SmallNumberSuppression.DefaultThreshold;
            var evaluation = new Evaluation(
                evaluated.Count == 0 ? new ReportCount(0) : shown ? new ReportCount(evaluated.Count) : ReportCount.Suppressed,
                shown && evaluated.Count > 0 ? Math.Round(evaluated.Average(s => s.EvaluationBefore!.Value), 2) : null,
                shown && evaluated.Count > 0 ? Math.Round(evaluated.Average(s => s.EvaluationAfter!.Value), 2) : null,
                shown && evaluated.Count > 0 ? Math.Round(evaluated.Average(s => s.EvaluationAfter!.Value - s.EvaluationBefore!.Value), 2) : null);
            return new SettingRow(setting,
                [.. months.Select((m, c) => new MonthMeasures(ReportMonths.Label(m), tables[0].Cells[r][c], tables[1].Cells[r][c], tables[2].Cells[r][c]))],
                new Measures(tables[0].RowTotals[r], tables[1].RowTotals[r], tables[2].RowTotals[r]), evaluation);
        }).ToList();
        var monthTotals = months.Select((m, c) => new MonthMeasures(ReportMonths.Label(m), tables[0].ColumnTotals[c], tables[1].ColumnTotals[c], tables[2].ColumnTotals[c])).ToList();
        return TypedResults.Ok(new Response(period.FromLabel, period.ToLabel, disclosure, SmallNumberSuppression.DefaultThreshold,
            LondonTime.Of(clock.GetUtcNow()), [.. months.Select(ReportMonths.Label)], rows, monthTotals,
            new Measures(tables[0].GrandTotal, tables[1].GrandTotal, tables[2].GrandTotal)));
    }
}
