import { useEffect, useRef, type ReactNode } from "react";
import { useQuery } from "@tanstack/react-query";
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from "chart.js";
import { api, ApiError } from "../api";
import { getToken } from "../auth/session";
import { useSession } from "../auth/useSession";
import { hasAnyRole, historicFigureImporters } from "../roles";
import { ProblemSummary } from "../components/Problem";
import { When } from "../components/When";
import type { Instant } from "../time";
import { HistoricFigureImport } from "./HistoricFigures";
import type { HotspotReport, ReportCount } from "./Hotspots";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

// The platform's one shape of a published table (Therapy's TableReport, Support.ServiceDefaults.Reporting counts).
type PublishedRow = { label: string; cells: ReportCount[]; total: ReportCount };
type PublishedTable = {
  name: string; unit: string; rows: string; columns: string; columnLabels: string[]; body: PublishedRow[];
  columnTotals: ReportCount[]; grandTotal: ReportCount;
};
type TableReport = {
  report: { name: string; version: number; countingUnit: string; definition: string };
  period: { label: string; from: string; to: string };
  disclosure: string; suppressionThreshold: number; generatedAt: Instant; noData: { reason: string } | null;
  tables: PublishedTable[];
  /** COM-12: a percentage of two published counts, absent from reports that give none; null with the reason when a count is hidden. */
  shares?: { name: string; numerator: string; denominator: string; percent: number | null; notGivenBecause: string | null }[];
  /** COM-09: a closed year changed by entries recorded after it ended; absent for an open year. */
  restatement?: { lateEntries: ReportCount; lastRecordedOn: string | null; note: string };
};
type OfferCommission = { offer: string; provider: string; type: string; commissionedCapacity: number; fundingInPeriod: number; daysToFundingEnd: number | null };
/** Therapy's capacity report: the suppressed counts, and the facts of each commission shown as they are. */
type CapacityReport = { counts: TableReport; offers: OfferCommission[] };
/** COM-02: one financial year's value of an indicator; from version 3 its basis: the platform's records or a council's imported counts. */
type IndicatorValue = {
  period: string; numerator: ReportCount; denominator: ReportCount; rate: number | null; rag: string | null; withheld: string | null;
  basis: string; source: string | null; importedDefinition: string | null;
};
type Indicator = {
  code: string; name: string; definition: string; numerator: string; denominator: string; sourceService: string; thresholds: string;
  current: IndicatorValue; earlier: IndicatorValue[]; trend: string;
};
type HistoricValue = { period: string; value: ReportCount | null; noData: string | null; source: string; definition: string; definitionChanged: boolean; restated: string | null };
/** Therapy's indicators: each with its definition, earlier years and trend, RAG from its stored thresholds; then a council's imported figures. */
type IndicatorReport = {
  report: TableReport["report"]; period: TableReport["period"]; disclosure: string; generatedAt: Instant;
  indicators: Indicator[]; historic: { indicator: string; unit: string; values: HistoricValue[] }[];
};
/** THR-07: young people's views, counted per offer and moment and by score, with the mean where every count is published. */
type FeedbackReport = { counts: TableReport; means: { offer: string; question: string; mean: number | null; withheld: string | null }[] };
type SuppressedCount = { name: string; value: string };
type LeavingCareCounts = {
  openAlertsByKind: SuppressedCount[]; openAlerts?: SuppressedCount; careLeavers: SuppressedCount; unmetNeeds: SuppressedCount; disclosure?: string;
};

/** One series of counts to chart and tabulate; a suppressed count stays "c" in the table and is a gap in the chart. */
type Series = { label: string; value: ReportCount | string }[];

const numberOf = (v: ReportCount | string): number | null => (v === "c" || v === "" || v == null ? null : Number(v));

/**
 * The commissioner's reports (issue 14, journey 5): counts only, each chart with its figures beside it, its
 * definition, version and suppression, and a CSV of exactly what is shown. Nothing here names or links to a child:
 * the routes to child-level screens are not offered to these roles and the APIs answer them 403.
 */
export function Reports() {
  const outreach = useQuery({ queryKey: ["reports", "hotspots"], queryFn: () => api.get<HotspotReport>("/api/outreach/reports/hotspots") });
  // OUT-10: who outreach reaches, by gender and ethnicity as recorded; a table report like Therapy's, with its own CSV.
  const reach = useQuery({ queryKey: ["reports", "outreach-reach"], queryFn: () => api.get<TableReport>("/api/outreach/reports/reach") });
  // OUT-10: the persons of concern named in information, by gender and ethnicity as the source described them.
  const personsOfConcern = useQuery({
    queryKey: ["reports", "outreach-persons-of-concern"], queryFn: () => api.get<TableReport>("/api/outreach/reports/persons-of-concern"),
  });
  const leavingCare = useQuery({ queryKey: ["reports", "leavingcare"], queryFn: () => api.get<LeavingCareCounts>("/api/leavingcare/reports/alerts") });
  const therapyReport = (name: string) => ({ queryKey: ["reports", "therapy", name], queryFn: () => api.get<TableReport>(`/api/therapy/reports/${name}`) });
  // Therapy's reports (services/Therapy/README.md, issue 13): unmet need, waits and referral outcomes are table
  // reports with the service's own CSV; capacity adds each commission's facts beside its suppressed counts.
  const therapy = [
    { name: "unmet-need", query: useQuery(therapyReport("unmet-need")) },
    { name: "waits", query: useQuery(therapyReport("waits")) },
    { name: "referral-outcomes", query: useQuery(therapyReport("referral-outcomes")) },
    // COM-03: the triggers for CSE; COM-06, COM-07, COM-12: demand at the front door and CSE's share beside the risk.
    { name: "cse-triggers", query: useQuery(therapyReport("cse-triggers")) },
    { name: "referral-demand", query: useQuery(therapyReport("referral-demand")) },
  ];
  const capacity = useQuery({ queryKey: ["reports", "therapy", "capacity"], queryFn: () => api.get<CapacityReport>("/api/therapy/reports/capacity") });
  const session = useSession();
  const indicators = useQuery({ queryKey: ["reports", "therapy", "indicators"], queryFn: () => api.get<IndicatorReport>("/api/therapy/reports/indicators") });
  const feedback = useQuery({ queryKey: ["reports", "therapy", "feedback"], queryFn: () => api.get<FeedbackReport>("/api/therapy/reports/feedback") });
  const therapyMissing = [...therapy.map((t) => t.query), capacity, indicators, feedback]
    .every((q) => q.error instanceof ApiError && [403, 404].includes(q.error.status));

  return (
    <section aria-labelledby="reports-title">
      <h1 id="reports-title">Reports</h1>
      <p className="hint">
        Counts only. A count from 1 to 5 is shown as <strong>c</strong> (suppressed), and other counts are hidden too where
        a total would give a small one away. Each figure is in the table beside its chart.
      </p>

      <ReportSection
        id="outreach-contacts"
        title="Outreach contacts per month"
        definition="Street and other outreach contacts recorded against a place, per London calendar month (OUT-08); a corrected contact counts once."
        version={`Outreach hotspot report, ${outreach.data ? `${outreach.data.from} to ${outreach.data.to}` : "last 12 months"}`}
        unit="Contacts"
        query={outreach}
        generatedAt={outreach.data?.generatedAt}
        series={outreach.data?.monthTotals.map((m) => ({ label: m.month, value: m.contacts }))}
        columns={outreach.data ? [
          { label: "Contacts", values: outreach.data.monthTotals.map((m) => m.contacts) },
          { label: "Concerns", values: outreach.data.monthTotals.map((m) => m.concerns) },
          { label: "Young people", values: outreach.data.monthTotals.map((m) => m.youngPeople) },
        ] : []}
        total={outreach.data ? [outreach.data.total.contacts, outreach.data.total.concerns, outreach.data.total.youngPeople] : undefined}
      />

      <section aria-labelledby="reach-title" className="report">
        <h2 id="reach-title">Outreach: young people reached, by gender and ethnicity</h2>
        {reach.error ? <ProblemSummary error={reach.error} /> : null}
        {reach.isPending && <p>Loading…</p>}
        {reach.data && <TableReportView id="outreach-reach" report={reach.data} csvPath="/api/outreach/reports/reach?format=csv" />}
      </section>

      <section aria-labelledby="persons-of-concern-title" className="report">
        <h2 id="persons-of-concern-title">Outreach: persons of concern named in information, by gender and ethnicity as described</h2>
        {personsOfConcern.error ? <ProblemSummary error={personsOfConcern.error} /> : null}
        {personsOfConcern.isPending && <p>Loading…</p>}
        {personsOfConcern.data && (
          <TableReportView id="outreach-persons-of-concern" report={personsOfConcern.data} csvPath="/api/outreach/reports/persons-of-concern?format=csv" />
        )}
      </section>

      <ReportSection
        id="leaving-care-alerts"
        title="Leaving care: open alerts by kind"
        definition="Handover, keep-in-touch and pathway-plan alerts not yet acknowledged, by kind (LC-01, LC-03); care leavers on a caseload and unmet needs recorded by leaving care are below the table."
        version="LeavingCare counts"
        unit="Open alerts"
        query={leavingCare}
        series={leavingCare.data?.openAlertsByKind.map((k) => ({ label: k.name, value: k.value }))}
        columns={leavingCare.data ? [{ label: "Open alerts", values: leavingCare.data.openAlertsByKind.map((k) => k.value) }] : []}
        total={leavingCare.data?.openAlerts ? [leavingCare.data.openAlerts.value] : undefined}
        footer={leavingCare.data && (
          <p>Care leavers on a caseload: <strong>{leavingCare.data.careLeavers.value}</strong> · unmet needs recorded: <strong>{leavingCare.data.unmetNeeds.value}</strong></p>
        )}
      />

      <section aria-labelledby="therapy-title" className="report">
        <h2 id="therapy-title">Therapy and commissioning: unmet need, waits, triggers, demand, capacity, indicators and views</h2>
        {therapyMissing ? (
          <p className="notice">These reports arrive with the Therapy service (issue 13): it does not answer them yet.</p>
        ) : (
          <>
            {therapy.map(({ name, query }) => (
              <div key={name}>
                {query.error ? <ProblemSummary error={query.error} /> : null}
                {query.data && <TableReportView id={`therapy-${name}`} report={query.data} csvPath={`/api/therapy/reports/${name}?format=csv`} />}
              </div>
            ))}
            {capacity.error ? <ProblemSummary error={capacity.error} /> : null}
            {capacity.data && (
              <>
                <TableReportView id="therapy-capacity" report={capacity.data.counts} csvPath="/api/therapy/reports/capacity?format=csv" />
                <CountsTable
                  caption="Commissioned offers: capacity, funding in the period and days to the end of the current funding"
                  rowLabels={capacity.data.offers.map((o) => `${o.offer} (${o.provider})`)}
                  columns={[
                    { label: "Commissioned capacity", values: capacity.data.offers.map((o) => String(o.commissionedCapacity)) },
                    { label: "Funding in the period (£)", values: capacity.data.offers.map((o) => o.fundingInPeriod.toLocaleString("en-GB")) },
                    { label: "Days to funding end", values: capacity.data.offers.map((o) => (o.daysToFundingEnd == null ? "—" : String(o.daysToFundingEnd))) },
                  ]}
                />
              </>
            )}
            {indicators.error ? <ProblemSummary error={indicators.error} /> : null}
            {indicators.data && <IndicatorsView report={indicators.data} />}
            {hasAnyRole(session?.roles ?? [], historicFigureImporters) && <HistoricFigureImport />}
            {feedback.error ? <ProblemSummary error={feedback.error} /> : null}
            {feedback.data && (
              <>
                <TableReportView id="therapy-feedback" report={feedback.data.counts} csvPath="/api/therapy/reports/feedback?format=csv" />
                {feedback.data.means.length > 0 && (
                  <CountsTable
                    caption="Views: mean score per offer and question (1 to 5), given only where every count behind it is published"
                    rowLabels={feedback.data.means.map((m) => `${m.offer}: ${m.question}`)}
                    columns={[{ label: "Mean score", values: feedback.data.means.map((m) => (m.mean == null ? `Not given: ${m.withheld}` : m.mean.toFixed(2))) }]}
                  />
                )}
              </>
            )}
          </>
        )}
      </section>
    </section>
  );
}

const trendText: Record<string, string> = {
  Better: "better", Same: "the same", Worse: "worse", NotComparable: "not comparable (a value is missing, or the two years were counted differently)",
};

/**
 * COM-02: each indicator with what it counts, its value for the year and the three before (a council's imported counts
 * for years before the platform, labelled with their source), its RAG from the thresholds stored with it, and the trend.
 */
function IndicatorsView({ report }: { report: IndicatorReport }) {
  return (
    <section aria-labelledby="therapy-indicators-title" className="report" data-testid="therapy-indicators">
      <h3 id="therapy-indicators-title">{report.report.name} (version {report.report.version}), {report.period.label}</h3>
      <p className="hint">{report.report.definition} {report.disclosure === "Exact" ? "Exact counts." : "Counts from 1 to 5 are shown as c."} Generated <When value={report.generatedAt} />.</p>
      {report.indicators.map((indicator) => {
        const values = [indicator.current, ...indicator.earlier];
        // A year with no data carries no counts (the service sends them as withheld); a dash, never a "c" that reads as a small number.
        const count = (v: IndicatorValue, c: ReportCount) => (v.withheld?.startsWith("no data") ? "—" : c);
        return (
          <div key={indicator.code} data-testid={`indicator-${indicator.code}`}>
            <h4>{indicator.name} ({indicator.code})</h4>
            <p className="hint">
              {indicator.definition} Numerator: {indicator.numerator}. Denominator: {indicator.denominator}. Source: {indicator.sourceService}. RAG: {indicator.thresholds}
            </p>
            <p>
              {report.period.label}: {indicator.current.rag ? <span className={`rag rag-${indicator.current.rag}`}>{indicator.current.rag}</span> : "no RAG"} · trend against the year before: <strong>{trendText[indicator.trend] ?? indicator.trend}</strong>
            </p>
            <CountsTable
              caption={`${indicator.name}: ${report.period.label} and the years before`}
              rowLabels={values.map((v) => v.period)}
              columns={[
                { label: "Numerator", values: values.map((v) => count(v, v.numerator)) },
                { label: "Denominator", values: values.map((v) => count(v, v.denominator)) },
                { label: "Rate", values: values.map((v) => (v.rate == null ? `Not given: ${v.withheld}` : `${(v.rate * 100).toFixed(1)}%`)) },
                { label: "RAG", values: values.map((v) => v.rag ?? "—") },
                { label: "Basis", values: values.map((v) => (v.basis === "imported" ? `Imported: ${v.source}` : "Platform records")) },
              ]}
            />
          </div>
        );
      })}
      {report.historic.map((series) => (
        <CountsTable
          key={series.indicator}
          caption={`${series.indicator} (${series.unit}): figures a council imported`}
          rowLabels={series.values.map((v) => v.period)}
          columns={[
            { label: "Value", values: series.values.map((v) => (v.value == null ? (v.noData ?? "no data") : v.value)) },
            { label: "Source", values: series.values.map((v) => v.source) },
            { label: "Definition", values: series.values.map((v) => v.definition + (v.definitionChanged ? " (changed from the year before)" : "")) },
            { label: "Restated", values: series.values.map((v) => v.restated ?? "") },
          ]}
        />
      ))}
      <button type="button" className="small" onClick={() => void downloadServerCsv("/api/therapy/reports/indicators?format=csv", `${report.report.name}-${report.period.label}.csv`)}>Download CSV</button>
    </section>
  );
}

function TableReportView({ id, report, csvPath }: { id: string; report: TableReport; csvPath?: string }) {
  return (
    <section aria-labelledby={`${id}-title`} className="report" data-testid={id}>
      <h3 id={`${id}-title`}>{report.report.name} (version {report.report.version}), {report.period.label}</h3>
      <p className="hint">{report.report.definition} Counting unit: {report.report.countingUnit}. {report.disclosure === "Exact" ? "Exact counts." : `Suppressed below ${report.suppressionThreshold + 1}.`} Generated <When value={report.generatedAt} />.</p>
      {report.restatement && <p className="notice restatement">{report.restatement.note}</p>}
      {report.noData ? <p className="notice">{report.noData.reason}</p> : report.tables.map((t) => (
        <div key={t.name}>
          <BarChart title={`${t.name}: ${t.rows}, total per row (${t.unit})`} series={t.body.map((r) => ({ label: r.label, value: r.total }))} />
          <CountsTable
            caption={`${t.name} (${t.unit}): ${t.rows} by ${t.columns}`}
            rowLabels={t.body.map((r) => r.label)}
            columns={[...t.columnLabels.map((label, c) => ({ label, values: t.body.map((r) => r.cells[c]) })), { label: "Total", values: t.body.map((r) => r.total) }]}
            total={[...t.columnTotals, t.grandTotal]}
          />
        </div>
      ))}
      {!report.noData && report.shares && report.shares.length > 0 && (
        <dl className="shares" aria-label={`${report.report.name}: shares`}>
          {report.shares.map((share) => (
            <div key={share.name}>
              <dt>{share.name}: {share.numerator} of {share.denominator}</dt>
              <dd>{share.percent == null ? `Not given: ${share.notGivenBecause}` : `${share.percent}%`}</dd>
            </div>
          ))}
        </dl>
      )}
      {csvPath && <button type="button" className="small" onClick={() => void downloadServerCsv(csvPath, `${report.report.name}-${report.period.label}.csv`)}>Download CSV</button>}
    </section>
  );
}

function ReportSection({ id, title, definition, version, unit, query, series, columns, total, generatedAt, footer }: {
  id: string; title: string; definition: string; version: string; unit: string; query: { error: unknown; isPending: boolean };
  series: Series | undefined; columns: { label: string; values: (ReportCount | string)[] }[]; total?: (ReportCount | string)[];
  generatedAt?: Instant; footer?: ReactNode;
}) {
  const rowLabels = series?.map((s) => s.label) ?? [];
  return (
    <section aria-labelledby={`${id}-title`} className="report" data-testid={id}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p className="hint">{definition} Source: {version}.{generatedAt ? <> Generated <When value={generatedAt} />.</> : null}</p>
      {query.error ? <ProblemSummary error={query.error} /> : null}
      {query.isPending && <p>Loading…</p>}
      {series && (
        <div className="chart-and-table">
          <BarChart title={`${title} (${unit})`} series={series} />
          <div>
            <CountsTable caption={`${title}: the figures`} rowLabels={rowLabels} columns={columns} total={total} />
            {footer}
            <button type="button" className="small" onClick={() => downloadCsv(`${id}.csv`, rowLabels, columns, total)}>Download CSV</button>
          </div>
        </div>
      )}
    </section>
  );
}

/** Chart.js on a canvas, described for screen readers by its label; the table beside it carries the same figures. */
function BarChart({ title, series }: { title: string; series: Series }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const figures = JSON.stringify(series); // redrawn when the figures change, not on every render
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: "bar",
      data: {
        labels: series.map((s) => (numberOf(s.value) === null ? `${s.label} (c)` : s.label)),
        datasets: [{ label: title, data: series.map((s) => numberOf(s.value)), backgroundColor: "#1d4f91" }],
      },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        plugins: { legend: { display: false } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
    return () => chart.destroy();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `figures` stands for `series`
  }, [title, figures]);
  const suppressed = series.filter((s) => numberOf(s.value) === null).length;
  return (
    <div className="chart">
      <canvas ref={canvas} role="img" aria-label={`Bar chart: ${title}. ${series.length} bars${suppressed ? `, ${suppressed} suppressed (c) and not drawn` : ""}; the figures are in the table.`} />
    </div>
  );
}

function CountsTable({ caption, rowLabels, columns, total }: {
  caption: string; rowLabels: string[]; columns: { label: string; values: (ReportCount | string)[] }[]; total?: (ReportCount | string)[];
}) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead><tr><th scope="col"></th>{columns.map((c) => <th key={c.label} scope="col">{c.label}</th>)}</tr></thead>
        <tbody>
          {rowLabels.map((row, r) => (
            <tr key={row}><th scope="row">{row}</th>{columns.map((c) => <td key={c.label}>{String(c.values[r])}</td>)}</tr>
          ))}
        </tbody>
        {total && <tfoot><tr><th scope="row">Total</th>{total.map((t, i) => <td key={i}>{String(t)}</td>)}</tr></tfoot>}
      </table>
    </div>
  );
}

/** RFC 4180 quoting; a cell a spreadsheet would run as a formula is written as text. */
function csvCell(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function saveBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

/** Exactly the figures on the screen, "c" included, never the numbers behind them. */
function downloadCsv(fileName: string, rowLabels: string[], columns: { label: string; values: (ReportCount | string)[] }[], total?: (ReportCount | string)[]) {
  const lines = [["", ...columns.map((c) => c.label)], ...rowLabels.map((row, r) => [row, ...columns.map((c) => String(c.values[r]))])];
  if (total) lines.push(["Total", ...total.map(String)]);
  saveBlob(new Blob([lines.map((l) => l.map(csvCell).join(",")).join("\r\n") + "\r\n"], { type: "text/csv" }), fileName);
}

/** The service's own CSV (Therapy's `format=csv`), fetched with the token: a plain link could not carry it. */
async function downloadServerCsv(path: string, fileName: string) {
  const response = await fetch(path, { headers: { Authorization: `Bearer ${getToken() ?? ""}` }, credentials: "omit", cache: "no-store" });
  if (response.ok) saveBlob(await response.blob(), fileName);
}
