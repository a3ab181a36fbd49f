using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Reporting;
using Support.ServiceDefaults.Time;
using Support.Therapy.Data;
using Support.Therapy.Domain;

namespace Support.Therapy.Features.Reports;

/// <summary>
/// THR-07, COM-04: victims' views of services, aggregated per provider and offer for commissioners. Counts of answers by
/// score for each fixed question and by moment, through the shared small-number suppression; never a young person's
/// words, id or individual answer, and whether they agreed to their worker seeing it makes no difference here. A mean
/// score is shown only where every count in its row is published: with a hidden count beside it, the mean and the row
/// total would give that count back.
/// </summary>
public static class FeedbackReport
{
    public static readonly IReadOnlyList<string> Scores = ["1", "2", "3", "4", "5"];

    public sealed record MeanScore(string Offer, string Question, decimal? Mean, string? Withheld);

    public sealed record Response(TableReport Counts, IReadOnlyList<ReportQuestion> Questions, IReadOnlyList<MeanScore> Means);

    /// <summary>A fixed question as the young person was asked it. Named <c>Wording</c>: no field a commissioner receives is called <c>text</c> (COM-04).</summary>
    public sealed record ReportQuestion(string Key, string Wording, string Scale);

    public static async Task<IResult> HandleAsync(string? year, string? format, ClaimsPrincipal user,
        TherapyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (FinancialYear.Parse(errors, "year", year, London.Today(clock)) is not { } period)
        {
            return errors.ToBadRequest();
        }
        var report = await BuildAsync(db, period, user.Disclosure(), clock, cancellationToken);
        return ReportCsv.Wanted(format) ? ReportCsv.File(ReportCsv.Lines(report.Counts), report.Counts.Report.Name, period.Label) : TypedResults.Ok(report);
    }

    public static async Task<Response> BuildAsync(TherapyDbContext db, FinancialYear period, Disclosure disclosure, TimeProvider clock, CancellationToken cancellationToken)
    {
        var identity = ReportIdentity.Of(ReportDefinitions.Feedback);
        var generatedAt = LondonTime.Of(clock.GetUtcNow());
        var questions = ServiceFeedback.Questions.Select(q => new ReportQuestion(q.Key, q.Text,
            $"{ServiceFeedback.LowestScore} (not at all) to {ServiceFeedback.HighestScore} (completely)")).ToList();
        var first = await db.Feedback.MinAsync(f => (DateTimeOffset?)f.GivenAt, cancellationToken);
        if (first is null || London.DateOf(first.Value) > period.LastDay)
        {
            var reason = first is null ? "No views of a service have been recorded yet." : $"Views are recorded from {London.DateOf(first.Value):yyyy-MM-dd}, after this period.";
            return new Response(new TableReport(identity, period.Period, disclosure, SmallNumberSuppression.DefaultThreshold, generatedAt, new NoData(reason), []),
                questions, []);
        }
        // Only the scores and the offer leave the database: the words never do.
        var givenInPeriod = db.CurrentFeedback.AsNoTracking().Where(f => f.GivenAt >= period.From && f.GivenAt < period.To);
        var answers = await givenInPeriod.Select(f => new { f.OfferId, f.Moment, f.ListenedTo, f.Helped }).ToListAsync(cancellationToken);
        var offers = await db.Offers.AsNoTracking().Select(o => new { o.Id, o.Name, o.ProviderId }).ToListAsync(cancellationToken);
        var providers = await db.Providers.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var rows = offers.Select(o => (o.Id, Label: $"{providers[o.ProviderId]}: {o.Name}")).OrderBy(o => o.Label, StringComparer.Ordinal).ToList();
        var labels = rows.Select(r => r.Label).ToList();
        var index = rows.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i);

        var moments = Enum.GetValues<FeedbackMoment>();
        var byMoment = new int[rows.Count, moments.Length];
        var byScore = ServiceFeedback.Questions.ToDictionary(q => q.Key, _ => new int[rows.Count, Scores.Count]);
        foreach (var a in answers)
        {
            var row = index[a.OfferId];
            byMoment[row, Array.IndexOf(moments, a.Moment)]++;
            foreach (var (question, score) in new[] { ("listenedTo", a.ListenedTo), ("helped", a.Helped) })
            {
                if (score is { } s)
                {
                    byScore[question][row, s - ServiceFeedback.LowestScore]++;
                }
            }
        }

        var tables = new List<PublishedTable>
        {
            PublishedTable.Of("answersByOfferAndMoment", ReportDefinitions.FeedbackAnswers, "offer", "moment", labels, [.. moments.Select(m => m.ToString())],
                byMoment, disclosure),
        };
        var means = new List<MeanScore>();
        foreach (var (question, _) in ServiceFeedback.Questions)
        {
            var table = PublishedTable.Of($"{question}ByOfferAndScore", ReportDefinitions.FeedbackAnswers, "offer", "score", labels, Scores, byScore[question], disclosure);
            tables.Add(table);
            for (var r = 0; r < rows.Count; r++)
            {
                var published = table.Body[r];
                var total = Enumerable.Range(0, Scores.Count).Sum(c => byScore[question][r, c]);
                means.Add(total == 0 ? new MeanScore(labels[r], question, null, "no answers")
                    : published.Total.IsSuppressed || published.Cells.Any(c => c.IsSuppressed) ? new MeanScore(labels[r], question, null, "suppressed: small numbers")
                    : new MeanScore(labels[r], question,
                        Math.Round((decimal)Enumerable.Range(0, Scores.Count).Sum(c => byScore[question][r, c] * (c + ServiceFeedback.LowestScore)) / total, 2), null));
            }
        }
        // COM-09: an answer given in a closed year but recorded (or corrected) after it ended changed that year's figures.
        var restatement = await LateEntries.RestatementAsync(givenInPeriod.Select(f => f.RecordedAt), period, London.Today(clock), "answers",
            disclosure, cancellationToken);
        return new Response(new TableReport(identity, period.Period, disclosure, SmallNumberSuppression.DefaultThreshold, generatedAt, null, tables,
            Restatement: restatement), questions, means);
    }
}
