import { useEffect, useRef, useState } from "react";
import { Link, useParams } from "react-router";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, ApiError } from "../api";
import { useSession } from "../auth/useSession";
import { Field, instantFromLocalInput, nowForLocalInput } from "../components/Field";
import { ProblemSummary } from "../components/Problem";
import { When } from "../components/When";
import { utcOf, type Instant } from "../time";

// services/SupportLine/README.md: the duty inbox. The list carries no message text and only the number's last digits;
// the text is read on the conversation screen (an audited read). Polling keeps the inbox and alerts current (SL-02,
// SL-03): a danger text must not wait for someone to press refresh.

const pollEveryMs = 5_000;

type Summary = {
  id: string; kind: string; youngPersonId: string | null; assignedTo: string | null; routedTo: string; urgency: string; status: string;
  phoneEnding: string; openedAt: Instant; lastInboundAt: Instant; waitingSince: Instant; waitingMinutes: number | null; escalatedAt: Instant;
};
type Message = {
  id: string; direction: string; body: string; at: Instant; category: string | null; matchedRules: string[]; triageVersion: string | null;
  deliveryStatus: string | null; errorCode: number | null; by: string | null;
};
/** SL-09: a referral made from this conversation, as Referrals announced it, and the front door's decision. */
type LineReferral = {
  referralId: string; youngPersonId: string; referrerRole: string; priority: string; decisionDue: Instant; referredBy: string; referredAt: Instant;
  outcome: string | null; decidedLate: boolean | null; decidedAt: Instant;
};
type ConversationView = {
  conversation: Summary; phone: string; discreet: boolean; optedOut: boolean; closeReason: string | null; closedBy: string | null; messages: Message[];
  referrals: LineReferral[];
};
type ReferralReceipt = { id: string; priority: string; decisionDue: Instant };
/** SL-03, services/SupportLine/Features/SafeContact: what the young person said about being contacted. */
type ContactPreference = {
  allowsCalls: boolean; safeTimes: string[]; note: string | null; recordedBy: string; recordedAt: Instant; safeNow: boolean; nextSafeTime: Instant;
};
type ContactPreferences = { current: ContactPreference | null; earlier: ContactPreference[] };
type TextReceipt = { id: string; status: string; sendsAt: Instant };
type CallReceipt = { id: string; status: string; requestedAt: Instant };
/** A placed call as Twilio's progress callbacks left it (services/SupportLine/Features/SafeContact/ListCalls.cs). */
type PlacedCall = {
  id: string; status: string; errorCode: number | null; requestedBy: string; requestedAt: Instant; answeredAt: Instant | null; endedAt: Instant | null;
  durationSeconds: number | null;
};
type WorkerPhone = { phone: string };

const callStatusText: Record<string, string> = {
  queued: "Placed, waiting for the network", initiated: "Dialling", ringing: "Ringing", "in-progress": "Answered, connected",
  completed: "Ended", busy: "Their line was busy", "no-answer": "Not answered", canceled: "Cancelled before it rang", failed: "Could not be placed",
};
const finalCallStatuses = new Set(["completed", "busy", "no-answer", "canceled", "failed"]);

function duration(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return minutes === 0 ? `${seconds} s` : `${minutes} min ${seconds % 60} s`;
}
type Alert = { id: string; conversationId: string; messageId: string | null; kind: string; reason: string; raisedAt: Instant };

const urgencyRank: Record<string, number> = { ImmediateDanger: 0, Disclosure: 1, RequestForHelp: 2, Other: 3 };
const urgencyText: Record<string, string> = { ImmediateDanger: "DANGER", Disclosure: "Disclosure", RequestForHelp: "Asking for help", Other: "Other" };
const alertText: Record<string, string> = {
  DangerToDutyWorker: "Immediate danger: duty worker",
  DangerToPoliceLiaison: "Immediate danger: police liaison told",
  UnansweredToDutyManager: "Unanswered: escalated to the duty manager",
};
const kindText: Record<string, string> = { Anonymous: "Anonymous", YoungPerson: "Known young person", ParentOrCarer: "Parent or carer" };
// The Referrals contract's names (services/BuildingBlocks/Support.Contracts/Referrals/CseType.cs, Referrals' Gender).
const cseTypes = ["StreetGrooming", "OnlineGrooming", "PeerImageSharing", "OrganisedGroupOrGang", "LoneOffenderOpenHouse", "BoyfriendModel", "Trafficking", "IntraFamilial", "Other", "NotCse"];
// A parent reports a child's gender as they see it; a self-description is the young person's own, recorded with them.
const genders = ["NotKnown", "Female", "Male", "NonBinary", "PreferNotToSay"];

/** Most urgent first, then the longest wait (the server orders the same way; this keeps the order while polling). */
function byUrgencyThenWait(a: Summary, b: Summary): number {
  const rank = (urgencyRank[a.urgency] ?? 9) - (urgencyRank[b.urgency] ?? 9);
  if (rank !== 0) return rank;
  return (b.waitingMinutes ?? -1) - (a.waitingMinutes ?? -1);
}

/** The API masks all but the last 3 digits ("*******668"); the screen says "number ending 668". */
const ending = (masked: string) => masked.replace(/^\*+/, "");

function Urgency({ urgency }: { urgency: string }) {
  return <span className={`urgency urgency-${urgency}`}>{urgencyText[urgency] ?? urgency}</span>;
}

function waitText(minutes: number | null): string {
  if (minutes == null) return "answered";
  if (minutes < 1) return "waiting under a minute";
  const m = Math.floor(minutes);
  return m < 60 ? `waiting ${m} min` : `waiting ${Math.floor(m / 60)} h ${m % 60} min`;
}

/**
 * A browser notification when a new danger alert arrives, if the worker allowed them on this device. It says only
 * that there is an alert: never the message text, the number or a name (a lock screen is not private).
 */
function useDangerNotifications(alerts: Alert[] | undefined) {
  const seen = useRef<Set<string> | null>(null);
  useEffect(() => {
    if (!alerts) return;
    const danger = alerts.filter((a) => a.kind === "DangerToDutyWorker");
    if (seen.current === null) {
      seen.current = new Set(danger.map((a) => a.id)); // those already there when the screen opened are on it
      return;
    }
    const fresh = danger.filter((a) => !seen.current!.has(a.id));
    fresh.forEach((a) => seen.current!.add(a.id));
    if (fresh.length > 0 && "Notification" in window && Notification.permission === "granted") {
      new Notification("Support line: urgent", { body: "A new immediate-danger alert is waiting in the duty inbox.", tag: "support-line-danger" });
    }
  }, [alerts]);
}

export function DutyInbox() {
  const session = useSession();
  const [mine, setMine] = useState(false);
  const inbox = useQuery({
    queryKey: ["sl-inbox", mine],
    queryFn: () => api.get<Summary[]>(`/api/supportline/conversations${mine ? "?mine=true" : ""}`),
    refetchInterval: pollEveryMs,
    staleTime: 0,
  });
  const alerts = useQuery({
    queryKey: ["sl-alerts"],
    queryFn: () => api.get<Alert[]>("/api/supportline/alerts"),
    refetchInterval: pollEveryMs,
    staleTime: 0,
  });
  useDangerNotifications(alerts.data);
  const [permission, setPermission] = useState(() => ("Notification" in window ? Notification.permission : "unsupported"));
  const conversations = [...(inbox.data ?? [])].sort(byUrgencyThenWait);
  const dangerWaiting = conversations.filter((c) => c.urgency === "ImmediateDanger" && c.waitingMinutes != null);
  return (
    <section aria-labelledby="inbox-title">
      <h1 id="inbox-title">Support line: duty inbox</h1>
      {dangerWaiting.length > 0 && (
        <div role="alert" className="danger-banner">
          <strong>{dangerWaiting.length} {dangerWaiting.length === 1 ? "conversation" : "conversations"} in immediate danger</strong> waiting for a reply.
          Answer first; police liaison has been alerted (SL-03).
        </div>
      )}
      <p className="inline-form">
        <label className="choice"><input type="checkbox" checked={mine} onChange={(e) => setMine(e.target.checked)} /> Only those routed to me ({session?.user})</label>
        {permission === "default" && (
          <button type="button" className="small" onClick={() => void Notification.requestPermission().then(setPermission)}>
            Notify me of danger alerts on this device
          </button>
        )}
      </p>
      {inbox.error && <ProblemSummary error={inbox.error} />}
      {inbox.data?.length === 0 && <p>No open conversations.</p>}
      {conversations.length > 0 && (
        <table className="inbox">
          <caption>Open conversations, most urgent first, then longest waiting (refreshed every {pollEveryMs / 1000} seconds)</caption>
          <thead><tr><th scope="col">Urgency</th><th scope="col">Conversation</th><th scope="col">Waiting</th><th scope="col">With</th></tr></thead>
          <tbody>
            {conversations.map((c) => (
              <tr key={c.id} className={c.urgency === "ImmediateDanger" ? "danger" : undefined}>
                <td><Urgency urgency={c.urgency} /></td>
                <td>
                  <Link to={`/support-line/conversations/${c.id}`}>{kindText[c.kind] ?? c.kind}, number ending {ending(c.phoneEnding)}</Link>
                  <p className="hint">Last text <When value={c.lastInboundAt} /></p>
                </td>
                <td className={c.waitingMinutes != null ? "bad" : undefined}>{waitText(c.waitingMinutes)}{c.escalatedAt ? " · escalated" : ""}</td>
                <td>{c.assignedTo ?? "Duty worker"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section aria-labelledby="alerts-title">
        <h2 id="alerts-title">Alerts</h2>
        {alerts.error && <ProblemSummary error={alerts.error} />}
        {alerts.data?.length === 0 && <p>No alerts.</p>}
        <ul className="entries">
          {alerts.data?.map((a) => (
            <li key={a.id} className={a.kind.startsWith("Danger") ? "entry danger" : "entry"}>
              <p><strong>{alertText[a.kind] ?? a.kind}</strong> · <When value={a.raisedAt} /></p>
              <p>{a.reason} · <Link to={`/support-line/conversations/${a.conversationId}`}>Open the conversation</Link></p>
            </li>
          ))}
        </ul>
      </section>
    </section>
  );
}

export function Conversation() {
  const { id = "" } = useParams();
  const session = useSession();
  const queryClient = useQueryClient();
  const conversation = useQuery({
    queryKey: ["sl-conversation", id],
    queryFn: () => api.get<ConversationView>(`/api/supportline/conversations/${id}`),
    refetchInterval: pollEveryMs,
    staleTime: 0,
  });
  const [body, setBody] = useState("");
  const [assignee, setAssignee] = useState("");
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ["sl-conversation", id] });
    await queryClient.invalidateQueries({ queryKey: ["sl-inbox"] });
  };
  const reply = useMutation({
    mutationFn: () => api.post(`/api/supportline/conversations/${id}/replies`, { body }),
    onSuccess: async () => { setBody(""); await refresh(); },
  });
  const assign = useMutation({
    mutationFn: (userId: string | null) => api.post(`/api/supportline/conversations/${id}/assign`, { userId }),
    onSuccess: async () => { setAssignee(""); await refresh(); },
  });
  if (conversation.isPending) return <p role="status">Loading…</p>;
  if (conversation.error) return <ProblemSummary error={conversation.error} />;
  const view = conversation.data;
  const c = view.conversation;
  const messages = [...view.messages].sort((a, b) => (utcOf(a.at) ?? "").localeCompare(utcOf(b.at) ?? ""));
  return (
    <article aria-labelledby="conversation-title">
      <p><Link to="/support-line">Back to the inbox</Link></p>
      <h1 id="conversation-title"><Urgency urgency={c.urgency} /> {kindText[c.kind] ?? c.kind}, number ending {ending(c.phoneEnding)}</h1>
      {c.urgency === "ImmediateDanger" && c.waitingMinutes != null && (
        <div role="alert" className="danger-banner"><strong>Immediate danger:</strong> reply now; police liaison has been alerted.</div>
      )}
      <p>
        {waitText(c.waitingMinutes)} · with {c.assignedTo ?? "the duty worker"}
        {view.discreet ? " · discreet: do not name the service" : ""}
        {view.optedOut ? " · opted out: nothing can be sent" : ""}
        {c.status === "Closed" ? ` · closed by ${view.closedBy}: ${view.closeReason}` : ""}
      </p>
      <ol className="texts" aria-label="Texts, oldest first">
        {messages.map((m) => (
          <li key={m.id} className={m.direction === "inbound" ? "text inbound" : "text outbound"}>
            <p className="signed">{m.direction === "inbound" ? "They wrote" : `Sent${m.by ? ` by ${m.by}` : ""}`}, <When value={m.at} />
              {m.category && <> · <Urgency urgency={m.category} /></>}
              {m.deliveryStatus && ` · ${m.deliveryStatus}`}</p>
            <p className="body">{m.body}</p>
            {m.matchedRules.length > 0 && <p className="hint">Triage rules {m.matchedRules.join(", ")} (table {m.triageVersion})</p>}
          </li>
        ))}
      </ol>
      {view.referrals.length > 0 && (
        <section aria-labelledby="line-referrals-title">
          <h2 id="line-referrals-title">Referred to the front door</h2>
          <ul className="entries">
            {view.referrals.map((r) => (
              <li key={r.referralId} className="entry" data-testid="line-referral">
                <p><strong>{r.priority}</strong> referral by {r.referredBy}, <When value={r.referredAt} /> · decision due <When value={r.decisionDue} /></p>
                <p>{r.outcome ? <>Decided: <strong>{r.outcome}</strong>{r.decidedLate ? " (late)" : ""}, <When value={r.decidedAt} /></> : "Not decided yet"}
                  {" · "}<Link to={`/young-people/${r.youngPersonId}`}>the young person's record</Link></p>
              </li>
            ))}
          </ul>
        </section>
      )}
      {c.status === "Open" && c.kind === "ParentOrCarer" && (
        <ParentReferralForm conversationId={id} report={messages.filter((m) => m.direction === "inbound").map((m) => m.body).join("\n")} onMade={refresh} />
      )}
      {c.status === "Open" && (
        <>
          <form onSubmit={(e) => { e.preventDefault(); reply.mutate(); }} noValidate className="note-form">
            <Field id="reply-body" field="body" label="Reply" error={reply.error} hint="Plain text, at most two texts long">
              {(p) => <textarea {...p} rows={3} value={body} onChange={(e) => setBody(e.target.value)} />}
            </Field>
            <button type="submit" disabled={reply.isPending}>Send reply</button>
            <ProblemSummary error={reply.error} fields={["body"]} />
            {reply.isSuccess && <p role="status">Reply queued to send.</p>}
          </form>
          <form onSubmit={(e) => { e.preventDefault(); assign.mutate(assignee.trim() || null); }} noValidate className="inline-form">
            <Field id="assign-user" field="userId" label="Assign to (sign-in name)" error={assign.error} hint="Empty: back to the duty worker">
              {(p) => <input {...p} value={assignee} onChange={(e) => setAssignee(e.target.value)} />}
            </Field>
            <button type="submit" disabled={assign.isPending}>Assign</button>
            <button type="button" disabled={assign.isPending} onClick={() => assign.mutate(session?.user ?? null)}>Assign to me</button>
          </form>
          <ProblemSummary error={assign.error} fields={["userId"]} />
          {assign.isSuccess && <p role="status">Assignment saved.</p>}
        </>
      )}
      {c.youngPersonId && <SafeContact youngPersonId={c.youngPersonId} />}
    </article>
  );
}

/**
 * SL-09: the duty worker turns a parent's or carer's report into a referral in one action. The report is copied into
 * the narrative for the worker to complete; priority and deadline are the front door's, from the content only (REF-01).
 */
function ParentReferralForm({ conversationId, report, onMade }: { conversationId: string; report: string; onMade: () => Promise<void> }) {
  const emptyPerson = { givenName: "", familyName: "", dateOfBirth: "", gender: "NotKnown", ethnicity: "", localArea: "" };
  const [person, setPerson] = useState(emptyPerson);
  const [cseType, setCseType] = useState("Other");
  const [adultInvolved, setAdultInvolved] = useState(true);
  const [occurredAt, setOccurredAt] = useState(nowForLocalInput());
  const [narrative, setNarrative] = useState(`The parent or carer texted the support line:\n${report}`);
  const refer = useMutation({
    mutationFn: () => api.post<ReferralReceipt>("/api/referrals", {
      youngPerson: { ...person, dateOfBirth: person.dateOfBirth || undefined, ethnicity: person.ethnicity.trim() || undefined },
      referrerRole: "Parent", referrerOrganisation: "Support line", supportLineConversationId: conversationId,
      cseType, adultInvolved, riskIndicators: [], occurredAt: instantFromLocalInput(occurredAt), narrative,
    }),
    // The young person's details are cleared once referred: pressing the button again must not refer the same child
    // twice, and a second child of the same parent is entered afresh.
    onSuccess: async () => { setPerson(emptyPerson); await onMade(); },
  });
  const set = (field: keyof typeof person) => (e: { target: { value: string } }) => setPerson({ ...person, [field]: e.target.value });
  return (
    <form onSubmit={(e) => { e.preventDefault(); refer.mutate(); }} noValidate className="note-form" aria-labelledby="parent-referral-title">
      <h2 id="parent-referral-title">Refer this report to the front door</h2>
      <Field id="ref-given" field="givenName" label="Young person's first name" error={refer.error}>{(p) => <input {...p} value={person.givenName} onChange={set("givenName")} />}</Field>
      <Field id="ref-family" field="familyName" label="Family name" error={refer.error}>{(p) => <input {...p} value={person.familyName} onChange={set("familyName")} />}</Field>
      <Field id="ref-dob" field="dateOfBirth" label="Date of birth" error={refer.error}>{(p) => <input {...p} type="date" value={person.dateOfBirth} onChange={set("dateOfBirth")} />}</Field>
      <Field id="ref-gender" field="gender" label="Gender (as the parent says; Not known if they did not)" error={refer.error}>
        {(p) => <select {...p} value={person.gender} onChange={set("gender")}>{genders.map((g) => <option key={g}>{g}</option>)}</select>}
      </Field>
      <Field id="ref-ethnicity" field="ethnicity" label="Ethnicity (as described, if it was)" error={refer.error}>{(p) => <input {...p} value={person.ethnicity} onChange={set("ethnicity")} />}</Field>
      <Field id="ref-area" field="localArea" label="Local area" error={refer.error}>{(p) => <input {...p} value={person.localArea} onChange={set("localArea")} />}</Field>
      <Field id="ref-cse" field="cseType" label="What kind of exploitation it sounds like" error={refer.error}>
        {(p) => <select {...p} value={cseType} onChange={(e) => setCseType(e.target.value)}>{cseTypes.map((t) => <option key={t}>{t}</option>)}</select>}
      </Field>
      <Field id="ref-adult" field="adultInvolved" label="An adult is involved" error={refer.error}>
        {(p) => <select {...p} value={adultInvolved ? "yes" : "no"} onChange={(e) => setAdultInvolved(e.target.value === "yes")}><option value="yes">Yes</option><option value="no">No</option></select>}
      </Field>
      <Field id="ref-when" field="occurredAt" label="When it happened" error={refer.error}>{(p) => <input {...p} type="datetime-local" value={occurredAt} onChange={(e) => setOccurredAt(e.target.value)} />}</Field>
      <Field id="ref-narrative" field="narrative" label="What the parent or carer reported" error={refer.error}>
        {(p) => <textarea {...p} rows={5} value={narrative} onChange={(e) => setNarrative(e.target.value)} />}
      </Field>
      <button type="submit" disabled={refer.isPending}>Make the referral</button>
      <ProblemSummary error={refer.error} fields={["givenName", "familyName", "dateOfBirth", "gender", "ethnicity", "localArea", "cseType", "adultInvolved", "occurredAt", "narrative"]} />
      {refer.data && <p role="status">Referral received: <strong>{refer.data.priority}</strong>, decision due <When value={refer.data.decisionDue} />.</p>}
    </form>
  );
}

/** "16:00-21:00" as "16:00 to 21:00" (a window past midnight reads "22:00 to 02:00 the next morning"). */
function windowText(window: string): string {
  const [from, to] = window.split("-");
  return to < from ? `${from} to ${to} the next morning` : `${from} to ${to}`;
}

function PreferenceFacts({ preference }: { preference: ContactPreference }) {
  return (
    <>
      <p><strong>{preference.allowsCalls ? "They can be called." : "Do not call them: text only."}</strong></p>
      <p>
        Safe times, every day, UK time:{" "}
        {preference.safeTimes.length === 0 ? "any time (they gave no safe times)" : preference.safeTimes.map(windowText).join(", ")}
      </p>
      {preference.note && <p>Note: {preference.note}</p>}
      <p className="hint">Recorded by {preference.recordedBy}, <When value={preference.recordedAt} /></p>
    </>
  );
}

/** The indexed field names the server gives for safe times ("safeTimes[1]"), as "safe time 2". */
function safeTimeErrors(error: unknown): { name: string; text: string }[] {
  if (!(error instanceof ApiError)) return [];
  return Object.entries(error.problem.errors ?? {})
    .filter(([name]) => /^(\$\.)?safeTimes(\[\d+\])?$/i.test(name))
    .map(([name, messages]) => {
      const index = /\[(\d+)\]/.exec(name)?.[1];
      return { name, text: `${index === undefined ? "Safe times" : `Safe time ${+index + 1}`}: ${messages.join(" ")}` };
    });
}

/**
 * SL-03: contacting a known young person safely, on the conversation linked to them. Their current contact preferences
 * (whether they can be called, the daily UK-time windows in which contact is safe), a form to record what they said
 * now, a first text (held by the service until their next safe time), a call that connects the worker's own registered
 * phone, and how each call went (ringing, answered, not answered) as Twilio reports it. Every refusal is the service's: not allowed to call, outside the safe times (naming the next one), a number
 * not confirmed, or a field it cannot accept.
 */
function SafeContact({ youngPersonId }: { youngPersonId: string }) {
  const queryClient = useQueryClient();
  const base = `/api/supportline/young-people/${youngPersonId}`;
  const preferences = useQuery({
    queryKey: ["sl-contact-preferences", youngPersonId],
    queryFn: () => api.get<ContactPreferences>(`${base}/contact-preferences`),
    refetchInterval: 60_000,
  });
  const [allowsCalls, setAllowsCalls] = useState("");
  const [safeTimes, setSafeTimes] = useState("");
  const [note, setNote] = useState("");
  const record = useMutation({
    mutationFn: () => api.post<ContactPreference>(`${base}/contact-preferences`, {
      allowsCalls: allowsCalls === "" ? null : allowsCalls === "yes",
      safeTimes: safeTimes.split(/[,;\s]+/).map((t) => t.trim()).filter(Boolean),
      note: note.trim() || null,
    }),
    onSuccess: async () => {
      setAllowsCalls(""); setSafeTimes(""); setNote("");
      await queryClient.invalidateQueries({ queryKey: ["sl-contact-preferences", youngPersonId] });
    },
  });
  const [textBody, setTextBody] = useState("");
  const text = useMutation({
    mutationFn: () => api.post<TextReceipt>(`${base}/texts`, { body: textBody }),
    onSuccess: () => setTextBody(""),
  });
  // The call connects the worker's own registered phone: chosen only when they have more than one.
  const myPhones = useQuery({ queryKey: ["sl-my-phones"], queryFn: () => api.get<WorkerPhone[]>("/api/supportline/worker-phones/mine") });
  const [connectTo, setConnectTo] = useState("");
  const calls = useQuery({
    queryKey: ["sl-calls", youngPersonId],
    queryFn: () => api.get<PlacedCall[]>(`${base}/calls`),
    // A call in progress is followed until it ends (Twilio's callbacks move it); otherwise once a minute.
    refetchInterval: (query) => (query.state.data?.some((c) => !finalCallStatuses.has(c.status)) ? pollEveryMs : 60_000),
  });
  const call = useMutation({
    mutationFn: () => api.post<CallReceipt>(`${base}/calls`, connectTo ? { connectTo } : {}),
    onSuccess: async () => { await queryClient.invalidateQueries({ queryKey: ["sl-calls", youngPersonId] }); },
  });
  const current = preferences.data?.current;
  const windowErrors = safeTimeErrors(record.error);
  return (
    <section aria-labelledby="safe-contact-title" className="safe-contact" data-testid="safe-contact">
      <h2 id="safe-contact-title">Safe contact</h2>
      {preferences.error && <ProblemSummary error={preferences.error} />}
      {preferences.isPending && <p role="status">Loading their contact preferences…</p>}
      {preferences.data && !current && (
        <p data-testid="contact-preferences">No contact preferences recorded yet: ask whether they can be called and when it is safe to contact them.</p>
      )}
      {current && (
        <div className="notice" data-testid="contact-preferences">
          <PreferenceFacts preference={current} />
          <p>{current.safeNow ? <strong className="ok">Now is a safe time.</strong> : <><strong className="bad">Now is not a safe time.</strong> The next safe time begins <When value={current.nextSafeTime} />.</>}</p>
        </div>
      )}
      {preferences.data && preferences.data.earlier.length > 0 && (
        <details className="register">
          <summary>Earlier preferences ({preferences.data.earlier.length})</summary>
          <ul className="entries">
            {preferences.data.earlier.map((p, i) => <li key={i} className="entry"><PreferenceFacts preference={p} /></li>)}
          </ul>
        </details>
      )}

      <form onSubmit={(e) => { e.preventDefault(); record.mutate(); }} noValidate className="note-form" aria-labelledby="preferences-form-title">
        <h3 id="preferences-form-title">Record what they said about contact</h3>
        <Field id="sc-allows-calls" field="allowsCalls" label="Can they be called?" error={record.error}>
          {(p) => (
            <select {...p} value={allowsCalls} onChange={(e) => setAllowsCalls(e.target.value)}>
              <option value="">Choose…</option>
              <option value="yes">Yes, they can be called</option>
              <option value="no">No, text only</option>
            </select>
          )}
        </Field>
        <div className="field">
          <label htmlFor="sc-safe-times">Safe times (UK time, every day)</label>
          <p id="sc-safe-times-hint" className="hint">Like 16:00-21:00; several separated by commas; 22:00-02:00 runs past midnight. Leave empty for any time.</p>
          <input id="sc-safe-times" value={safeTimes} onChange={(e) => setSafeTimes(e.target.value)}
            aria-describedby={windowErrors.length > 0 ? "sc-safe-times-hint sc-safe-times-error" : "sc-safe-times-hint"}
            aria-invalid={windowErrors.length > 0 ? true : undefined} />
          {windowErrors.length > 0 && (
            <p id="sc-safe-times-error" className="field-error" data-field="safeTimes">{windowErrors.map((w) => w.text).join(" ")}</p>
          )}
        </div>
        <Field id="sc-note" field="note" label="Note (optional)" error={record.error}>
          {(p) => <input {...p} value={note} onChange={(e) => setNote(e.target.value)} />}
        </Field>
        <button type="submit" disabled={record.isPending}>Save contact preferences</button>
        <ProblemSummary error={record.error} fields={["allowsCalls", "note", ...windowErrors.map((w) => w.name)]} />
        {record.isSuccess && <p role="status">Contact preferences saved.</p>}
      </form>

      <form onSubmit={(e) => { e.preventDefault(); text.mutate(); }} noValidate className="note-form" aria-labelledby="first-text-title">
        <h3 id="first-text-title">Text them first</h3>
        <Field id="sc-text-body" field="body" label="Text to send" error={text.error}
          hint="Goes to their confirmed number; outside their safe times it waits for the next one. Do not name the service on a discreet number.">
          {(p) => <textarea {...p} rows={3} value={textBody} onChange={(e) => setTextBody(e.target.value)} />}
        </Field>
        <button type="submit" disabled={text.isPending}>Send text</button>
        <ProblemSummary error={text.error} fields={["body"]} />
        {text.data && <p role="status">Text queued: it will be sent <When value={text.data.sendsAt} />.</p>}
      </form>

      <form onSubmit={(e) => { e.preventDefault(); call.mutate(); }} noValidate className="note-form" aria-labelledby="call-title">
        <h3 id="call-title">Call them</h3>
        {current && !current.allowsCalls && <p className="hint">They have not said they can be called: text them instead.</p>}
        {myPhones.data?.length === 0 && (
          <p className="notice" data-testid="no-worker-phone">Your phone is not on the worker-phone register, so a call cannot connect to you: ask a duty manager to add it.</p>
        )}
        {myPhones.data?.length === 1 && (
          <p className="hint" data-testid="connects-to">Their phone rings first and the call is connected to your phone ending {myPhones.data[0].phone.slice(-3)}; the service is not named.</p>
        )}
        {myPhones.data && myPhones.data.length > 1 && (
          <Field id="sc-connect-to" field="connectTo" label="Connect the call to your phone" error={call.error}
            hint="Their phone rings first and the call is connected to the phone you choose; the service is not named.">
            {(p) => (
              <select {...p} value={connectTo} onChange={(e) => setConnectTo(e.target.value)}>
                <option value="">Choose…</option>
                {myPhones.data.map((w) => <option key={w.phone} value={w.phone}>Ending {w.phone.slice(-3)}</option>)}
              </select>
            )}
          </Field>
        )}
        <button type="submit" disabled={call.isPending}>Place the call</button>
        <ProblemSummary error={call.error} fields={myPhones.data && myPhones.data.length > 1 ? ["connectTo"] : []} />
        {call.data && <p role="status">Call placed ({call.data.status}), <When value={call.data.requestedAt} />: when they answer, your phone rings to connect you.</p>}
      </form>
      {calls.data && calls.data.length > 0 && (
        <section aria-labelledby="calls-title">
          <h3 id="calls-title">Calls to them</h3>
          <ul className="entries" data-testid="calls">
            {calls.data.map((c) => (
              <li key={c.id} className="entry">
                <strong>{callStatusText[c.status] ?? c.status}</strong>{c.errorCode !== null && <> (Twilio error {c.errorCode})</>}: placed by {c.requestedBy}, <When value={c.requestedAt} />
                {c.answeredAt && <>; answered <When value={c.answeredAt} /></>}
                {c.endedAt && <>; ended <When value={c.endedAt} /></>}
                {c.durationSeconds !== null && <> after {duration(c.durationSeconds)}</>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
