import { lazy, Suspense, useState } from "react";
import { useParams } from "react-router";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, query } from "../api";
import { useSession } from "../auth/useSession";
import { Deadline } from "../components/Countdown";
import { Field, instantFromLocalInput, nowForLocalInput } from "../components/Field";
import { ProblemSummary } from "../components/Problem";
import { When } from "../components/When";
import { disclosureStaff, hasAnyRole, managers } from "../roles";
import { formatDate, type Instant } from "../time";

type Version = { entryId: string; version: number; dateOfBirth: string; localArea: string; recordedAt: Instant; recordedBy: string; correctionReason: string | null };
type YoungPerson = { id: string; displayName: string; current: Version; history: Version[] };
type Entry = {
  id: string; sequence: number; occurredAt: Instant; occurredAtLondon?: string; recordedAt: Instant; recordedAtLondon?: string;
  sourceService: string; kind: string; summary: string; detail: string | null; authorId: string; authorRole: string | null;
  corrects: string | null; correctedBy: string[];
};
type ChronologyPage = { totalEntries: number; entries: Entry[]; olderBefore: string | null };
type Verification = { intact: boolean; entries: number; firstBrokenSequence: number | null; problem: string | null; checkedAt: Instant };
type Rule = { ruleId: string; level: string; description: string; indicators: string[] };
type Assessment = {
  id: string; eventDate: string; indicators: string[]; suggestedLevel: string; ruleTableVersion: string; rules: Rule[];
  contributingIndicators: string[]; chosenLevel: string; previousLevel: string | null; override: boolean; status: string;
  legalFlags: string[]; prompts: { message?: string }[]; rationale: string | null; recordedAt: Instant; recordedBy: string; recordedByRole: string;
};
type OwnWordsItem = { source: string; saidAt: Instant; words: string | null; notObtainedReason: string | null; recordedBy: string; reference: string };
type ReferralSummary = {
  id: string; cseType: string; priority: string; reasonableCause: boolean; receivedAt: Instant; decisionDue: Instant;
  decided: boolean; overdue: boolean; escalated: boolean;
};

/** services/Referrals/Features/Cases/CaseResponses.cs */
type CaseSummary = {
  id: string; youngPersonId: string; status: string; leadTeam: string; keyWorker: string | null; keyWorkerSince: Instant; openedAt: Instant;
  closedAt: Instant; unallocatedSince: Instant;
};
type VisitReceipt = { id: string; occurredAt: Instant; faceToFace: boolean; place: string; recordedBy: string };
/** services/Referrals/Features/Cases/RecordCaseVisit.cs, VisitResponse */
type Visit = VisitReceipt & { note: string | null; recordedAt: Instant };

const pageSize = 20;

// The placements section is loaded when a record is opened, to keep the main bundle under Vite's 500 kB warning.
const Placements = lazy(() => import("./Placements").then((m) => ({ default: m.Placements })));
const StrategyActionsSection = lazy(() => import("./StrategyActions").then((m) => ({ default: m.StrategyActionsSection })));
const CaseSupervision = lazy(() => import("./Supervision").then((m) => ({ default: m.CaseSupervision })));
const CrossReferencesSection = lazy(() => import("./CrossReferences").then((m) => ({ default: m.CrossReferencesSection })));
const AdultTagsSection = lazy(() => import("./CrossReferences").then((m) => ({ default: m.AdultTagsSection })));
const AssessmentsSection = lazy(() => import("./Assessments").then((m) => ({ default: m.AssessmentsSection })));
const DisclosurePacksSection = lazy(() => import("./Disclosure").then((m) => ({ default: m.DisclosurePacksSection })));
const UnmetNeedsSection = lazy(() => import("./UnmetNeeds").then((m) => ({ default: m.UnmetNeedsSection })));
const CriticalIncidentsSection = lazy(() => import("./CriticalIncidents").then((m) => ({ default: m.CriticalIncidentsSection })));

export function YoungPersonRecord() {
  const { id = "" } = useParams();
  const session = useSession();
  const mayDisclose = hasAnyRole(session?.roles ?? [], disclosureStaff);
  const person = useQuery({ queryKey: ["young-person", id], queryFn: () => api.get<YoungPerson>(`/api/referrals/young-people/${id}`) });
  if (person.isPending) return <p role="status">Loading the record…</p>;
  if (person.error) return <ProblemSummary error={person.error} />;
  const p = person.data;
  return (
    <article aria-labelledby="record-title">
      <h1 id="record-title">{p.displayName}</h1>
      <p className="facts">
        Born {formatDate(p.current.dateOfBirth)} · {p.current.localArea} · version {p.current.version} of the details, recorded by {p.current.recordedBy} <When value={p.current.recordedAt} />
      </p>
      <OwnWords id={id} />
      <div className="record-grid">
        <Chronology id={id} />
        <div>
          <Cases id={id} />
          <Suspense fallback={<p role="status">Loading the strategy actions…</p>}>
            <StrategyActionsSection id={id} />
          </Suspense>
          <Suspense fallback={<p role="status">Loading the cross-references…</p>}>
            <CrossReferencesSection id={id} />
          </Suspense>
          <Suspense fallback={<p role="status">Loading the adults named…</p>}>
            <AdultTagsSection id={id} />
          </Suspense>
          <Referrals id={id} />
          <RiskAssessments id={id} />
          <Suspense fallback={<p role="status">Loading the assessments…</p>}>
            <AssessmentsSection id={id} />
          </Suspense>
          <Suspense fallback={<p role="status">Loading the placements…</p>}>
            <Placements id={id} />
          </Suspense>
          <Suspense fallback={<p role="status">Loading the unmet needs…</p>}>
            <UnmetNeedsSection id={id} />
          </Suspense>
          <Suspense fallback={<p role="status">Loading the critical incidents…</p>}>
            <CriticalIncidentsSection id={id} />
          </Suspense>
          {mayDisclose && (
            <Suspense fallback={<p role="status">Loading the disclosure packs…</p>}>
              <DisclosurePacksSection id={id} />
            </Suspense>
          )}
        </div>
      </div>
    </article>
  );
}

function Chronology({ id }: { id: string }) {
  const [correcting, setCorrecting] = useState<Entry | null>(null);
  const pages = useInfiniteQuery({
    queryKey: ["chronology", id],
    queryFn: ({ pageParam }) =>
      api.get<ChronologyPage>(`/api/referrals/young-people/${id}/chronology${query({ limit: pageSize, before: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.olderBefore ?? undefined,
  });
  const verify = useQuery({
    queryKey: ["chronology-verify", id],
    queryFn: () => api.get<Verification>(`/api/referrals/young-people/${id}/chronology/verify`),
  });
  // Newest first across every page loaded so far.
  const entries = (pages.data?.pages.flatMap((p) => p.entries) ?? []).sort((a, b) => b.sequence - a.sequence);
  const bySequence = new Map(entries.map((e) => [e.id, e.sequence]));
  return (
    <section aria-labelledby="chronology-title" className="chronology">
      <h2 id="chronology-title">
        Chronology{" "}
        {verify.data && (
          <span className={verify.data.intact ? "badge ok" : "badge bad"} data-testid="verify-badge">
            {verify.data.intact
              ? `Verified: ${verify.data.entries} entries intact`
              : `Broken at entry ${verify.data.firstBrokenSequence}: ${verify.data.problem}`}
          </span>
        )}
      </h2>
      <AddNote id={id} correcting={correcting} onDone={() => setCorrecting(null)} />
      {pages.error && <ProblemSummary error={pages.error} />}
      <p className="hint">{pages.data ? `${entries.length} of ${pages.data.pages[0].totalEntries} entries shown, newest first` : "Loading…"}</p>
      <ol className="entries" reversed>
        {entries.map((e) => (
          <li key={e.id} id={`entry-${e.id}`} className={e.correctedBy.length > 0 ? "entry corrected" : "entry"}>
            <div className="entry-head">
              <span className="seq">#{e.sequence}</span> <strong>{e.kind}</strong>{" "}
              <When value={e.occurredAt} london={e.occurredAtLondon} />
            </div>
            <p>{e.summary}</p>
            {e.detail && <p className="detail">{e.detail}</p>}
            <p className="signed">
              Signed {e.authorId}{e.authorRole ? ` (${e.authorRole})` : ""} via {e.sourceService}, recorded <When value={e.recordedAt} london={e.recordedAtLondon} />
            </p>
            {e.corrects && (
              <p className="link">Corrects <a href={`#entry-${e.corrects}`}>entry #{bySequence.get(e.corrects) ?? "(older page)"}</a></p>
            )}
            {e.correctedBy.length > 0 && (
              <p className="link">
                Corrected by{" "}
                {e.correctedBy.map((c) => <a key={c} href={`#entry-${c}`}>entry #{bySequence.get(c) ?? "(newer)"}</a>)}
              </p>
            )}
            <button type="button" className="small" onClick={() => setCorrecting(e)} aria-label={`Correct entry ${e.sequence}`}>Correct</button>
          </li>
        ))}
      </ol>
      {pages.hasNextPage && (
        <button type="button" onClick={() => pages.fetchNextPage()} disabled={pages.isFetchingNextPage}>Older entries</button>
      )}
    </section>
  );
}

function AddNote({ id, correcting, onDone }: { id: string; correcting: Entry | null; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [occurredAt, setOccurredAt] = useState(nowForLocalInput);
  const [text, setText] = useState("");
  const add = useMutation({
    mutationFn: () => api.post(`/api/referrals/young-people/${id}/chronology`, {
      occurredAt: instantFromLocalInput(occurredAt), text, corrects: correcting?.id,
    }),
    onSuccess: async () => {
      setText("");
      onDone();
      await queryClient.invalidateQueries({ queryKey: ["chronology", id] });
      await queryClient.invalidateQueries({ queryKey: ["chronology-verify", id] });
    },
  });
  return (
    <form className="note-form" onSubmit={(e) => { e.preventDefault(); add.mutate(); }} noValidate aria-label="Add to the chronology">
      <h3>{correcting ? `Correct entry #${correcting.sequence}` : "Add a case note"}</h3>
      {correcting && <p className="hint">The original stays; the correction is a new entry pointing at it. <button type="button" className="small" onClick={onDone}>Cancel correction</button></p>}
      <Field id="note-occurred" field="occurredAt" label="When it happened" error={add.error}>
        {(p) => <input {...p} type="datetime-local" value={occurredAt} onChange={(e) => setOccurredAt(e.target.value)} />}
      </Field>
      <Field id="note-text" field="text" label={correcting ? "Correction and reason" : "Note"} error={add.error}>
        {(p) => <textarea {...p} rows={3} value={text} onChange={(e) => setText(e.target.value)} />}
      </Field>
      <button type="submit" disabled={add.isPending}>{correcting ? "Record correction" : "Add note"}</button>
      <ProblemSummary error={add.error} fields={["occurredAt", "text"]} />
      {add.isSuccess && <p role="status">Recorded.</p>}
    </form>
  );
}

/** Issue 16 item 4: the young person's own words come first on their record, not buried in the chronology. */
function OwnWords({ id }: { id: string }) {
  const words = useQuery({
    queryKey: ["own-words", id],
    queryFn: () => api.get<OwnWordsItem[]>(`/api/referrals/young-people/${id}/own-words`),
  });
  return (
    <section aria-labelledby="own-words-title" className="own-words" data-testid="own-words">
      <h2 id="own-words-title">In their own words</h2>
      {words.error && <ProblemSummary error={words.error} />}
      {words.data?.length === 0 && <p>Nothing in their own words is recorded yet: ask them, and record what they say.</p>}
      <ul>
        {words.data?.map((w) => (
          <li key={`${w.source}-${w.reference}`}>
            {w.words ? <q>{w.words}</q> : <>Not obtained: {w.notObtainedReason}</>}
            {" "}({w.source}, <When value={w.saidAt} />, recorded by {w.recordedBy})
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * REF-23/24: the young person's cases. Case staff record a visit or contact on an open case (face to face resets the
 * visit gap); a team or senior manager may end the key worker's allocation with no successor yet, after which the case
 * is on the dashboard's unallocated list. The services enforce the same roles (docs/access-matrix.md).
 */
function Cases({ id }: { id: string }) {
  const session = useSession();
  const cases = useQuery({
    queryKey: ["cases", id],
    queryFn: () => api.get<CaseSummary[]>(`/api/referrals/cases${query({ youngPersonId: id })}`),
  });
  const isManager = hasAnyRole(session?.roles ?? [], managers);
  return (
    <section aria-labelledby="cases-title">
      <h2 id="cases-title">Cases</h2>
      {cases.error && <ProblemSummary error={cases.error} />}
      {cases.data?.length === 0 && <p>No case is open.</p>}
      <ul className="cards">
        {cases.data?.map((c) => (
          <li key={c.id} className="card" data-testid="case">
            <p><strong>{c.leadTeam}</strong> case · {c.status === "Open" ? "open" : c.status.toLowerCase()} since <When value={c.status === "Open" ? c.openedAt : c.closedAt} /></p>
            {c.status === "Open" && (
              <p data-testid="key-worker">
                {c.keyWorker
                  ? <>Key worker <strong>{c.keyWorker}</strong> since <When value={c.keyWorkerSince} /></>
                  : <><strong className="bad">No key worker</strong> since <When value={c.unallocatedSince} /></>}
              </p>
            )}
            <Visits caseId={c.id} />
            <Suspense fallback={null}>
              <CaseSupervision caseId={c.id} youngPersonId={id} leadTeam={c.leadTeam} mayRecord={c.status === "Open" && isManager} />
            </Suspense>
            {c.status === "Open" && <RecordVisit youngPersonId={id} item={c} />}
            {c.status === "Open" && c.keyWorker && isManager && <EndAllocation youngPersonId={id} item={c} />}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** REF-23: the case's last visits and contacts, latest first, so a gap is visible where the work is done. */
function Visits({ caseId }: { caseId: string }) {
  const visits = useQuery({ queryKey: ["visits", caseId], queryFn: () => api.get<Visit[]>(`/api/referrals/cases/${caseId}/visits`) });
  if (visits.error) return <ProblemSummary error={visits.error} />;
  if (!visits.data) return null;
  if (visits.data.length === 0) return <p data-testid="visits">No visit recorded on this case.</p>;
  return (
    <details data-testid="visits">
      <summary>Last visit: {visits.data[0].faceToFace ? "face to face" : "not face to face"}, <When value={visits.data[0].occurredAt} /> ({visits.data.length} recorded)</summary>
      <ul>
        {visits.data.slice(0, 10).map((v) => (
          <li key={v.id}>
            <When value={v.occurredAt} />: {v.faceToFace ? "face to face" : "not face to face"} at {v.place}, recorded by {v.recordedBy}
            {v.note && <> · {v.note}</>}
          </li>
        ))}
      </ul>
    </details>
  );
}

function RecordVisit({ youngPersonId, item }: { youngPersonId: string; item: CaseSummary }) {
  const queryClient = useQueryClient();
  const [occurredAt, setOccurredAt] = useState(nowForLocalInput);
  const [faceToFace, setFaceToFace] = useState("yes");
  const [place, setPlace] = useState("");
  const [note, setNote] = useState("");
  const visit = useMutation({
    mutationFn: () => api.post<VisitReceipt>(`/api/referrals/cases/${item.id}/visits`, {
      occurredAt: instantFromLocalInput(occurredAt), faceToFace: faceToFace === "yes", place, note: note.trim() || null,
    }),
    onSuccess: async () => {
      setPlace(""); setNote("");
      await queryClient.invalidateQueries({ queryKey: ["cases", youngPersonId] });
      await queryClient.invalidateQueries({ queryKey: ["visits", item.id] });
    },
  });
  const key = `visit-${item.id}`;
  return (
    <form className="note-form" onSubmit={(e) => { e.preventDefault(); visit.mutate(); }} noValidate aria-label={`Record a visit on the ${item.leadTeam} case`}>
      <h3>Record a visit</h3>
      <Field id={`${key}-when`} field="occurredAt" label="When the visit happened" error={visit.error}>
        {(p) => <input {...p} type="datetime-local" value={occurredAt} onChange={(e) => setOccurredAt(e.target.value)} />}
      </Field>
      <Field id={`${key}-kind`} field="faceToFace" label="Was it face to face?" error={visit.error} hint="Only a face-to-face visit resets the visit gap.">
        {(p) => (
          <select {...p} value={faceToFace} onChange={(e) => setFaceToFace(e.target.value)}>
            <option value="yes">Yes, face to face</option>
            <option value="no">No, another contact (phone, text, video)</option>
          </select>
        )}
      </Field>
      <Field id={`${key}-place`} field="place" label="Where" error={visit.error}>
        {(p) => <input {...p} value={place} onChange={(e) => setPlace(e.target.value)} />}
      </Field>
      <Field id={`${key}-note`} field="note" label="About the visit (optional)" error={visit.error}>
        {(p) => <textarea {...p} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <button type="submit" disabled={visit.isPending}>Record the visit</button>
      <ProblemSummary error={visit.error} fields={["occurredAt", "faceToFace", "place", "note"]} />
      {visit.data && (
        <p role="status">
          Visit recorded: {visit.data.faceToFace ? "face to face" : "not face to face"} at {visit.data.place}, <When value={visit.data.occurredAt} />.
        </p>
      )}
    </form>
  );
}

function EndAllocation({ youngPersonId, item }: { youngPersonId: string; item: CaseSummary }) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState("");
  const end = useMutation({
    mutationFn: () => api.post(`/api/referrals/cases/${item.id}/key-worker/end`, { reason }),
    onSuccess: async () => {
      setReason("");
      await queryClient.invalidateQueries({ queryKey: ["cases", youngPersonId] });
      await queryClient.invalidateQueries({ queryKey: ["dash"] });
    },
  });
  return (
    <form className="note-form" onSubmit={(e) => { e.preventDefault(); end.mutate(); }} noValidate aria-label={`End the key-worker allocation on the ${item.leadTeam} case`}>
      <h3>End the key-worker allocation</h3>
      <p className="hint">For when {item.keyWorker} stops holding the case and nobody takes over yet: the case is unallocated from now and goes on the dashboard's unallocated list.</p>
      <Field id={`end-${item.id}-reason`} field="reason" label="Why the allocation ends" error={end.error}>
        {(p) => <textarea {...p} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <button type="submit" disabled={end.isPending}>End the allocation</button>
      <ProblemSummary error={end.error} fields={["reason"]} />
    </form>
  );
}

function Referrals({ id }: { id: string }) {
  const referrals = useQuery({
    queryKey: ["referrals", id],
    queryFn: () => api.get<ReferralSummary[]>(`/api/referrals${query({ youngPersonId: id })}`),
  });
  return (
    <section aria-labelledby="referrals-title">
      <h2 id="referrals-title">Referrals</h2>
      {referrals.error && <ProblemSummary error={referrals.error} />}
      {referrals.data?.length === 0 && <p>No referrals.</p>}
      <ul className="cards">
        {referrals.data?.map((r) => (
          <li key={r.id} className="card">
            <p><strong>{r.cseType}</strong> · priority {r.priority}{r.reasonableCause ? " · reasonable cause" : ""}</p>
            <p>Received <When value={r.receivedAt} /></p>
            <p>{r.decided ? "Decided" : <>Decision <Deadline due={r.decisionDue} /></>}{r.escalated ? " · escalated" : ""}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

function RiskAssessments({ id }: { id: string }) {
  const assessments = useQuery({
    queryKey: ["risk-assessments", id],
    queryFn: () => api.get<Assessment[]>(`/api/referrals/young-people/${id}/risk-assessments`),
  });
  return (
    <section aria-labelledby="risk-title">
      <h2 id="risk-title">Risk assessments</h2>
      {assessments.error && <ProblemSummary error={assessments.error} />}
      {assessments.data?.length === 0 && <p>No risk assessment yet.</p>}
      <ul className="cards">
        {assessments.data?.map((a) => (
          <li key={a.id} className="card">
            <p>
              <strong className={`level level-${a.chosenLevel}`}>{a.chosenLevel}</strong> chosen, {a.suggestedLevel} suggested by rule table {a.ruleTableVersion}
              {a.override ? " (override)" : ""} · {a.status}
            </p>
            <p>About {formatDate(a.eventDate)}; recorded by {a.recordedBy} ({a.recordedByRole}) <When value={a.recordedAt} /></p>
            <p>Indicators: {a.indicators.join(", ") || "none"}</p>
            {a.rules.length > 0 && (
              <ul className="reasons" aria-label="Why this level">
                {a.rules.map((r) => <li key={r.ruleId}>{r.ruleId} ({r.level}): {r.description} [{r.indicators.join(", ")}]</li>)}
              </ul>
            )}
            {a.rationale && <p>Rationale: {a.rationale}</p>}
            {a.legalFlags.length > 0 && <p className="flag">Legal flags: {a.legalFlags.join(", ")}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
