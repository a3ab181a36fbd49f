import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { api, ApiError } from "../api";
import { ProblemSummary } from "../components/Problem";
import { When } from "../components/When";
import { formatDate, type LondonTime } from "../time";

// A young person's own record (issue 16 item 4, REC-10; services/Referrals/Features/OwnRecord). Imray §4.1: young
// people "were never shown what had been written about them". Signed in with the sign-in a worker linked to their
// record, they ask for a copy of what is written about them, see when it is due, and read the answer: the released
// pack, only as redacted to protect other people. Phone-first, in plain words; nothing but ids in the address.

/** services/Referrals/Features/SubjectAccess/SubjectAccessRequestView.cs */
type MyRequest = {
  id: string; receivedOn: string; dueOn: string; extendedDueOn: string | null; extensionReason: string | null; open: boolean;
  overdue: boolean; answeredWithPackId: string | null; answeredAt: LondonTime | null;
};
/** services/Referrals/Features/Disclosure/DisclosurePackResponses.cs, the redacted view only. */
type Redaction = { id: string; itemId: string; field: string; reason: string };
type PackItem = { id: string; section: string; occurredAt: LondonTime | null; redacted: Record<string, string> | null };
type Pack = { redactions: Redaction[]; items: PackItem[] };

const requestsKey = ["my-subject-access-requests"];

export function MyRecord() {
  const { requestId } = useParams();
  return requestId ? <Answer requestId={requestId} /> : <MyRequests />;
}

function MyRequests() {
  const queryClient = useQueryClient();
  const requests = useQuery({ queryKey: requestsKey, queryFn: () => api.get<MyRequest[]>("/api/referrals/me/subject-access-requests") });
  const ask = useMutation({
    mutationFn: () => api.post<MyRequest>("/api/referrals/me/subject-access-requests"),
    onSettled: () => queryClient.invalidateQueries({ queryKey: requestsKey }),
  });
  const notLinked = requests.error instanceof ApiError && requests.error.status === 404 ? requests.error : null;
  const waiting = requests.data?.find((r) => r.open);
  return (
    <section aria-labelledby="my-record-title" className="phone-first">
      <h1 id="my-record-title">My record</h1>
      <p>
        You have the right to see what is written about you. Ask for a copy here, and we will send it to this page
        within a month. If you need help, or want to talk about it, ask your worker.
      </p>
      {requests.isPending && <p role="status">Loading your requests…</p>}
      {notLinked && (
        <div className="notice" data-testid="not-linked">
          <h2>{notLinked.problem.title ?? "Your sign-in is not linked to a record yet."}</h2>
          {notLinked.problem.detail && <p>{notLinked.problem.detail}</p>}
          <p>Once it is linked, you can ask for a copy of what is written about you here.</p>
        </div>
      )}
      {requests.error && !notLinked && <ProblemSummary error={requests.error} />}
      {requests.data && (
        <>
          <div className="ask">
            <button type="button" className="big" onClick={() => ask.mutate()} disabled={ask.isPending || !!waiting}
              aria-describedby={waiting ? "ask-waiting" : undefined}>
              Ask for a copy of what is written about me
            </button>
            {waiting && (
              <p id="ask-waiting" className="hint">
                You have already asked. You can ask again once your copy has reached you; it is due
                by {formatDate(waiting.extendedDueOn ?? waiting.dueOn)}.
              </p>
            )}
            {ask.isSuccess && (
              <p role="status" className="notice">
                Thank you: we have your request. Your copy is due by {formatDate(ask.data.extendedDueOn ?? ask.data.dueOn)}.
              </p>
            )}
            <ProblemSummary error={ask.error} />
          </div>
          <h2>What you have asked for</h2>
          {requests.data.length === 0 && <p>You have not asked yet.</p>}
          {requests.data.length > 0 && (
            <ul className="cards">
              {requests.data.map((r) => <RequestCard key={r.id} request={r} />)}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

function RequestCard({ request: r }: { request: MyRequest }) {
  const due = r.extendedDueOn ?? r.dueOn;
  const status = !r.open ? "Answered" : r.overdue ? "Overdue" : "Waiting";
  return (
    <li className="card" data-testid="my-request">
      <h3 id={`request-${r.id}`}>Asked on {formatDate(r.receivedOn)}</h3>
      <p>
        <span className={`badge ${status === "Overdue" ? "bad" : status === "Answered" ? "ok" : ""}`} data-testid="request-status">{status}</span>
      </p>
      {r.open && !r.overdue && <p>We are getting it ready. It is due by <strong>{formatDate(due)}</strong>.</p>}
      {r.open && r.overdue && (
        <p>It should have reached you by <strong>{formatDate(due)}</strong>. We are sorry it is late; your worker or the data protection officer can tell you why.</p>
      )}
      {r.open && r.extendedDueOn && r.extensionReason && <p>The date was moved: {r.extensionReason}</p>}
      {!r.open && (
        <>
          <p>It was due by {formatDate(due)}. Answered on <When value={r.answeredAt} />.</p>
          {r.answeredWithPackId && (
            <p><Link to={`/my-record/requests/${r.id}`} aria-label={`Read it: your copy asked for on ${formatDate(r.receivedOn)}`}>Read it</Link></p>
          )}
        </>
      )}
    </li>
  );
}

export const sections: Record<string, string> = {
  "chronology": "What happened",
  "meeting-decisions": "Decisions made at meetings about you",
  "own-words": "What you said, in your own words",
  "service-records": "What other services wrote",
  "links": "People, vehicles, phones and places linked to you",
  "police-outcomes": "What the police decided",
};

const fields: Record<string, string> = {
  kind: "Kind of entry", summary: "What was written", detail: "More detail", decision: "Decision",
  noFurtherActionRationale: "Why nothing more was done", inOwnWords: "What you said", notObtainedReason: "Why your views were not written down",
  value: "Details", outcome: "Outcome", outcomeOn: "Date", crimeReference: "Crime reference", note: "Note", correctionReason: "Why it was corrected",
  record: "What this is", source: "Where you said it", text: "The text", notes: "What the worker wrote", whereTheyWere: "Where you were",
  whoWith: "Who you were with", circumstances: "What happened", reasonForReferral: "Why you were referred",
};

/** A field's name as the record stores it ("whereFound") in words ("Where found"), for fields without a label above. */
export const label = (name: string) => fields[name] ?? words(name).replace(/^./, (c) => c.toUpperCase());

/** A kind as the record stores it ("CaseNote") in words ("Case note"). */
const words = (code: string) => code.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/ ([A-Z])(?=[a-z])/g, (_, c: string) => ` ${c.toLowerCase()}`);

/** Fields that only point at another entry by its id: said in words instead. */
const pointers = new Set(["corrects", "conversation", "check"]);

/** Issue 16 item 4: their own words first, from whichever service kept them; then the rest in the pack's order. */
const ownWordsFirst = (items: PackItem[]) =>
  [...items.filter((i) => i.section === "own-words"), ...items.filter((i) => i.section !== "own-words")];

function Answer({ requestId }: { requestId: string }) {
  const pack = useQuery({
    queryKey: ["my-subject-access-pack", requestId],
    queryFn: () => api.get<Pack>(`/api/referrals/me/subject-access-requests/${requestId}/pack`),
  });
  return (
    <section aria-labelledby="answer-title" className="phone-first">
      <p><Link to="/my-record">Back to my record</Link></p>
      <h1 id="answer-title">What is written about you</h1>
      <p className="notice" data-testid="withheld-note">
        Some parts may be withheld to protect other people, for example someone else's name. Where something has been
        taken out you will see <strong>[redacted]</strong>, with the reason underneath. If anything is wrong or upsets
        you, tell your worker: you can ask for it to be corrected.
      </p>
      {pack.isPending && <p role="status">Loading your copy…</p>}
      <ProblemSummary error={pack.error} />
      {pack.data?.items.length === 0 && <p>Nothing is written about you in this copy.</p>}
      {pack.data && pack.data.items.length > 0 && (
        <ol className="entries" aria-label="Your copy">
          {ownWordsFirst(pack.data.items).map((item) => (
            <PackEntry key={item.id} item={item} redactions={pack.data.redactions.filter((r) => r.itemId === item.id)} />
          ))}
        </ol>
      )}
    </section>
  );
}

function PackEntry({ item, redactions }: { item: PackItem; redactions: Redaction[] }) {
  const shown = Object.entries(item.redacted ?? {}).filter(([name]) => !pointers.has(name));
  const corrects = item.redacted && "corrects" in item.redacted;
  return (
    <li className="entry" data-testid="pack-item">
      <p><strong>{sections[item.section] ?? item.section}</strong>{item.occurredAt && <> · <When value={item.occurredAt} /></>}</p>
      {corrects && <p className="hint">This corrects an earlier entry.</p>}
      <dl className="pack-fields">
        {shown.map(([name, text]) => (
          <div key={name}>
            <dt>{label(name)}</dt>
            <dd>{name === "kind" || name === "outcome" ? words(text) : text}</dd>
          </div>
        ))}
      </dl>
      {redactions.length > 0 && (
        <ul className="reasons" aria-label="Why parts were taken out" data-testid="redaction-reasons">
          {redactions.map((r) => <li key={r.id}>Taken out from “{fields[r.field] ?? r.field}”: {r.reason}</li>)}
        </ul>
      )}
    </li>
  );
}
