import { useState } from "react";
import { Link } from "react-router";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, query } from "../api";
import { useSession } from "../auth/useSession";
import { Deadline } from "../components/Countdown";
import { Field, instantFromLocalInput, nowForLocalInput } from "../components/Field";
import { useYoungPersonNames } from "../components/PersonName";
import { ProblemSummary } from "../components/Problem";
import { When } from "../components/When";
import { hasAnyRole, seniorManagers } from "../roles";
import type { Instant } from "../time";

// REF-22, services/Referrals/Features/CriticalIncidents/README.md. Imray §4.7, Child E: "there are no obvious
// references to senior managers being alerted". Any case worker records an incident from the young person's record;
// a senior manager works the queue and acknowledges each one by its deadline, which the service computes.

/** CriticalIncidentResponses.cs */
type Acknowledgement = { note: string; late: boolean; acknowledgedAt: Instant; acknowledgedBy: string; acknowledgedByRole: string };
type CriticalIncident = {
  id: string; youngPersonId: string; kind: string; sourceService: string; sourceReference: string; incidentAt: Instant; raisedAt: Instant;
  acknowledgeBy: Instant; overdue: boolean; escalated: boolean; escalatedAt: Instant | null; summary: string | null; recordedAt: Instant;
  recordedBy: string; acknowledgement: Acknowledgement | null;
};

/** Support.Contracts.Incidents.CriticalIncidentKind, in words. */
export const incidentKinds: Record<string, string> = {
  RapeOrSexualAssaultAllegation: "Allegation of rape or sexual assault",
  OverdoseOrSelfHarmAdmission: "Admission for overdose or self-harm",
  ThreatToKillOrWeapon: "Threat to kill, or a weapon",
  PregnancyUnder16: "Pregnancy under 16",
  HighRiskMissing: "Missing at high risk",
  InjuriesOnReturn: "Injuries on return from missing",
};

const statuses = [
  { value: "open", label: "Not acknowledged" },
  { value: "overdue", label: "Past the deadline" },
  { value: "all", label: "All, acknowledged too" },
];

/** The senior manager's queue: escalated first, then the soonest deadline (the service's order). */
export function CriticalIncidentQueue() {
  const [status, setStatus] = useState("open");
  const incidents = useQuery({
    queryKey: ["critical-incidents", status],
    queryFn: () => api.get<CriticalIncident[]>(`/api/referrals/critical-incidents${query({ status })}`),
    refetchInterval: 60_000,
  });
  const names = useYoungPersonNames(incidents.data?.map((i) => i.youngPersonId) ?? []);
  return (
    <section aria-labelledby="incidents-title">
      <h1 id="incidents-title">Critical incidents</h1>
      <p className="hint">Each incident must be acknowledged by a senior manager by its deadline (REF-22); a missed deadline escalates, and a late acknowledgement is recorded as late.</p>
      <div className="field">
        <label htmlFor="incident-status">Show</label>
        <select id="incident-status" value={status} onChange={(e) => setStatus(e.target.value)}>
          {statuses.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
        </select>
      </div>
      {incidents.isPending && <p role="status">Loading the queue…</p>}
      {incidents.error && <ProblemSummary error={incidents.error} />}
      {incidents.data?.length === 0 && <p>Nothing in this list.</p>}
      <ul className="entries" data-testid="critical-incidents">
        {incidents.data?.map((i) => (
          <li key={i.id} className="entry" data-testid="critical-incident">
            <IncidentFacts incident={i} name={names.get(i.youngPersonId)} />
            {!i.acknowledgement && <Acknowledge incident={i} />}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** One incident; in the queue it names and links the young person, on their own record (`onRecord`) it does not. */
function IncidentFacts({ incident: i, name, onRecord = false }: { incident: CriticalIncident; name?: string; onRecord?: boolean }) {
  return (
    <>
      <h2 className="entry-title">
        {!onRecord && <><Link to={`/young-people/${i.youngPersonId}`}>{name ?? "Open the record"}</Link>: </>}{incidentKinds[i.kind] ?? i.kind}
        {i.escalated && <> <strong className="bad">Escalated</strong></>}
      </h2>
      <p>Happened <When value={i.incidentAt} />; raised by {i.sourceService === "referrals" ? i.recordedBy : `the ${i.sourceService} service`}, <When value={i.raisedAt} /></p>
      {i.summary && <p>{i.summary}</p>}
      {i.acknowledgement
        ? <p data-testid="acknowledgement">Acknowledged by {i.acknowledgement.acknowledgedBy}, <When value={i.acknowledgement.acknowledgedAt} />{i.acknowledgement.late ? <> <strong className="bad">late</strong></> : null}: {i.acknowledgement.note}</p>
        : <p>Acknowledge by <Deadline due={i.acknowledgeBy} /></p>}
    </>
  );
}

function Acknowledge({ incident }: { incident: CriticalIncident }) {
  const queryClient = useQueryClient();
  const [note, setNote] = useState("");
  const acknowledge = useMutation({
    mutationFn: () => api.post<CriticalIncident>(`/api/referrals/critical-incidents/${incident.id}/acknowledge`, { note }),
    onSuccess: async () => { await queryClient.invalidateQueries({ queryKey: ["critical-incidents"] }); },
  });
  const id = `ack-note-${incident.id}`;
  return (
    <form className="note-form" onSubmit={(e) => { e.preventDefault(); acknowledge.mutate(); }} noValidate aria-label={`Acknowledge: ${incidentKinds[incident.kind] ?? incident.kind}`}>
      <Field id={id} field="note" label="What you have done or asked for" error={acknowledge.error}>
        {(p) => <textarea {...p} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <button type="submit" disabled={acknowledge.isPending}>Acknowledge</button>
      <ProblemSummary error={acknowledge.error} fields={["note"]} />
    </form>
  );
}

/**
 * On a young person's record: any case worker records a critical incident (it goes to the senior managers' queue with
 * its deadline); a senior manager also sees this young person's incidents, acknowledged or not.
 */
export function CriticalIncidentsSection({ id }: { id: string }) {
  const session = useSession();
  const isSeniorManager = hasAnyRole(session?.roles ?? [], seniorManagers);
  const queryClient = useQueryClient();
  const incidents = useQuery({
    queryKey: ["critical-incidents", "for", id],
    queryFn: () => api.get<CriticalIncident[]>(`/api/referrals/critical-incidents${query({ status: "all", youngPersonId: id })}`),
    enabled: isSeniorManager,
  });
  const [kind, setKind] = useState("");
  const [incidentAt, setIncidentAt] = useState(nowForLocalInput);
  const [summary, setSummary] = useState("");
  const record = useMutation({
    mutationFn: () => api.post<CriticalIncident>("/api/referrals/critical-incidents", {
      youngPersonId: id, kind: kind || null, incidentAt: instantFromLocalInput(incidentAt) ?? null, summary: summary.trim() || null,
    }),
    onSuccess: async () => {
      setKind(""); setSummary("");
      await queryClient.invalidateQueries({ queryKey: ["critical-incidents"] });
    },
  });
  return (
    <section aria-labelledby="record-incidents-title" data-testid="record-critical-incidents">
      <h2 id="record-incidents-title">Critical incidents</h2>
      {incidents.data && incidents.data.length === 0 && <p>No critical incident is recorded for this young person.</p>}
      {incidents.data && incidents.data.length > 0 && (
        <ul className="entries">
          {incidents.data.map((i) => <li key={i.id} className="entry"><IncidentFacts incident={i} onRecord /></li>)}
        </ul>
      )}
      <form className="note-form" onSubmit={(e) => { e.preventDefault(); record.mutate(); }} noValidate aria-label="Record a critical incident">
        <h3>Record a critical incident</h3>
        <p className="hint">It goes at once to the senior managers, who must acknowledge it by a deadline.</p>
        <Field id="incident-kind" field="kind" label="What happened" error={record.error}>
          {(p) => (
            <select {...p} value={kind} onChange={(e) => setKind(e.target.value)}>
              <option value="">Choose…</option>
              {Object.entries(incidentKinds).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
            </select>
          )}
        </Field>
        <Field id="incident-at" field="incidentAt" label="When it happened (UK time)" error={record.error}>
          {(p) => <input {...p} type="datetime-local" value={incidentAt} onChange={(e) => setIncidentAt(e.target.value)} />}
        </Field>
        <Field id="incident-summary" field="summary" label="What you know" error={record.error}>
          {(p) => <textarea {...p} rows={3} value={summary} onChange={(e) => setSummary(e.target.value)} />}
        </Field>
        <button type="submit" disabled={record.isPending}>Record the incident</button>
        <ProblemSummary error={record.error} fields={["kind", "incidentAt", "summary"]} />
        {record.data && <p role="status">Recorded: the senior managers must acknowledge it by <When value={record.data.acknowledgeBy} />.</p>}
      </form>
    </section>
  );
}
