import { useState } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, query } from "../api";
import { Field } from "../components/Field";
import { useYoungPersonNames } from "../components/PersonName";
import { ProblemSummary } from "../components/Problem";
import { When } from "../components/When";
import { formatDate, type Instant } from "../time";
import { label, sections } from "./MyRecord";

// REC-08, REC-09, REC-10 (README "Subject access and case-review packs"): the auditor's and the data protection
// officer's screens. A young person's request counts down to its legal deadline; a pack is made from every service's
// records, waits for each service's part, is redacted with a reason for every redaction (the original never
// changes), and answers the request only once its third parties have been reviewed.

/** SubjectAccessRequestView.cs */
type SubjectAccessRequest = {
  id: string; youngPersonId: string; requester: string; howReceived: string; receivedOn: string; dueOn: string; extendedDueOn: string | null;
  extensionReason: string | null; extendedBy: string | null; open: boolean; overdue: boolean; answeredWithPackId: string | null;
  answeredAt: Instant; answeredBy: string | null; answeredLate: boolean | null; recordedBy: string; recordedAt: Instant;
};
/** DisclosurePackResponses.cs */
type Contribution = { service: string; itemCount: number; sha256: string; receivedAt: Instant };
type Manifest = {
  id: string; youngPersonId: string; purpose: string; recipient: string; itemCount: number; sections: Record<string, number>; sha256: string;
  createdAt: Instant; createdBy: string; complete: boolean; awaiting: string[]; contributions: Contribution[];
};
type Redaction = { id: string; itemId: string; field: string; start: number; length: number; reason: string; recipient: string; redactedAt: Instant; redactedBy: string };
type Provenance = { service: string; recordedBy: string | null; recordedByRole: string | null; recordedAt: Instant };
type Item = {
  id: string; section: string; occurredAt: Instant; provenance: Provenance; original: Record<string, string> | null; redacted: Record<string, string> | null;
};
type Pack = { manifest: Manifest; checksumVerified: boolean; view: string; redactions: Redaction[]; items: Item[] };

const purposes: Record<string, string> = { SubjectAccess: "Subject access", CaseReview: "Case review", Audit: "Audit" };
const requesters: Record<string, string> = { YoungPerson: "The young person", AdultSurvivor: "The adult survivor", Representative: "Their representative" };

/** Makes a pack and opens it; `answers` carries the request it is made for, so the pack screen offers the answer. */
function useMakePack(youngPersonId: string, answers?: string) {
  const navigate = useNavigate();
  return useMutation({
    mutationFn: (body: { purpose: string; recipient: string }) =>
      api.post<Manifest>(`/api/referrals/young-people/${youngPersonId}/disclosure-packs`, { purpose: body.purpose || null, recipient: body.recipient }),
    onSuccess: (manifest) => navigate(`/disclosure-packs/${manifest.id}${answers ? query({ answers }) : ""}`),
  });
}

/** `/subject-access`: every request, open ones first by due date, each counting down to its computed deadline. */
export function SubjectAccessQueue() {
  const [overdueOnly, setOverdueOnly] = useState(false);
  const requests = useQuery({
    queryKey: ["subject-access-requests", overdueOnly],
    queryFn: () => api.get<SubjectAccessRequest[]>(`/api/referrals/subject-access-requests${overdueOnly ? "?overdue=true" : ""}`),
  });
  const names = useYoungPersonNames(requests.data?.map((r) => r.youngPersonId) ?? []);
  return (
    <section aria-labelledby="sar-title">
      <h1 id="sar-title">Subject access requests</h1>
      <p className="hint">
        Due one calendar month after receipt, moved to the next working day; extended once, with a reason, to three months.
        Answer with a subject-access pack of the same record, reviewed for other people's information.
      </p>
      <label className="choice">
        <input type="checkbox" checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)} /> Only those past their deadline
      </label>
      {requests.isPending && <p role="status">Loading the requests…</p>}
      <ProblemSummary error={requests.error} />
      {requests.data?.length === 0 && <p>No requests in this list.</p>}
      <ul className="entries" data-testid="subject-access-requests">
        {requests.data?.map((r) => <RequestEntry key={r.id} request={r} name={names.get(r.youngPersonId)} />)}
      </ul>
    </section>
  );
}

function RequestEntry({ request: r, name }: { request: SubjectAccessRequest; name?: string }) {
  const make = useMakePack(r.youngPersonId, r.id);
  const dueOn = r.extendedDueOn ?? r.dueOn;
  return (
    <li className="entry" data-testid="subject-access-request">
      <h2 className="entry-title">
        <Link to={`/young-people/${r.youngPersonId}`}>{name ?? "Open the record"}</Link>: asked by {(requesters[r.requester] ?? r.requester).toLowerCase()}
        {r.overdue && <> <strong className="bad">Past its deadline</strong></>}
      </h2>
      <p>Received {formatDate(r.receivedOn)} ({r.howReceived}), recorded by {r.recordedBy}. Due {formatDate(dueOn)}{r.extendedDueOn && <> (extended from {formatDate(r.dueOn)} by {r.extendedBy}: {r.extensionReason})</>}.</p>
      {r.answeredWithPackId
        ? <p data-testid="answered">Answered by {r.answeredBy}, <When value={r.answeredAt} />{r.answeredLate ? <> <strong className="bad">late</strong></> : null} with <Link to={`/disclosure-packs/${r.answeredWithPackId}`}>this pack</Link>.</p>
        : (
          <>
            <button type="button" onClick={() => make.mutate({ purpose: "SubjectAccess", recipient: requesters[r.requester] ?? r.requester })} disabled={make.isPending}>
              Make the pack to answer it
            </button>
            <ProblemSummary error={make.error} />
            {!r.extendedDueOn && <Extend request={r} />}
          </>
        )}
    </li>
  );
}

function Extend({ request }: { request: SubjectAccessRequest }) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState("");
  const extend = useMutation({
    mutationFn: () => api.post<SubjectAccessRequest>(`/api/referrals/subject-access-requests/${request.id}/extension`, { reason }),
    onSuccess: async () => { await queryClient.invalidateQueries({ queryKey: ["subject-access-requests"] }); },
  });
  return (
    <details>
      <summary>Extend the deadline</summary>
      <form className="note-form" noValidate onSubmit={(e) => { e.preventDefault(); extend.mutate(); }} aria-label="Extend the deadline">
        <Field id={`extend-${request.id}`} field="reason" label="Why it needs longer" error={extend.error}>
          {(p) => <textarea {...p} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
        <button type="submit" disabled={extend.isPending}>Extend to three months</button>
        <ProblemSummary error={extend.error} fields={["reason"]} />
      </form>
    </details>
  );
}

/** On the young person's record, for auditors and the data protection officer: the packs made of it, and a new one. */
export function DisclosurePacksSection({ id }: { id: string }) {
  const packs = useQuery({
    queryKey: ["disclosure-packs", id],
    queryFn: () => api.get<Manifest[]>(`/api/referrals/young-people/${id}/disclosure-packs`),
  });
  const make = useMakePack(id);
  const [purpose, setPurpose] = useState("");
  const [recipient, setRecipient] = useState("");
  return (
    <section aria-labelledby="packs-title" data-testid="disclosure-packs">
      <h2 id="packs-title">Disclosure packs</h2>
      <ProblemSummary error={packs.error} />
      {packs.data?.length === 0 && <p>No pack has been made of this record.</p>}
      {packs.data && packs.data.length > 0 && (
        <ul className="entries">
          {packs.data.map((m) => (
            <li key={m.id} className="entry">
              <Link to={`/disclosure-packs/${m.id}`}>{purposes[m.purpose] ?? m.purpose} for {m.recipient}</Link>: {m.itemCount} items,
              made by {m.createdBy}, <When value={m.createdAt} />; {m.complete ? "complete" : `waiting for ${m.awaiting.join(", ")}`}
            </li>
          ))}
        </ul>
      )}
      <form className="note-form" noValidate onSubmit={(e) => { e.preventDefault(); make.mutate({ purpose, recipient }); }} aria-label="Make a disclosure pack">
        <h3>Make a pack of this record</h3>
        <p className="hint">Every service sends its records word for word; the pack can be redacted once every part has arrived.</p>
        <Field id="pack-purpose" field="purpose" label="What it is for" error={make.error}>
          {(p) => (
            <select {...p} value={purpose} onChange={(e) => setPurpose(e.target.value)}>
              <option value="">Choose…</option>
              {Object.entries(purposes).map(([value, text]) => <option key={value} value={value}>{text}</option>)}
            </select>
          )}
        </Field>
        <Field id="pack-recipient" field="recipient" label="Who receives it" error={make.error} hint="The young person, a review panel, a court.">
          {(p) => <input {...p} value={recipient} onChange={(e) => setRecipient(e.target.value)} />}
        </Field>
        <button type="submit" disabled={make.isPending}>Make the pack</button>
        <ProblemSummary error={make.error} fields={["purpose", "recipient"]} />
      </form>
    </section>
  );
}

/** `/disclosure-packs/:packId`: the manifest, every item original beside redacted, the redactions with their reasons. */
export function DisclosurePackPage() {
  const { packId = "" } = useParams();
  const [search] = useSearchParams();
  const answers = search.get("answers");
  const pack = useQuery({
    queryKey: ["disclosure-pack", packId],
    queryFn: () => api.get<Pack>(`/api/referrals/disclosure-packs/${packId}?view=side-by-side`),
    // Other services' parts arrive over the bus: follow the pack until it is complete.
    refetchInterval: (q) => (q.state.data && !q.state.data.manifest.complete ? 3_000 : false),
  });
  if (pack.isPending) return <p role="status">Loading the pack…</p>;
  if (pack.error) return <ProblemSummary error={pack.error} />;
  const { manifest: m, items, redactions } = pack.data;
  return (
    <article aria-labelledby="pack-title">
      <p><Link to={`/young-people/${m.youngPersonId}`}>Back to the record</Link></p>
      <h1 id="pack-title">{purposes[m.purpose] ?? m.purpose} pack for {m.recipient}</h1>
      <div className="notice" data-testid="pack-manifest">
        <p>Made by {m.createdBy}, <When value={m.createdAt} />. {m.itemCount} items: {Object.entries(m.sections).filter(([, n]) => n > 0).map(([s, n]) => `${sections[s] ?? s} ${n}`).join(", ")}.</p>
        <p>{m.complete
          ? <strong className="ok">Complete: every service has sent its part.</strong>
          : <><strong className="bad">Waiting for {m.awaiting.join(", ")}.</strong> It cannot be redacted or released until every part has arrived.</>}</p>
        <p>{pack.data.checksumVerified ? "Every checksum verifies: nothing in the pack has changed since it was made." : <strong className="bad">A checksum does not verify: the stored pack has changed.</strong>}</p>
        {m.contributions.length > 0 && (
          <p className="hint">Parts: {m.contributions.map((c) => `${c.service} (${c.itemCount})`).join(", ")}.</p>
        )}
      </div>
      {answers && <AnswerRequest requestId={answers} packId={m.id} />}
      <RedactText packId={m.id} />
      {redactions.length > 0 && (
        <section aria-labelledby="redactions-title">
          <h2 id="redactions-title">Redactions</h2>
          <ul className="entries" data-testid="redactions">
            {redactions.map((r) => (
              <li key={r.id}>From “{label(r.field)}” of one item, for {r.recipient}: {r.reason} ({r.redactedBy}, <When value={r.redactedAt} />)</li>
            ))}
          </ul>
        </section>
      )}
      <h2>Items, original beside what the recipient gets</h2>
      <ol className="entries" aria-label="Pack items">
        {items.map((item) => <PackItemEntry key={item.id} item={item} packId={m.id} complete={m.complete} />)}
      </ol>
    </article>
  );
}

function PackItemEntry({ item, packId, complete }: { item: Item; packId: string; complete: boolean }) {
  const names = Object.keys(item.original ?? {});
  return (
    <li className="entry" data-testid="pack-item">
      <p>
        <strong>{sections[item.section] ?? item.section}</strong> · {item.provenance.service}
        {item.provenance.recordedBy && <>, recorded by {item.provenance.recordedBy}</>}
        {item.occurredAt && <> · <When value={item.occurredAt} /></>}
      </p>
      <table className="side-by-side">
        <thead><tr><th scope="col">Field</th><th scope="col">Original</th><th scope="col">For the recipient</th></tr></thead>
        <tbody>
          {names.map((name) => (
            <tr key={name}>
              <th scope="row">{label(name)}</th>
              <td>{item.original?.[name]}</td>
              <td className={item.redacted?.[name] !== item.original?.[name] ? "redacted" : undefined}>{item.redacted?.[name]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {complete && <RedactSpan item={item} packId={packId} fields={names} />}
    </li>
  );
}

/** Withholds some words of one field of one item: the span is found in the original text, the reason is the auditor's. */
function RedactSpan({ item, packId, fields }: { item: Item; packId: string; fields: string[] }) {
  const queryClient = useQueryClient();
  const [field, setField] = useState(fields[0] ?? "");
  const [words, setWords] = useState("");
  const [reason, setReason] = useState("");
  const [notFound, setNotFound] = useState(false);
  const redact = useMutation({
    mutationFn: (span: { start: number; length: number }) =>
      api.post(`/api/referrals/disclosure-packs/${packId}/redactions`, { itemId: item.id, field, ...span, reason }),
    onSuccess: async () => {
      setWords(""); setReason("");
      await queryClient.invalidateQueries({ queryKey: ["disclosure-pack", packId] });
    },
  });
  const submit = () => {
    const start = words ? (item.original?.[field] ?? "").indexOf(words) : -1;
    setNotFound(start < 0);
    if (start >= 0) redact.mutate({ start, length: words.length });
  };
  const base = `span-${item.id.replace(/[^a-zA-Z0-9-]/g, "-")}`;
  return (
    <details>
      <summary>Withhold words from this item</summary>
      <form className="note-form" noValidate onSubmit={(e) => { e.preventDefault(); submit(); }} aria-label="Withhold words from this item">
        <div className="field">
          <label htmlFor={`${base}-field`}>From</label>
          <select id={`${base}-field`} value={field} onChange={(e) => setField(e.target.value)}>
            {fields.map((f) => <option key={f} value={f}>{label(f)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${base}-words`}>The exact words to withhold</label>
          <input id={`${base}-words`} value={words} onChange={(e) => setWords(e.target.value)}
            aria-invalid={notFound || undefined} aria-describedby={notFound ? `${base}-words-error` : undefined} />
          {notFound && <p id={`${base}-words-error`} className="field-error">Those words are not in that field of the original.</p>}
        </div>
        <Field id={`${base}-reason`} field="reason" label="Why they are withheld" error={redact.error}>
          {(p) => <input {...p} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
        <button type="submit" disabled={redact.isPending}>Withhold</button>
        <ProblemSummary error={redact.error} fields={["reason"]} />
      </form>
    </details>
  );
}

/** Withholds every occurrence of some words anywhere in the pack, every service's part included (REC-09). */
function RedactText({ packId }: { packId: string }) {
  const queryClient = useQueryClient();
  const [text, setText] = useState("");
  const [reason, setReason] = useState("");
  const redact = useMutation({
    mutationFn: () => api.post<Redaction[]>(`/api/referrals/disclosure-packs/${packId}/redactions`, { text, reason }),
    onSuccess: async () => {
      setText(""); setReason("");
      await queryClient.invalidateQueries({ queryKey: ["disclosure-pack", packId] });
    },
  });
  return (
    <form className="note-form" noValidate onSubmit={(e) => { e.preventDefault(); redact.mutate(); }} aria-label="Withhold words everywhere in the pack">
      <h2>Withhold words everywhere in the pack</h2>
      <p className="hint">For example another child's name: every occurrence in every service's part is withheld from the recipient. The original never changes.</p>
      <Field id="redact-text" field="text" label="Words to withhold" error={redact.error}>
        {(p) => <input {...p} value={text} onChange={(e) => setText(e.target.value)} />}
      </Field>
      <Field id="redact-reason" field="reason" label="Why they are withheld" error={redact.error}>
        {(p) => <input {...p} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <button type="submit" disabled={redact.isPending}>Withhold everywhere</button>
      <ProblemSummary error={redact.error} fields={["text", "reason"]} />
      {redact.data && <p role="status">Withheld in {redact.data.length} {redact.data.length === 1 ? "place" : "places"}.</p>}
    </form>
  );
}

function AnswerRequest({ requestId, packId }: { requestId: string; packId: string }) {
  const queryClient = useQueryClient();
  const [reviewed, setReviewed] = useState(false);
  const answer = useMutation({
    mutationFn: () => api.post<SubjectAccessRequest>(`/api/referrals/subject-access-requests/${requestId}/answer`, { packId, thirdPartiesReviewed: reviewed }),
    onSuccess: async () => { await queryClient.invalidateQueries({ queryKey: ["subject-access-requests"] }); },
  });
  return (
    <form className="note-form" noValidate onSubmit={(e) => { e.preventDefault(); answer.mutate(); }} aria-label="Answer the request with this pack">
      <h2>Answer the request with this pack</h2>
      <div className="field">
        <label className="choice">
          <input type="checkbox" checked={reviewed} onChange={(e) => setReviewed(e.target.checked)} aria-describedby={answer.error ? "answer-error" : undefined} />{" "}
          I have reviewed the pack for other people's information and withheld it, with reasons
        </label>
      </div>
      <button type="submit" disabled={answer.isPending || answer.isSuccess}>Release it to them</button>
      <div id="answer-error"><ProblemSummary error={answer.error} /></div>
      {answer.data && <p role="status">Answered{answer.data.answeredLate ? ", late," : ""} <When value={answer.data.answeredAt} />: they can read the redacted copy now.</p>}
    </form>
  );
}
