using Microsoft.AspNetCore.Mvc;
using Support.ServiceDefaults.Auth;

namespace Support.Therapy.Features.Reports;

/// <summary>
/// Commissioner and governance reports (COM-01..COM-12): counts only, no name, date of birth, phone number, free text
/// or id of a young person; every count suppressed for everyone but auditors. The gateway sends /api/therapy/reports/**
/// to aggregate readers only.
/// </summary>
public static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/api/therapy/reports").RequireAuthorization(Policies.AggregateReaders).WithTags("Commissioner reports");
        reports.MapGet("/definitions", () => TypedResults.Ok(ReportDefinitions.All))
            .WithName("TherapyReportDefinitions").WithSummary("Every report's definition, counting unit and version history (COM-11).");
        reports.MapGet("/unmet-need", UnmetNeedReport.HandleAsync)
            .WithName("UnmetNeedReport").WithSummary("The platform's unmet need in a financial year by category, reason, service and duration (COM-05); format=csv.");
        reports.MapGet("/referral-outcomes", ReferralOutcomesReport.HandleAsync)
            .WithName("TherapyReferralOutcomesReport").WithSummary("Therapy referrals by offer type and outcome, declines by reason, distinct young people; format=csv.");
        reports.MapGet("/capacity", CapacityReport.HandleAsync)
            .WithName("OfferCapacityReport").WithSummary("Capacity against demand per commissioned offer (COM-06, THR-09); format=csv.");
        reports.MapGet("/waits", WaitsReport.HandleAsync)
            .WithName("TherapyWaitsReport").WithSummary("Waits to a first appointment against the 4-week target and 18-week breach line, by offer type (THR-02); format=csv.");
        reports.MapGet("/indicators", IndicatorReport.HandleAsync)
            .WithName("TherapyIndicators")
            .WithSummary("Indicators with definition, numerator, denominator, earlier values, trend and computed RAG (COM-02), and imported historic figures labelled as imported; format=csv.");
        // The body is read by the handler, after authorization: declaring it with Accepts("text/csv") would make routing
        // answer 415 to any other content type before the role is checked.
        reports.MapPost("/historic-figures", ImportHistoricFigures.HandleAsync).RequireAuthorization(Access.HistoricFigureImporters)
            .WithMetadata(new RequestSizeLimitAttribute(ImportHistoricFigures.MaxBodyBytes))
            .WithName("ImportHistoricFigures")
            .WithSummary("Import a council's figures for the years before the platform (text/csv: indicator,unit,period,value,source,definition); a bad row is a 422 naming row and column and nothing is stored; reason= restates periods already imported.");
        reports.MapGet("/historic-imports", ListHistoricImports.HandleAsync)
            .WithName("ListHistoricImports")
            .WithSummary("Every import of historic figures, newest first: who, when, why, and each figure, marked where it restated or was restated (COM-01, COM-09).");
        reports.MapGet("/feedback", FeedbackReport.HandleAsync)
            .WithName("ServiceFeedbackReport")
            .WithSummary("Young people's views of services per provider and offer: answers by moment and by score per question, means where no count is hidden (THR-07); format=csv.");
        reports.MapGet("/cse-triggers", CseTriggersReport.HandleAsync)
            .WithName("CseTriggersReport")
            .WithSummary("Each trigger for CSE by quarter (missing episodes, return interviews, school absence, mental-health referrals and declines, under-16 pregnancy, criminalisation) and the young people with each (COM-03); format=csv.");
        reports.MapGet("/referral-demand", ReferralDemandReport.HandleAsync)
            .WithName("ReferralDemandReport")
            .WithSummary("Referrals by source and CSE type, historic victims coming forward over four years, and CSE's share of referrals beside the risk profile and critical incidents (COM-06, COM-07, COM-12); format=csv.");
        return app;
    }
}
