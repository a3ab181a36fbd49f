import { useState, type ReactNode } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, ApiError, query } from "../api";
import { useSession } from "../auth/useSession";
import { Deadline } from "../components/Countdown";
import { Field } from "../components/Field";
import { Panel, Row } from "../components/Panel";
import { ProblemSummary } from "../components/Problem";
import { When } from "../components/When";
import { caseStaff, hasAnyRole, managers, referralDeciders } from "../roles";
import { formatDate, type LondonTime, londonToday } from "../time";

// Assessments (issue 14 for REF-17; services/Referrals/Features/Assessments, README "POST|GET /api/referrals/assessments").
// Imray §4.5: "Many of the cases had no assessment on file at all"; Child H's assessment had no analysis, her feelings were
// never asked about, "likely to need counselling" led nowhere, and it "was unsigned". So: each section written whole, what
// is still missing said plainly, every involved worker asked to contribute, the author's signature and a different
// manager's sign-off, and each need a key-worker task. Loaded on demand, to keep the main bundle under 500 kB.

type Kind = "S47Core" | "LookedAfterRenewal" | "Single";
type Status = "Open" | "Signed" | "Completed";
type SectionKey = "ChildsAccount" | "Impact" | "Analysis" | "NeedsAndPlan";
type Response = "ReferralTask" | "UnmetNeed";

/** AssessmentResponses.cs AssessmentSummary */
type Summary = {
  id: string; youngPersonId: string; kind: Kind; pathwayId: string | null; status: Status; openedAt: LondonTime; dueAt: LondonTime;
  overdue: boolean; completedAt: LondonTime | null;
};
/** WriteAssessmentSection.NeedInput / Domain AssessmentNeed */
type Need = { description: string; category: string; response: Response; unmetNeedReason: string | null };
/** AssessmentResponses.cs AssessmentEntryView */
type Entry = {
  id: string; sequence: number; section: SectionKey; account: string | null; feelings: string | null; seenAloneOn: string | null;
  shortTermImpact: string | null; longTermImpact: string | null; whatHappened: string | null; why: string | null;
  consequences: string | null; plan: string | null; needs: Need[]; recordedAt: LondonTime; recordedBy: string; recordedByRole: string;
};
type Reply = { contributed: boolean; text: string; recordedAt: LondonTime; recordedBy: string; recordedByRole: string };
/** AssessmentResponses.cs AssessmentInvitationView */
type Invitation = {
  id: string; assessmentId: string; youngPersonId: string; worker: string; workerRole: string; invitedAt: LondonTime; invitedBy: string;
  reply: Reply | null;
};
type Signature = { version: number; signedAt: LondonTime; signedBy: string; signedByRole: string };
/** AssessmentResponses.cs NeedTaskView */
type NeedTask = {
  id: string; assessmentId: string; youngPersonId: string; need: string; category: string; assignedTo: string | null; dueAt: LondonTime;
  overdue: boolean; createdAt: LondonTime; outcome: "ReferralMade" | "UnmetNeed" | null; detail: string | null;
  unmetNeedReason: string | null; completedAt: LondonTime | null; completedBy: string | null;
};
/** AssessmentResponses.cs AssessmentView */
type Assessment = {
  id: string; youngPersonId: string; kind: Kind; pathwayId: string | null; status: Status; version: number; openedAt: LondonTime;
  openedBy: string; dueAt: LondonTime; overdue: boolean; sections: Entry[]; history: Entry[]; invitations: Invitation[];
  signatures: Signature[]; missing: { field: string; message: string }[]; completedAt: LondonTime | null; signedBy: string | null;
  signedOffBy: string | null; signedOffByRole: string | null; needTasks: NeedTask[];
};
/** RenewalsDue.cs RenewalDue */
type RenewalDue = {
  youngPersonId: string; lastCompletedAt: LondonTime | null; dueOn: string; overdue: boolean; neverAssessed: boolean;
  openAssessmentId: string | null; placedSince: string;
};

export const kinds: Record<Kind, string> = {
  S47Core: "Core assessment (s47 enquiry)", LookedAfterRenewal: "Looked-after yearly renewal", Single: "Single assessment",
};
const statuses: Record<Status, string> = {
  Open: "Open", Signed: "Signed by its author, waiting for a manager's sign-off", Completed: "Completed",
};
/** The names the API gives each gap in `missing` and in the 422 of a signature. */
const gaps: Record<string, string> = {
  childsAccount: "The child's account", impact: "Impact", analysis: "Analysis", needsAndPlan: "Needs and plan", contributions: "Contributions",
};
/** Support.Contracts.UnmetNeeds.UnmetNeedReason */
const unmetReasons: Record<string, string> = {
  NotAvailable: "No such service is available", Waitlisted: "On a waiting list", CriteriaNotMet: "Does not meet the service's criteria",
  CostConstraint: "Cost", NoProvider: "No provider", DeclinedByService: "Declined by the service",
};
const responses: Record<Response, string> = { ReferralTask: "A referral: a task for the key worker", UnmetNeed: "Cannot be met now: unmet need" };

type Part = { name: keyof Entry & string; label: string; date?: boolean };
const sections: { key: SectionKey; title: string; parts: Part[] }[] = [
  {
    key: "ChildsAccount", title: "The child's account",
    parts: [
      { name: "account", label: "Their account, in their own words" }, { name: "feelings", label: "How they feel" },
      { name: "seenAloneOn", label: "Date they were seen alone", date: true },
    ],
  },
  { key: "Impact", title: "Impact", parts: [{ name: "shortTermImpact", label: "Short-term impact" }, { name: "longTermImpact", label: "Long-term impact" }] },
  {
    key: "Analysis", title: "Analysis",
    parts: [{ name: "whatHappened", label: "What happened" }, { name: "why", label: "Why it happened" }, { name: "consequences", label: "The consequences" }],
  },
  { key: "NeedsAndPlan", title: "Needs and plan", parts: [{ name: "plan", label: "The plan" }] },
];
const sectionTitle = (key: SectionKey) => sections.find((s) => s.key === key)?.title ?? key;

/** "OutreachWorker" as "Outreach worker". */
const roleLabel = (role: string) => role.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/ ([A-Z])(?=[a-z])/g, (_, c: string) => ` ${c.toLowerCase()}`);

/** Today's date in London as yyyy-MM-dd (dates such as a renewal's due date are London days). */

/** The young person's name, from the record every case-staff role may read; a refusal leaves a neutral phrase. */
function PersonName({ id }: { id: string }) {
  const person = useQuery({
    queryKey: ["young-person", id],
    queryFn: () => api.get<{ displayName: string }>(`/api/referrals/young-people/${id}`),
    retry: false,
  });
  return <>{person.data?.displayName ?? "the young person"}</>;
}

/** An assessment's deadline: a countdown while open (late in red, and said in words), or when it was due once done. */
function Due({ a }: { a: { dueAt: LondonTime; overdue: boolean; completedAt: LondonTime | null } }) {
  return (
    <span data-testid="assessment-due">
      {a.overdue && <strong className="flag">Overdue </strong>}
      {a.completedAt
        ? <>Was due <When value={a.dueAt} />{a.overdue ? ", completed late" : ""}</>
        : <>Due <Deadline due={a.dueAt} /></>}
    </span>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// 1. On the young person's record.

export function AssessmentsSection({ id }: { id: string }) {
  const session = useSession();
  const list = useQuery({
    queryKey: ["assessments", id],
    queryFn: () => api.get<Summary[]>(`/api/referrals/assessments${query({ youngPersonId: id })}`),
  });
  return (
    <section aria-labelledby="assessments-title" data-testid="assessments">
      <h2 id="assessments-title">Assessments</h2>
      {list.isPending && <p role="status">Loading the assessments…</p>}
      {list.error && <ProblemSummary error={list.error} />}
      {list.data?.length === 0 && <p>No assessment is on file. An s47 enquiry opens one.</p>}
      <ul className="cards">
        {list.data?.map((a) => (
          <li key={a.id} className="card" data-testid="assessment">
            <p><Link to={`/assessments/${a.id}`}>{kinds[a.kind] ?? a.kind}</Link> · {statuses[a.status] ?? a.status}</p>
            <p>Opened <When value={a.openedAt} />{a.completedAt && <>; completed <When value={a.completedAt} /></>}</p>
            <p><Due a={a} /></p>
          </li>
        ))}
      </ul>
      {hasAnyRole(session?.roles ?? [], referralDeciders) && <OpenByHand id={id} />}
    </section>
  );
}

function OpenByHand({ id }: { id: string }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState("");
  const open = useMutation({
    mutationFn: () => api.post<Assessment>("/api/referrals/assessments", { youngPersonId: id, kind: kind || null }),
    onSuccess: async (view) => {
      await queryClient.invalidateQueries({ queryKey: ["assessments", id] });
      navigate(`/assessments/${view.id}`);
    },
  });
  return (
    <form className="note-form" onSubmit={(e) => { e.preventDefault(); open.mutate(); }} noValidate aria-label="Open an assessment">
      <h3>Open an assessment</h3>
      <p className="hint">The s47 core assessment opens with the enquiry. A looked-after child's yearly renewal needs a current placement.</p>
      <Field id="open-kind" field="kind" label="Kind of assessment" error={open.error}>
        {(p) => (
          <select {...p} value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="">Choose…</option>
            <option value="LookedAfterRenewal">{kinds.LookedAfterRenewal}</option>
            <option value="Single">{kinds.Single}</option>
          </select>
        )}
      </Field>
      <button type="submit" disabled={open.isPending}>Open the assessment</button>
      <ProblemSummary error={open.error} fields={["kind"]} />
    </form>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// 2. The assessment.

export function AssessmentPage() {
  const { id = "" } = useParams();
  const session = useSession();
  const roles = session?.roles ?? [];
  const writer = hasAnyRole(roles, referralDeciders);
  const manager = hasAnyRole(roles, managers);
  const assessment = useQuery({ queryKey: ["assessment", id], queryFn: () => api.get<Assessment>(`/api/referrals/assessments/${id}`) });
  if (assessment.isPending) return <p role="status">Loading the assessment…</p>;
  if (assessment.error) return <ProblemSummary error={assessment.error} />;
  const a = assessment.data;
  const open = a.status !== "Completed";
  const current = (key: SectionKey) => a.sections.find((s) => s.section === key);
  const latest = a.signatures.at(-1);
  return (
    <article aria-labelledby="assessment-title" className="assessment">
      <h1 id="assessment-title">{kinds[a.kind] ?? a.kind}</h1>
      <p className="facts">
        About <Link to={`/young-people/${a.youngPersonId}`}><PersonName id={a.youngPersonId} /></Link> · opened by {a.openedBy}{" "}
        <When value={a.openedAt} /> · version {a.version}
      </p>
      <p data-testid="assessment-status"><strong>{statuses[a.status] ?? a.status}</strong>
        {a.status === "Completed" && <> · signed by {a.signedBy}, signed off by {a.signedOffBy} ({roleLabel(a.signedOffByRole ?? "")}) <When value={a.completedAt} /></>}
      </p>
      <p><Due a={a} /></p>

      {open && <Missing missing={a.missing} />}
      {open && (writer || manager) && <Signing a={a} writer={writer} manager={manager} />}
      {a.signatures.length > 0 && (
        <p className="hint" data-testid="signatures">
          Signatures: {a.signatures.map((s, i) => (
            <span key={i}>{i > 0 && "; "}version {s.version} by {s.signedBy} ({roleLabel(s.signedByRole)}), <When value={s.signedAt} /></span>
          ))}
          {open && latest && latest.version !== a.version && <> · it has changed since, so it must be signed again</>}
        </p>
      )}

      {sections.map((s) => (
        <Section key={s.key} assessmentId={a.id} youngPersonId={a.youngPersonId} section={s} entry={current(s.key)} mayWrite={open && writer} />
      ))}
      <Contributions a={a} mayManage={open && writer} me={session?.user} />
      {(a.needTasks.length > 0 || a.status === "Completed") && (
        <section aria-labelledby="tasks-title" data-testid="assessment-need-tasks">
          <h2 id="tasks-title">Tasks from its needs</h2>
          {a.needTasks.length === 0 && <p>No need in this assessment called for a referral.</p>}
          <ul className="cards">
            {a.needTasks.map((t) => <NeedTaskCard key={t.id} task={t} onDone={() => undefined} />)}
          </ul>
        </section>
      )}
      <History history={a.history} />
    </article>
  );
}

/** What still stops the author signing, in the API's own words (REF-17), so the gap is seen before anyone tries. */
function Missing({ missing }: { missing: Assessment["missing"] }) {
  if (missing.length === 0) {
    return <p className="notice" data-testid="missing">Nothing is missing: every section is written and every invited worker has answered.</p>;
  }
  return (
    <div className="notice" data-testid="missing">
      <h2>Still missing before it can be signed</h2>
      <ul>
        {missing.map((m) => <li key={m.field} data-field={m.field}><strong>{gaps[m.field] ?? m.field}</strong>: {m.message}</li>)}
      </ul>
    </div>
  );
}

function Signing({ a, writer, manager }: { a: Assessment; writer: boolean; manager: boolean }) {
  const queryClient = useQueryClient();
  const done = async (view: Assessment) => {
    queryClient.setQueryData(["assessment", a.id], view);
    await queryClient.invalidateQueries({ queryKey: ["assessments", a.youngPersonId] });
    // A sign-off records the plan's unmet needs in Referrals' register (COM-05).
    await queryClient.invalidateQueries({ queryKey: ["referral-unmet-needs", a.youngPersonId] });
  };
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["assessment", a.id] });
  const sign = useMutation({ mutationFn: () => api.post<Assessment>(`/api/referrals/assessments/${a.id}/signature`), onSuccess: done, onError: refresh });
  const signOff = useMutation({ mutationFn: () => api.post<Assessment>(`/api/referrals/assessments/${a.id}/sign-off`), onSuccess: done, onError: refresh });
  const refusal = sign.error instanceof ApiError && sign.error.status === 422 ? sign.error : null;
  return (
    <div className="signing" data-testid="signing">
      {writer && a.status === "Open" && (
        <>
          <button type="button" onClick={() => { signOff.reset(); sign.mutate(); }} disabled={sign.isPending}>Sign the assessment</button>
          {refusal ? (
            <div role="alert" className="problem" data-testid="sign-refused">
              <p><strong>It cannot be signed yet.</strong> Still missing:</p>
              <ul>
                {Object.entries(refusal.problem.errors ?? {}).map(([field, messages]) => (
                  <li key={field} data-field={field}><strong>{gaps[field] ?? field}</strong>: {messages.join(" ")}</li>
                ))}
              </ul>
            </div>
          ) : <ProblemSummary error={sign.error} />}
        </>
      )}
      {sign.isSuccess && <p role="status">Signed at version {sign.data.version}.</p>}
      {manager && (
        <>
          <button type="button" onClick={() => { sign.reset(); signOff.mutate(); }} disabled={signOff.isPending}>Sign off the assessment</button>
          <p className="hint">A manager other than its author signs off the version the author signed; that completes it.</p>
          <ProblemSummary error={signOff.error} />
        </>
      )}
    </div>
  );
}

/** One of the four sections as it stands, and (for its writers) a form to write it again, whole. */
function Section({ assessmentId, youngPersonId, section, entry, mayWrite }: {
  assessmentId: string; youngPersonId: string; section: (typeof sections)[number]; entry: Entry | undefined; mayWrite: boolean;
}) {
  const key = section.key.toLowerCase();
  return (
    <section aria-labelledby={`${key}-title`} className="card" data-testid={`section-${section.key}`}>
      <h2 id={`${key}-title`}>{section.title}</h2>
      {entry ? <SectionText entry={entry} /> : <p className="flag">Not written yet.</p>}
      {mayWrite && <SectionForm assessmentId={assessmentId} youngPersonId={youngPersonId} section={section} entry={entry} />}
    </section>
  );
}

function SectionText({ entry }: { entry: Entry }) {
  const section = sections.find((s) => s.key === entry.section);
  return (
    <div data-testid="section-text">
      {section?.parts.map((p) => (
        <p key={p.name}><strong>{p.label}:</strong> {p.date ? formatDate(entry[p.name] as string | null) : String(entry[p.name] ?? "")}</p>
      ))}
      {entry.section === "NeedsAndPlan" && (
        entry.needs.length === 0 ? <p>No needs stated.</p> : (
          <ul aria-label="Needs">
            {entry.needs.map((n, i) => (
              <li key={i}>
                {n.description} ({n.category}): {n.response === "UnmetNeed"
                  ? <>unmet need, {unmetReasons[n.unmetNeedReason ?? ""] ?? n.unmetNeedReason}</>
                  : "a referral task for the key worker"}
              </li>
            ))}
          </ul>
        )
      )}
      <p className="signed">Version {entry.sequence}, written by {entry.recordedBy} ({roleLabel(entry.recordedByRole)}) <When value={entry.recordedAt} /></p>
    </div>
  );
}

type NeedDraft = { description: string; category: string; response: string; unmetNeedReason: string };

function SectionForm({ assessmentId, youngPersonId, section, entry }: {
  assessmentId: string; youngPersonId: string; section: (typeof sections)[number]; entry: Entry | undefined;
}) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(section.parts.map((p) => [p.name, entry ? String(entry[p.name] ?? "") : ""])));
  const [needs, setNeeds] = useState<NeedDraft[]>(() => (entry?.needs ?? []).map((n) => ({
    description: n.description, category: n.category, response: n.response, unmetNeedReason: n.unmetNeedReason ?? "",
  })));
  const isNeeds = section.key === "NeedsAndPlan";
  const write = useMutation({
    mutationFn: () => api.post<Assessment>(`/api/referrals/assessments/${assessmentId}/sections`, {
      section: section.key,
      ...Object.fromEntries(section.parts.map((p) => [p.name, values[p.name].trim() || null])),
      ...(isNeeds ? {
        needs: needs.map((n) => ({
          description: n.description, category: n.category, response: n.response || null,
          unmetNeedReason: n.response === "UnmetNeed" ? n.unmetNeedReason || null : null,
        })),
      } : {}),
    }),
    onSuccess: async (view) => {
      queryClient.setQueryData(["assessment", assessmentId], view);
      await queryClient.invalidateQueries({ queryKey: ["assessments", youngPersonId] });
    },
  });
  const error = write.error;
  const key = `write-${section.key.toLowerCase()}`;
  const setNeed = (i: number, change: Partial<NeedDraft>) => setNeeds((list) => list.map((n, j) => (j === i ? { ...n, ...change } : n)));
  const needFields = needs.flatMap((_, i) => ["description", "category", "response", "unmetNeedReason"].map((f) => `needs[${i}].${f}`));
  const verb = entry ? "Rewrite" : "Write";
  return (
    <form className="note-form" onSubmit={(e) => { e.preventDefault(); write.mutate(); }} noValidate aria-label={`Write ${section.title.toLowerCase()}`}>
      <h3>{verb} this section</h3>
      <p className="hint">The whole section is saved as a new version; earlier versions stay in the history.</p>
      {section.parts.map((p) => (
        <Field key={p.name} id={`${key}-${p.name}`} field={p.name} label={p.label} error={error}>
          {(props) => p.date
            ? <input {...props} type="date" value={values[p.name]} onChange={(e) => setValues({ ...values, [p.name]: e.target.value })} />
            : <textarea {...props} rows={3} value={values[p.name]} onChange={(e) => setValues({ ...values, [p.name]: e.target.value })} />}
        </Field>
      ))}
      {isNeeds && (
        <>
          <h4>Needs</h4>
          <p className="hint">Each need becomes a referral task for the key worker or is recorded as unmet need when a manager signs it off.</p>
          {needs.length === 0 && <p>No needs listed: saving says the assessment states none.</p>}
          {needs.map((n, i) => (
            <fieldset key={i}>
              <legend>Need {i + 1}</legend>
              <Field id={`${key}-need-${i}-description`} field={`needs[${i}].description`} label="What is needed" error={error}>
                {(p) => <input {...p} value={n.description} onChange={(e) => setNeed(i, { description: e.target.value })} />}
              </Field>
              <Field id={`${key}-need-${i}-category`} field={`needs[${i}].category`} label="Category" error={error} hint="For example Therapy, Education, Accommodation.">
                {(p) => <input {...p} value={n.category} onChange={(e) => setNeed(i, { category: e.target.value })} />}
              </Field>
              <Field id={`${key}-need-${i}-response`} field={`needs[${i}].response`} label="How it will be met" error={error}>
                {(p) => (
                  <select {...p} value={n.response} onChange={(e) => setNeed(i, { response: e.target.value })}>
                    <option value="">Choose…</option>
                    {Object.entries(responses).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
                  </select>
                )}
              </Field>
              {n.response === "UnmetNeed" && (
                <Field id={`${key}-need-${i}-reason`} field={`needs[${i}].unmetNeedReason`} label="Why it cannot be met" error={error}>
                  {(p) => (
                    <select {...p} value={n.unmetNeedReason} onChange={(e) => setNeed(i, { unmetNeedReason: e.target.value })}>
                      <option value="">Choose…</option>
                      {Object.entries(unmetReasons).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
                    </select>
                  )}
                </Field>
              )}
              <button type="button" className="small" onClick={() => setNeeds(needs.filter((_, j) => j !== i))}>Remove need {i + 1}</button>
            </fieldset>
          ))}
          <button type="button" className="small" onClick={() => setNeeds([...needs, { description: "", category: "", response: "", unmetNeedReason: "" }])}>
            Add a need
          </button>
        </>
      )}
      <div><button type="submit" disabled={write.isPending}>Save {section.title.toLowerCase()}</button></div>
      <ProblemSummary error={error} fields={[...section.parts.map((p) => p.name), "section", ...(isNeeds ? ["needs", ...needFields] : [])]} />
      {write.isSuccess && <p role="status">Saved as version {write.data.version}.</p>}
    </form>
  );
}

/** The invited workers and their replies; the author records a non-reply, the invited worker answers here too. */
function Contributions({ a, mayManage, me }: { a: Assessment; mayManage: boolean; me: string | undefined }) {
  const open = a.status !== "Completed";
  return (
    <section aria-labelledby="contributions-title" data-testid="contributions">
      <h2 id="contributions-title">Contributions from the workers involved</h2>
      {a.invitations.length === 0 && <p>Nobody has been invited to contribute.</p>}
      <ul className="cards">
        {a.invitations.map((i) => (
          <li key={i.id} className="card" data-testid="invitation">
            <p><strong>{i.worker}</strong> ({roleLabel(i.workerRole)}), invited by {i.invitedBy} <When value={i.invitedAt} /></p>
            {i.reply?.contributed && (
              <>
                <blockquote>{i.reply.text}</blockquote>
                <p className="signed">Contributed <When value={i.reply.recordedAt} /></p>
              </>
            )}
            {i.reply && !i.reply.contributed && (
              <p>No reply. How they were chased: {i.reply.text} (recorded by {i.reply.recordedBy}, <When value={i.reply.recordedAt} />)</p>
            )}
            {!i.reply && <p className="flag">Waiting for a reply.</p>}
            {!i.reply && open && i.worker === me && <ContributionForm invitation={i} />}
            {!i.reply && mayManage && i.worker !== me && <NoReplyForm invitation={i} />}
          </li>
        ))}
      </ul>
      {mayManage && <InviteForm a={a} />}
    </section>
  );
}

function NoReplyForm({ invitation: i }: { invitation: Invitation }) {
  const queryClient = useQueryClient();
  const [chased, setChased] = useState("");
  const record = useMutation({
    mutationFn: () => api.post<Invitation>(`/api/referrals/assessments/invitations/${i.id}/no-reply`, { chased }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["assessment", i.assessmentId] }),
  });
  return (
    <form className="note-form" onSubmit={(e) => { e.preventDefault(); record.mutate(); }} noValidate aria-label={`Record that ${i.worker} did not reply`}>
      <Field id={`chased-${i.id}`} field="chased" label={`How ${i.worker} was chased`} error={record.error}
        hint="Only when they have not replied: when and how you asked again.">
        {(p) => <textarea {...p} rows={2} value={chased} onChange={(e) => setChased(e.target.value)} />}
      </Field>
      <button type="submit" disabled={record.isPending}>Record no reply</button>
      <ProblemSummary error={record.error} fields={["chased"]} />
    </form>
  );
}

function InviteForm({ a }: { a: Assessment }) {
  const queryClient = useQueryClient();
  const [worker, setWorker] = useState("");
  const [role, setRole] = useState("");
  const invite = useMutation({
    mutationFn: () => api.post<Invitation>(`/api/referrals/assessments/${a.id}/invitations`, { worker: worker.trim(), role: role || null }),
    onSuccess: async () => {
      setWorker(""); setRole("");
      await queryClient.invalidateQueries({ queryKey: ["assessment", a.id] });
    },
  });
  return (
    <form className="note-form" onSubmit={(e) => { e.preventDefault(); invite.mutate(); }} noValidate aria-label="Invite another worker to contribute">
      <h3>Invite another worker</h3>
      <p className="hint">Someone who knows the young person but is not on the case: an outreach worker, the school, health.</p>
      <Field id="invite-worker" field="worker" label="Their user id" error={invite.error}>
        {(p) => <input {...p} value={worker} onChange={(e) => setWorker(e.target.value)} autoComplete="off" />}
      </Field>
      <Field id="invite-role" field="role" label="Their role" error={invite.error}>
        {(p) => (
          <select {...p} value={role} onChange={(e) => setRole(e.target.value)}>
            <option value="">Choose…</option>
            {caseStaff.map((r) => <option key={r} value={r}>{roleLabel(r)}</option>)}
          </select>
        )}
      </Field>
      <button type="submit" disabled={invite.isPending}>Invite</button>
      <ProblemSummary error={invite.error} fields={["worker", "role"]} />
      {invite.isSuccess && <p role="status">{invite.data.worker} is invited to contribute.</p>}
    </form>
  );
}

function ContributionForm({ invitation: i, onDone }: { invitation: Invitation; onDone?: (i: Invitation) => void }) {
  const queryClient = useQueryClient();
  const [text, setText] = useState("");
  const send = useMutation({
    mutationFn: () => api.post<Invitation>(`/api/referrals/assessments/invitations/${i.id}/contribution`, { contribution: text }),
    onSuccess: async (answered) => {
      onDone?.(answered);
      await queryClient.invalidateQueries({ queryKey: ["assessment", i.assessmentId] });
      await queryClient.invalidateQueries({ queryKey: ["invitations-mine"] });
    },
  });
  return (
    <form className="note-form" onSubmit={(e) => { e.preventDefault(); send.mutate(); }} noValidate aria-label="Contribute to the assessment">
      <Field id={`contribution-${i.id}`} field="contribution" label="Your contribution" error={send.error}
        hint="What you know of the young person and what they have told you. It is sent once and becomes part of what is signed.">
        {(p) => <textarea {...p} rows={5} value={text} onChange={(e) => setText(e.target.value)} />}
      </Field>
      <button type="submit" disabled={send.isPending}>Send the contribution</button>
      <ProblemSummary error={send.error} fields={["contribution"]} />
    </form>
  );
}

function History({ history }: { history: Entry[] }) {
  if (history.length === 0) return null;
  return (
    <details className="history" data-testid="history">
      <summary>Version history ({history.length} {history.length === 1 ? "version" : "versions"} of sections written)</summary>
      <ol reversed>
        {[...history].reverse().map((e) => (
          <li key={e.id}>
            <h3>{sectionTitle(e.section)}, version {e.sequence}</h3>
            <SectionText entry={e} />
          </li>
        ))}
      </ol>
    </details>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// 3. Asked to contribute.

export function AskedToContribute() {
  const [sent, setSent] = useState<Invitation | null>(null);
  const invitations = useQuery({
    queryKey: ["invitations-mine"],
    queryFn: () => api.get<Invitation[]>("/api/referrals/assessments/invitations/mine"),
  });
  return (
    <section aria-labelledby="asked-title" className="phone-first">
      <h1 id="asked-title">Asked to contribute</h1>
      <p className="hint">Assessments you have been invited to contribute to. Your knowledge of the young person is part of what is signed.</p>
      {sent && <p role="status">Your contribution to the assessment of <PersonName id={sent.youngPersonId} /> is recorded.</p>}
      {invitations.isPending && <p role="status">Loading your invitations…</p>}
      {invitations.error && <ProblemSummary error={invitations.error} />}
      {invitations.data?.length === 0 && <p>Nothing is waiting for your contribution.</p>}
      <ul className="cards">
        {invitations.data?.map((i) => (
          <li key={i.id} className="card" data-testid="invitation">
            <h2>Assessment of <PersonName id={i.youngPersonId} /></h2>
            <p>Invited by {i.invitedBy} <When value={i.invitedAt} /> · <Link to={`/assessments/${i.assessmentId}`}>Read the assessment</Link></p>
            <ContributionForm invitation={i} onDone={setSent} />
          </li>
        ))}
      </ul>
    </section>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// 4. Need tasks, and the manager's renewals due.

export function NeedTasks() {
  const session = useSession();
  const manager = hasAnyRole(session?.roles ?? [], managers);
  const [everyone, setEveryone] = useState(false);
  const [done, setDone] = useState<NeedTask | null>(null);
  const tasks = useQuery({
    queryKey: ["need-tasks", everyone],
    queryFn: () => api.get<NeedTask[]>(`/api/referrals/assessments/need-tasks${query({ mine: everyone ? false : undefined })}`),
  });
  return (
    <section aria-labelledby="need-tasks-title" className="phone-first">
      <h1 id="need-tasks-title">{everyone ? "Everyone's need tasks" : "My need tasks"}</h1>
      <p className="hint">Referrals that completed assessments said a young person needs. Each ends once: the referral made, or unmet need with its reason.</p>
      {manager && (
        <label className="choice">
          <input type="checkbox" checked={everyone} onChange={(e) => setEveryone(e.target.checked)} /> Show everyone's open tasks
        </label>
      )}
      {done && (
        <p role="status">
          Recorded for “{done.need}”: {done.outcome === "UnmetNeed" ? "unmet need" : "referral made"}.
        </p>
      )}
      {tasks.isPending && <p role="status">Loading the tasks…</p>}
      {tasks.error && <ProblemSummary error={tasks.error} />}
      {tasks.data?.length === 0 && <p>No open task.</p>}
      <ul className="cards">
        {tasks.data?.map((t) => <NeedTaskCard key={t.id} task={t} withPerson onDone={setDone} />)}
      </ul>
    </section>
  );
}

function NeedTaskCard({ task: t, withPerson, onDone }: { task: NeedTask; withPerson?: boolean; onDone: (t: NeedTask) => void }) {
  const session = useSession();
  const mayComplete = !t.outcome && (t.assignedTo === session?.user || hasAnyRole(session?.roles ?? [], managers));
  return (
    <li className="card" data-testid="need-task">
      <h3>{t.need} <span className="hint">({t.category})</span></h3>
      {withPerson && (
        <p>For <Link to={`/young-people/${t.youngPersonId}`}><PersonName id={t.youngPersonId} /></Link> · <Link to={`/assessments/${t.assessmentId}`}>the assessment</Link></p>
      )}
      <p>Key worker: {t.assignedTo ?? <strong className="bad">none allocated</strong>}</p>
      {t.outcome ? (
        <p>
          {t.outcome === "UnmetNeed" ? <>Unmet need ({unmetReasons[t.unmetNeedReason ?? ""] ?? t.unmetNeedReason})</> : "Referral made"}: {t.detail}{" "}
          (by {t.completedBy}, <When value={t.completedAt} />{t.overdue ? ", late" : ""})
        </p>
      ) : (
        <p>{t.overdue && <strong className="flag">Overdue </strong>}Due <Deadline due={t.dueAt} /></p>
      )}
      {mayComplete && <CompleteTask task={t} onDone={onDone} />}
    </li>
  );
}

function CompleteTask({ task: t, onDone }: { task: NeedTask; onDone: (t: NeedTask) => void }) {
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState("");
  const [detail, setDetail] = useState("");
  const [reason, setReason] = useState("");
  const complete = useMutation({
    mutationFn: () => api.post<NeedTask>(`/api/referrals/assessments/need-tasks/${t.id}/completion`, {
      outcome: outcome || null, detail, unmetNeedReason: outcome === "UnmetNeed" ? reason || null : null,
    }),
    onSuccess: async (view) => {
      onDone(view);
      await queryClient.invalidateQueries({ queryKey: ["need-tasks"] });
      await queryClient.invalidateQueries({ queryKey: ["assessment", t.assessmentId] });
      await queryClient.invalidateQueries({ queryKey: ["referral-unmet-needs", t.youngPersonId] });
    },
  });
  const key = `task-${t.id}`;
  return (
    <form className="note-form" onSubmit={(e) => { e.preventDefault(); complete.mutate(); }} noValidate aria-label={`Complete the task: ${t.need}`}>
      <Field id={`${key}-outcome`} field="outcome" label="What happened" error={complete.error}>
        {(p) => (
          <select {...p} value={outcome} onChange={(e) => setOutcome(e.target.value)}>
            <option value="">Choose…</option>
            <option value="ReferralMade">The referral was made</option>
            <option value="UnmetNeed">No service could meet it: unmet need</option>
          </select>
        )}
      </Field>
      <Field id={`${key}-detail`} field="detail" label={outcome === "UnmetNeed" ? "What was tried, and why it cannot be met" : "The referral: what, and to whom"} error={complete.error}>
        {(p) => <textarea {...p} rows={2} value={detail} onChange={(e) => setDetail(e.target.value)} />}
      </Field>
      {outcome === "UnmetNeed" && (
        <Field id={`${key}-reason`} field="unmetNeedReason" label="Why it cannot be met" error={complete.error}>
          {(p) => (
            <select {...p} value={reason} onChange={(e) => setReason(e.target.value)}>
              <option value="">Choose…</option>
              {Object.entries(unmetReasons).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
            </select>
          )}
        </Field>
      )}
      <button type="submit" disabled={complete.isPending}>Complete the task</button>
      <ProblemSummary error={complete.error} fields={["outcome", "detail", "unmetNeedReason"]} />
    </form>
  );
}

/** Two more panels of the manager's dashboard: open assessments past their deadline, and looked-after renewals due. */
export function AssessmentPanels() {
  const overdue = useQuery({
    queryKey: ["dash", "assessments-overdue"], refetchInterval: 60_000,
    queryFn: () => api.get<Summary[]>("/api/referrals/assessments?status=overdue"),
  });
  const renewals = useQuery({
    queryKey: ["dash", "assessment-renewals"], refetchInterval: 60_000,
    queryFn: () => api.get<RenewalDue[]>("/api/referrals/assessments/renewals-due?withinDays=30"),
  });
  return (
    <>
      <Panel title="Assessments overdue" query={overdue} count={overdue.data?.length}>
        {overdue.data?.map((a) => (
          <Row key={a.id} youngPersonId={a.youngPersonId} label={`${kinds[a.kind] ?? a.kind}, ${statuses[a.status]?.toLowerCase() ?? a.status}`}>
            <Due a={a} /> · <Link to={`/assessments/${a.id}`}>Open the assessment</Link>
          </Row>
        ))}
      </Panel>
      <Panel title="Looked-after assessments due within 30 days" query={renewals} count={renewals.data?.length}>
        {renewals.data?.map((r) => (
          <Row key={r.youngPersonId} youngPersonId={r.youngPersonId}
            label={r.neverAssessed ? `Never assessed, placed since ${formatDate(r.placedSince)}` : "Yearly renewal of the assessment"}>
            {r.lastCompletedAt && <>Last completed <When value={r.lastCompletedAt} /> · </>}
            <DueOn date={r.dueOn} overdue={r.overdue} />
            {r.openAssessmentId && <> · <Link to={`/assessments/${r.openAssessmentId}`}>the open assessment</Link></>}
          </Row>
        ))}
      </Panel>
    </>
  );
}

/** A London date a renewal falls due, with the server's overdue flag said in words and the days counted in London. */
function DueOn({ date, overdue }: { date: string; overdue: boolean }) {
  const utc = (d: string) => { const [y, m, day] = d.split("-").map(Number); return Date.UTC(y, m - 1, day); };
  const days = Math.round((utc(date) - utc(londonToday())) / 86_400_000);
  const plural = (n: number) => `${n} day${n === 1 ? "" : "s"}`;
  const when: ReactNode = overdue ? `overdue by ${plural(Math.max(1, -days))}` : days <= 0 ? "due today" : `due in ${plural(days)}`;
  return (
    <span className={overdue ? "deadline late" : "deadline"}>
      {overdue && <strong className="flag">Overdue </strong>}Due <time dateTime={date}>{formatDate(date)}</time> ({when})
    </span>
  );
}
