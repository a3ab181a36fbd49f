import { useState } from "react";
import { Link, useParams } from "react-router";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, query } from "../api";
import { useSession } from "../auth/useSession";
import { Field, instantFromLocalInput, nowForLocalInput } from "../components/Field";
import { ProblemSummary } from "../components/Problem";
import { RecordUnmetNeedMet, unmetReasons } from "../components/UnmetNeedMet";
import { When } from "../components/When";
import { hasAnyRole, managers } from "../roles";
import { formatDate, type Instant, londonToday } from "../time";

type PackItem = { id: string; label: string; who: string | null; dueAt: Instant; at: Instant };
type Pack = {
  youngPersonId: string; dateOfBirth: string | null; eighteenthBirthday: string | null; supportAvailableUntil: string | null;
  lookedAfter: boolean; personalAdviser: string | null;
  risk: { level: string | null; indicators: string[]; setAt: Instant };
  openRiskReviews: PackItem[]; openStrategyActions: PackItem[]; strategyDecisions: PackItem[]; referralDecisions: PackItem[];
  missing: { episodes: number; episodesLast90Days: number; returnInterviews: number; recent: PackItem[] };
  outreachInvolvement: PackItem[]; therapyInvolvement: PackItem[];
  youngPersonsWords: { words: string; recordedAt: Instant; recordedBy: string; source: string }[];
  lastContactAt: Instant; whereaboutsUnknownSince: Instant; duties: string;
};
type Alert = {
  id: string; youngPersonId: string; displayName: string; kind: string; dueOn: string; recipient: string | null; queue: string;
  raisedAt: Instant; acknowledgedBy: string | null; acknowledgedAt: Instant; pack: Pack | null;
};
/** services/LeavingCare/Features/Advisers/AdviserEndpoints.cs ProviderHistoryEntry, AdviserResponse (LC-07) */
type ProviderChange = { fromProvider: string; toProvider: string; effectiveOn: string; reason: string; recordedAt: Instant; recordedBy: string };
type Adviser = {
  id: string; userId: string; displayName: string; team: string; provider: string; registeredProvider: string; providerHistory: ProviderChange[];
  registeredAt: Instant; registeredBy: string;
};
/** services/LeavingCare/Features/CareLeavers/CareLeaverRequests.cs UnmetNeedResponse (LC-06, COM-05) */
type UnmetNeed = {
  id: string; needCategory: string; reason: string; refusedBy: string; refusedOn: string; details: string | null; recordedAt: Instant; recordedBy: string;
  met?: { metOn: string; how: string; recordedAt: Instant; recordedBy: string };
};
type OverdueItem = { youngPersonId: string; displayName: string; kind: string; dueOn: string; daysOverdue: number; personalAdviser: string | null };

const kindText: Record<string, string> = {
  Handover: "Handover before the 18th birthday",
  Escalated: "Escalated: no adviser 30 days before 18",
  KeepInTouch: "Keep in touch: no contact for 8 weeks",
  PathwayPlanDue: "Pathway plan due",
  PathwayPlanReviewDue: "Pathway plan review due",
  KeepInTouchDue: "Keep in touch due",
};

/**
 * Dates the service computed (LC-03, LC-04) on the London calendar: a date falls due at the end of its day, so the
 * service's `daysOverdue` 0 is "due today" and anything more is overdue.
 */
function DueList({ title, id, query, items, empty }: {
  title: string; id: string; query: { error: unknown }; items: OverdueItem[] | undefined; empty: string;
}) {
  return (
    <section aria-labelledby={`${id}-title`} data-testid={id}>
      <h2 id={`${id}-title`}>{title}</h2>
      {query.error ? <ProblemSummary error={query.error} /> : null}
      {items?.length === 0 && <p>{empty}</p>}
      <ul className="cards">
        {items?.map((o) => (
          <li key={`${o.youngPersonId}-${o.kind}`} className="card">
            <Link to={`/leaving-care/young-people/${o.youngPersonId}`}>{o.displayName || "Name not yet known"}</Link>
            {": "}{kindText[o.kind] ?? o.kind}, due {formatDate(o.dueOn)}
            {o.daysOverdue > 0 ? `, ${o.daysOverdue} days overdue` : ", today"}
            {o.personalAdviser ? ` (${o.personalAdviser})` : " (no adviser)"}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The personal adviser's list: alerts to act on (LC-01, LC-03) and keep-in-touch and pathway-plan due dates. */
export function LeavingCare() {
  const alerts = useQuery({ queryKey: ["lc-alerts"], queryFn: () => api.get<Alert[]>("/api/leavingcare/alerts") });
  const overdue = useQuery({ queryKey: ["lc-overdue"], queryFn: () => api.get<OverdueItem[]>("/api/leavingcare/overdue") });
  return (
    <section aria-labelledby="lc-title">
      <h1 id="lc-title">Leaving care</h1>
      <p><Link to="/leaving-care/advisers">Personal advisers and their providers</Link></p>
      <section aria-labelledby="alerts-title">
        <h2 id="alerts-title">Alerts to acknowledge</h2>
        {alerts.error && <ProblemSummary error={alerts.error} />}
        {alerts.data?.length === 0 && <p>No alerts waiting.</p>}
        {alerts.data && alerts.data.length > 0 && (
          <table>
            <caption className="visually-hidden">Alerts, soonest due first</caption>
            <thead><tr><th scope="col">Young person</th><th scope="col">Alert</th><th scope="col">Due</th><th scope="col">Raised</th></tr></thead>
            <tbody>
              {[...alerts.data].sort((a, b) => a.dueOn.localeCompare(b.dueOn)).map((a) => (
                <tr key={a.id}>
                  <td><Link to={`/leaving-care/alerts/${a.id}`}>{a.displayName}</Link></td>
                  <td>{kindText[a.kind] ?? a.kind}</td>
                  <td>{formatDate(a.dueOn)}</td>
                  <td><When value={a.raisedAt} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <DueList title="Keeping in touch and pathway plans due today" id="due-today" query={overdue} items={overdue.data?.filter((o) => o.daysOverdue === 0)} empty="Nothing due today." />
      <DueList title="Keeping in touch and pathway plans overdue" id="due-overdue" query={overdue} items={overdue.data?.filter((o) => o.daysOverdue > 0)} empty="Nothing overdue." />
    </section>
  );
}

export function LeavingCareAlert() {
  const { id = "" } = useParams();
  const queryClient = useQueryClient();
  const alert = useQuery({ queryKey: ["lc-alert", id], queryFn: () => api.get<Alert>(`/api/leavingcare/alerts/${id}`) });
  const acknowledge = useMutation({
    mutationFn: () => api.post(`/api/leavingcare/alerts/${id}/acknowledge`),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["lc-alert", id] });
      await queryClient.invalidateQueries({ queryKey: ["lc-alerts"] });
    },
  });
  if (alert.isPending) return <p role="status">Loading…</p>;
  if (alert.error) return <ProblemSummary error={alert.error} />;
  const a = alert.data;
  return (
    <article aria-labelledby="alert-title">
      <h1 id="alert-title">{a.displayName}: {kindText[a.kind] ?? a.kind}</h1>
      <p>Due {formatDate(a.dueOn)} · raised <When value={a.raisedAt} /> · to {a.recipient ?? a.queue}</p>
      {a.acknowledgedBy ? (
        <p className="badge ok" role="status">Acknowledged by {a.acknowledgedBy} <When value={a.acknowledgedAt} /></p>
      ) : (
        <p><button type="button" onClick={() => acknowledge.mutate()} disabled={acknowledge.isPending}>Acknowledge</button></p>
      )}
      <ProblemSummary error={acknowledge.error} />
      {a.pack && <HandoverPack pack={a.pack} />}
      <RecordContact youngPersonId={a.youngPersonId} />
    </article>
  );
}

export function LeavingCareYoungPerson() {
  const { id = "" } = useParams();
  const record = useQuery({
    queryKey: ["lc-record", id],
    queryFn: () => api.get<{ record: { personalAdviser: string | null; lastContactAt: Instant }; pack: Pack }>(`/api/leavingcare/young-people/${id}/leaving-care`),
  });
  if (record.isPending) return <p role="status">Loading…</p>;
  if (record.error) return <ProblemSummary error={record.error} />;
  return (
    <article aria-labelledby="lc-person-title">
      <h1 id="lc-person-title">Leaving-care record</h1>
      <HandoverPack pack={record.data.pack} />
      <RecordContact youngPersonId={id} />
      <UnmetNeeds youngPersonId={id} />
    </article>
  );
}

/**
 * LC-06, COM-05: what another service refused or could not provide, recorded as unmet need with its reason (never a
 * reason to close support), and, when it is met after all, the day and how. Both reach the platform's unmet-need ledger.
 */
function UnmetNeeds({ youngPersonId }: { youngPersonId: string }) {
  const queryClient = useQueryClient();
  const needs = useQuery({
    queryKey: ["lc-unmet-needs", youngPersonId],
    queryFn: () => api.get<UnmetNeed[]>(`/api/leavingcare/young-people/${youngPersonId}/unmet-needs`),
  });
  const [form, setForm] = useState({ needCategory: "", reason: "CriteriaNotMet", refusedBy: "", details: "", refusedOn: londonToday() });
  const record = useMutation({
    mutationFn: () => api.post(`/api/leavingcare/young-people/${youngPersonId}/unmet-needs`, {
      needCategory: form.needCategory || undefined, reason: form.reason, refusedBy: form.refusedBy || undefined,
      details: form.details || undefined, refusedOn: form.refusedOn || undefined,
    }),
    onSuccess: () => {
      setForm({ ...form, needCategory: "", refusedBy: "", details: "" });
      return queryClient.invalidateQueries({ queryKey: ["lc-unmet-needs", youngPersonId] });
    },
  });
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  return (
    <section aria-labelledby="unmet-title">
      <h2 id="unmet-title">Unmet needs</h2>
      {needs.error ? <ProblemSummary error={needs.error} /> : null}
      {needs.data && (needs.data.length === 0 ? <p className="none">None recorded.</p> : (
        <ul className="unmet-needs">
          {needs.data.map((n) => (
            <li key={n.id} aria-label={`${n.needCategory}: refused by ${n.refusedBy}`}>
              <strong>{n.needCategory}</strong>: {unmetReasons[n.reason] ?? n.reason}, refused by {n.refusedBy} on {formatDate(n.refusedOn)}
              {n.details ? <> · <q>{n.details}</q></> : null} (recorded by {n.recordedBy})
              {n.met
                ? <p className="met">Met on {formatDate(n.met.metOn)}: {n.met.how} (recorded by {n.met.recordedBy})</p>
                : <RecordUnmetNeedMet url={`/api/leavingcare/young-people/${youngPersonId}/unmet-needs/${n.id}/met`}
                    queryKey={["lc-unmet-needs", youngPersonId]} needId={n.id} needLabel={n.needCategory} />}
            </li>
          ))}
        </ul>
      ))}
      <form onSubmit={(e) => { e.preventDefault(); record.mutate(); }} noValidate aria-labelledby="unmet-record-title">
        <h3 id="unmet-record-title">Record a refusal</h3>
        <Field id="unmet-category" field="needCategory" label="What is needed" error={record.error}>
          {(p) => <input {...p} value={form.needCategory} onChange={set("needCategory")} placeholder="AdultMentalHealth" />}
        </Field>
        <Field id="unmet-reason" field="reason" label="Why it is not met" error={record.error}>
          {(p) => (
            <select {...p} value={form.reason} onChange={set("reason")}>
              {Object.entries(unmetReasons).map(([value, text]) => <option key={value} value={value}>{text}</option>)}
            </select>
          )}
        </Field>
        <Field id="unmet-refused-by" field="refusedBy" label="Refused by" error={record.error}>
          {(p) => <input {...p} value={form.refusedBy} onChange={set("refusedBy")} />}
        </Field>
        <Field id="unmet-refused-on" field="refusedOn" label="Refused on" error={record.error}>
          {(p) => <input {...p} type="date" value={form.refusedOn} onChange={set("refusedOn")} />}
        </Field>
        <Field id="unmet-details" field="details" label="What they said" error={record.error}>
          {(p) => <textarea {...p} rows={2} value={form.details} onChange={set("details")} />}
        </Field>
        <button type="submit" disabled={record.isPending}>Record unmet need</button>
        <ProblemSummary error={record.error} fields={["needCategory", "reason", "refusedBy", "refusedOn", "details"]} />
        {record.isSuccess && <p role="status">Unmet need recorded.</p>}
      </form>
    </section>
  );
}

function Items({ title, items }: { title: string; items: PackItem[] }) {
  return (
    <div>
      <h3>{title}</h3>
      {items.length === 0 ? <p className="none">None.</p> : (
        <ul>{items.map((i) => (
          <li key={i.id}>{i.label}{i.who ? ` (${i.who})` : ""}, <When value={i.at} />{i.dueAt ? <> · due <When value={i.dueAt} /></> : null}</li>
        ))}</ul>
      )}
    </div>
  );
}

function HandoverPack({ pack }: { pack: Pack }) {
  return (
    <section aria-labelledby="pack-title" className="pack">
      <h2 id="pack-title">Handover pack</h2>
      <p>
        Born {formatDate(pack.dateOfBirth)} · 18 on {formatDate(pack.eighteenthBirthday)} · support until {formatDate(pack.supportAvailableUntil)}
        {pack.lookedAfter ? " · looked after" : ""} · adviser {pack.personalAdviser ?? "not allocated"}
      </p>
      <p><strong className={`level level-${pack.risk.level ?? "none"}`}>Risk {pack.risk.level ?? "not assessed"}</strong>
        {pack.risk.indicators.length > 0 ? `: ${pack.risk.indicators.join(", ")}` : ""}</p>
      {pack.whereaboutsUnknownSince && <p className="flag">Whereabouts unknown since <When value={pack.whereaboutsUnknownSince} /></p>}
      <p>Last contact: {pack.lastContactAt ? <When value={pack.lastContactAt} /> : "none recorded"}</p>
      <div className="pack-grid">
        <Items title="Open risk reviews" items={pack.openRiskReviews} />
        <Items title="Open strategy actions" items={pack.openStrategyActions} />
        <Items title="Strategy decisions" items={pack.strategyDecisions} />
        <Items title="Referral decisions" items={pack.referralDecisions} />
        <div>
          <h3>Missing history</h3>
          <p>{pack.missing.episodes} episodes ({pack.missing.episodesLast90Days} in the last 90 days), {pack.missing.returnInterviews} return interviews</p>
        </div>
        <Items title="Outreach involvement" items={pack.outreachInvolvement} />
        <Items title="Therapy involvement" items={pack.therapyInvolvement} />
      </div>
      <h3>In their own words</h3>
      {pack.youngPersonsWords.length === 0 ? <p className="none">Nothing recorded yet.</p> : (
        <ul>{pack.youngPersonsWords.map((w, i) => <li key={i}><q>{w.words}</q> ({w.source}, recorded by {w.recordedBy}, <When value={w.recordedAt} />)</li>)}</ul>
      )}
      <p className="duties">{pack.duties}</p>
    </section>
  );
}

function RecordContact({ youngPersonId }: { youngPersonId: string }) {
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ occurredAt: nowForLocalInput(), outcome: "Contacted", method: "Phone", youngPersonsWords: "" });
  const record = useMutation({
    mutationFn: () => api.post(`/api/leavingcare/young-people/${youngPersonId}/contacts${query({})}`, {
      occurredAt: instantFromLocalInput(form.occurredAt), outcome: form.outcome, method: form.method,
      youngPersonsWords: form.youngPersonsWords || undefined,
    }),
    onSuccess: () => queryClient.invalidateQueries(),
  });
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  return (
    <section aria-labelledby="contact-title">
      <h2 id="contact-title">Record a contact</h2>
      <form onSubmit={(e) => { e.preventDefault(); record.mutate(); }} noValidate>
        <fieldset>
          <legend>Outcome</legend>
          <label className="choice"><input type="radio" name="outcome" value="Contacted" checked={form.outcome === "Contacted"} onChange={set("outcome")} /> Spoke to or saw them</label>
          <label className="choice"><input type="radio" name="outcome" value="WhereaboutsUnknown" checked={form.outcome === "WhereaboutsUnknown"} onChange={set("outcome")} /> Whereabouts unknown (reports them missing, LC-04)</label>
        </fieldset>
        <Field id="contact-when" field="occurredAt" label="When" error={record.error}>
          {(p) => <input {...p} type="datetime-local" value={form.occurredAt} onChange={set("occurredAt")} />}
        </Field>
        <Field id="contact-method" field="method" label="How" error={record.error}>
          {(p) => <input {...p} value={form.method} onChange={set("method")} />}
        </Field>
        <Field id="contact-words" field="youngPersonsWords" label="Their own words (optional)" error={record.error}>
          {(p) => <textarea {...p} rows={2} value={form.youngPersonsWords} onChange={set("youngPersonsWords")} />}
        </Field>
        <button type="submit" disabled={record.isPending}>Record contact</button>
        <ProblemSummary error={record.error} fields={["occurredAt", "outcome", "method", "youngPersonsWords"]} />
        {record.isSuccess && <p role="status">Contact recorded.</p>}
      </form>
    </section>
  );
}

/** Today's date in London as yyyy-MM-dd: the calendar the service checks an effective date against. */

/**
 * LC-07: the registered personal advisers with their provider now and every change since registration, oldest first.
 * Managers record a move to another provider (a service brought in house, a new contract) from a date, with a reason:
 * nothing the adviser holds is copied or closed.
 */
export function PersonalAdvisers() {
  const session = useSession();
  const isManager = hasAnyRole(session?.roles ?? [], managers);
  const advisers = useQuery({ queryKey: ["lc-advisers"], queryFn: () => api.get<Adviser[]>("/api/leavingcare/advisers") });
  return (
    <section aria-labelledby="advisers-title">
      <h1 id="advisers-title">Personal advisers and their providers</h1>
      <p><Link to="/leaving-care">Back to leaving care</Link></p>
      {advisers.isPending && <p role="status">Loading the advisers…</p>}
      {advisers.error && <ProblemSummary error={advisers.error} />}
      {advisers.data?.length === 0 && <p>No personal adviser is registered.</p>}
      <ul className="cards">
        {advisers.data?.map((a) => (
          <li key={a.id} className="card" data-testid="adviser">
            <h2>{a.displayName} <span className="hint">({a.userId})</span></h2>
            <p>{a.team} · provider now: <strong data-testid="provider-now">{a.provider}</strong></p>
            <h3>Provider history</h3>
            <ol className="provider-history" data-testid="provider-history">
              <li>Registered with {a.registeredProvider} by {a.registeredBy}, <When value={a.registeredAt} /></li>
              {a.providerHistory.map((c, i) => (
                <li key={i} data-testid="provider-change">
                  {c.toProvider} from {formatDate(c.effectiveOn)} (was {c.fromProvider}): {c.reason}
                  {" "}<span className="signed">Recorded by {c.recordedBy}, <When value={c.recordedAt} /></span>
                </li>
              ))}
            </ol>
            {isManager && <ChangeProvider adviser={a} />}
          </li>
        ))}
      </ul>
    </section>
  );
}

function ChangeProvider({ adviser: a }: { adviser: Adviser }) {
  const queryClient = useQueryClient();
  const [provider, setProvider] = useState("");
  const [effectiveOn, setEffectiveOn] = useState(londonToday);
  const [reason, setReason] = useState("");
  const change = useMutation({
    mutationFn: () => api.post<Adviser>(`/api/leavingcare/advisers/${a.id}/provider-changes`, { provider, effectiveOn: effectiveOn || null, reason }),
    onSuccess: async () => {
      setProvider(""); setReason("");
      await queryClient.invalidateQueries({ queryKey: ["lc-advisers"] });
    },
  });
  const key = `provider-${a.id}`;
  return (
    <details>
      <summary>Record a change of provider</summary>
      <form className="note-form" onSubmit={(e) => { e.preventDefault(); change.mutate(); }} noValidate aria-label={`Change ${a.displayName}'s provider`}>
        <p className="hint">Their caseload, contacts and alerts stay theirs; the change is added to the history.</p>
        <Field id={`${key}-provider`} field="provider" label="New provider" error={change.error}>
          {(p) => <input {...p} value={provider} onChange={(e) => setProvider(e.target.value)} />}
        </Field>
        <Field id={`${key}-effective`} field="effectiveOn" label="From" error={change.error}
          hint="Not before the adviser was registered, and at most a year ahead.">
          {(p) => <input {...p} type="date" value={effectiveOn} onChange={(e) => setEffectiveOn(e.target.value)} />}
        </Field>
        <Field id={`${key}-reason`} field="reason" label="Why" error={change.error}>
          {(p) => <textarea {...p} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
        <button type="submit" disabled={change.isPending}>Record the change</button>
        <ProblemSummary error={change.error} fields={["provider", "effectiveOn", "reason"]} />
        {change.isSuccess && (() => {
          const last = change.data.providerHistory[change.data.providerHistory.length - 1];
          return <p role="status">Recorded: {a.displayName} with {last?.toProvider ?? change.data.provider} from {formatDate(last?.effectiveOn)}.</p>;
        })()}
      </form>
    </details>
  );
}
