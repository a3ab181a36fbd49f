import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, ApiError, query } from "../api";
import { Field } from "../components/Field";
import { ProblemSummary } from "../components/Problem";
import { When } from "../components/When";
import type { Instant } from "../time";

/** Therapy's ImportHistoricFigures.Response: what was stored, under whose name and when. */
type Imported = { importId: string; rows: number; restated: number; reason: string | null; importedBy: string; importedAt: Instant };

/**
 * COM-01, COM-02: a council loads its figures for the years before the platform from a CSV (the header
 * `indicator,unit,period,value,source,definition`), sent as it is to `POST /api/therapy/reports/historic-figures`.
 * The server checks every row first: a bad row comes back named by row and column and nothing is stored; a year
 * already imported needs a reason, and then the new figure restates the old, which stays.
 */
export function HistoricFigureImport() {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [reason, setReason] = useState("");
  const imported = useMutation({
    mutationFn: async () => {
      if (!file) throw new ApiError(400, { title: "Choose a CSV file first.", errors: { file: ["Choose the CSV of figures to import."] } });
      return api.postText<Imported>(`/api/therapy/reports/historic-figures${query({ reason: reason.trim() || undefined })}`, await file.text(), "text/csv");
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["reports", "therapy", "indicators"] }),
  });
  // Each row's problem already names its row and column ("Row 3, column 'value': ..."): listed as the server says them.
  const fileProblems = imported.error instanceof ApiError
    ? Object.entries(imported.error.problem.errors ?? {}).filter(([name]) => name.startsWith("rows[") || name === "body")
    : [];
  return (
    <section aria-labelledby="historic-import-title" className="report" data-testid="historic-import">
      <h3 id="historic-import-title">Import historic figures</h3>
      <p className="hint">
        A council's own figures for closed financial years before the platform, one per row, with their source and definition:
        the header is <code>indicator,unit,period,value,source,definition</code> (for example{" "}
        <code>cse-clients,CseClients,2012-13,112,LSCB annual report,Children worked with because of CSE</code>). A year with no
        figure has an empty value. The decline rate's earlier years are its counts, <code>therapy-decline-rate-numerator</code> and{" "}
        <code>therapy-decline-rate-denominator</code>, in <code>Referrals</code>.
      </p>
      <form onSubmit={(e) => { e.preventDefault(); imported.mutate(); }} noValidate aria-label="Import historic figures">
        <Field id="historic-file" field="file" label="CSV file of figures" error={imported.error}>
          {(p) => <input {...p} type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />}
        </Field>
        <Field id="historic-reason" field="reason" label="Reason (only when restating a year already imported)" error={imported.error}>
          {(p) => <input {...p} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
        <button type="submit" disabled={imported.isPending}>Import figures</button>
      </form>
      {imported.error ? (
        <>
          <ProblemSummary error={imported.error} fields={["file", "reason", ...fileProblems.map(([name]) => name)]} />
          {fileProblems.length > 0 && (
            <ul className="problem" aria-label="Rows to correct">{fileProblems.flatMap(([name, messages]) => messages.map((m) => <li key={name + m}>{m}</li>))}</ul>
          )}
        </>
      ) : null}
      {imported.data && (
        <p role="status" className="notice">
          Imported {imported.data.rows} {imported.data.rows === 1 ? "figure" : "figures"}
          {imported.data.restated > 0 ? `, ${imported.data.restated} restating earlier ones (${imported.data.reason})` : ""}, as {imported.data.importedBy},{" "}
          <When value={imported.data.importedAt} />.
        </p>
      )}
    </section>
  );
}
