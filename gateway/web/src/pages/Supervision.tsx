import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api";
import { Deadline } from "../components/Countdown";
import { Field, instantFromLocalInput, nowForLocalInput } from "../components/Field";
import { Panel, Row } from "../components/Panel";
import { roleLabel } from "../components/PersonName";
import { ProblemSummary } from "../components/Problem";
import { When } from "../components/When";
import type { LondonTime } from "../time";

// Supervision of a case (issue 14 for REF-18 and REC-06; services/Referrals/Features/Cases/RecordSupervision.cs).
// Imray §4.5: no evidence "that the testing of assessment hypotheses ever featured in any supervision discussion";
// §4.6: notes completed by someone other than the team manager with no reason, and the supervisor's status unclear.
// So each entry carries the working hypothesis, the alternatives, whether it was challenged, and who gave it; a manager
// who is not the team's manager says why. Everyone on the case reads it; the dashboard shows the gaps. Loaded on demand.

/** RecordSupervision.cs SupervisionResponse */
type Supervision = {
  id: string; caseId: string; occurredAt: LondonTime; currentHypothesis: string; alternativesConsidered: string; hypothesisChallenged: boolean;
  discussion: string; supervisor: string; supervisorRole: string; socialWorkRegistered: boolean; notTeamManagerReason: string | null;
  recordedAt: LondonTime;
};
/** SupervisionGaps.cs GapResponse */
type Gap = {
  caseId: string; youngPersonId: string; keyWorker: string | null; lastSupervisedAt: LondonTime | null; supervisionCount: number;
  dueAt: LondonTime; daysWithoutSupervision: number;
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** On a case card of the record: the case's supervision, latest first, and (for a manager, on an open case) a form. */
export function CaseSupervision({ caseId, youngPersonId, leadTeam, mayRecord }: {
  caseId: string; youngPersonId: string; leadTeam: string; mayRecord: boolean;
}) {
  const entries = useQuery({
    queryKey: ["supervision", caseId],
    queryFn: () => api.get<Supervision[]>(`/api/referrals/cases/${caseId}/supervision`),
  });
  return (
    <div data-testid="supervision">
      <h3>Supervision</h3>
      {entries.error && <ProblemSummary error={entries.error} />}
      {entries.data?.length === 0 && <p>No supervision is recorded on this case.</p>}
      {entries.data && entries.data.length > 0 && (
        <details>
          <summary>
            Last supervision <When value={entries.data[0].occurredAt} /> by {entries.data[0].supervisor} ({plural(entries.data.length, "entry", "entries")})
          </summary>
          <ol className="entries">
            {entries.data.map((s) => <Entry key={s.id} entry={s} />)}
          </ol>
        </details>
      )}
      {mayRecord && <RecordSupervision caseId={caseId} youngPersonId={youngPersonId} leadTeam={leadTeam} />}
    </div>
  );
}

function Entry({ entry: s }: { entry: Supervision }) {
  return (
    <li className="entry" data-testid="supervision-entry">
      <div className="entry-head">
        <strong>Supervision</strong> <When value={s.occurredAt} />
      </div>
      <p><strong>Working hypothesis:</strong> {s.currentHypothesis}</p>
      <p><strong>Alternatives considered:</strong> {s.alternativesConsidered}</p>
      <p><strong>Hypothesis challenged:</strong> {s.hypothesisChallenged ? "yes" : <span className="flag">no</span>}</p>
      <p><strong>Discussed and decided:</strong> {s.discussion}</p>
      {s.notTeamManagerReason && <p><strong>Given by someone other than the team's manager, because:</strong> {s.notTeamManagerReason}</p>}
      <p className="signed">
        Supervisor {s.supervisor} ({roleLabel(s.supervisorRole)}, {s.socialWorkRegistered ? "social-work registered" : "not social-work registered"}),
        recorded <When value={s.recordedAt} />
      </p>
    </li>
  );
}

function RecordSupervision({ caseId, youngPersonId, leadTeam }: { caseId: string; youngPersonId: string; leadTeam: string }) {
  const queryClient = useQueryClient();
  // Left at its default, "now" is the moment the form is sent, not the start of the minute shown (which can be
  // before a case opened a few seconds ago); a time typed in is taken as typed.
  const [occurredAt, setOccurredAt] = useState(nowForLocalInput);
  const [timeTyped, setTimeTyped] = useState(false);
  const [hypothesis, setHypothesis] = useState("");
  const [alternatives, setAlternatives] = useState("");
  const [challenged, setChallenged] = useState("");
  const [discussion, setDiscussion] = useState("");
  const [registered, setRegistered] = useState("");
  const [reason, setReason] = useState("");
  const yesNo = (value: string) => (value === "" ? null : value === "yes");
  const record = useMutation({
    mutationFn: () => api.post<Supervision>(`/api/referrals/cases/${caseId}/supervision`, {
      occurredAt: timeTyped ? instantFromLocalInput(occurredAt) ?? null : new Date().toISOString(), currentHypothesis: hypothesis, alternativesConsidered: alternatives,
      hypothesisChallenged: yesNo(challenged), discussion, socialWorkRegistered: yesNo(registered), notTeamManagerReason: reason.trim() || null,
    }),
    onSuccess: async () => {
      setHypothesis(""); setAlternatives(""); setChallenged(""); setDiscussion(""); setReason("");
      await queryClient.invalidateQueries({ queryKey: ["supervision", caseId] });
      await queryClient.invalidateQueries({ queryKey: ["chronology", youngPersonId] });
      await queryClient.invalidateQueries({ queryKey: ["dash"] });
    },
  });
  const error = record.error;
  const key = `supervision-${caseId}`;
  return (
    <details>
      <summary>Record supervision</summary>
      <form className="note-form" onSubmit={(e) => { e.preventDefault(); record.mutate(); }} noValidate aria-label={`Record supervision of the ${leadTeam} case`}>
        <p className="hint">You are recorded as the supervisor. Test the working hypothesis: what else could explain what is happening?</p>
        <Field id={`${key}-when`} field="occurredAt" label="When the supervision took place" error={error}>
          {(p) => <input {...p} type="datetime-local" value={occurredAt} onChange={(e) => { setOccurredAt(e.target.value); setTimeTyped(true); }} />}
        </Field>
        <Field id={`${key}-hypothesis`} field="currentHypothesis" label="The working hypothesis" error={error}>
          {(p) => <textarea {...p} rows={2} value={hypothesis} onChange={(e) => setHypothesis(e.target.value)} />}
        </Field>
        <Field id={`${key}-alternatives`} field="alternativesConsidered" label="Alternatives considered" error={error}>
          {(p) => <textarea {...p} rows={2} value={alternatives} onChange={(e) => setAlternatives(e.target.value)} />}
        </Field>
        <Field id={`${key}-challenged`} field="hypothesisChallenged" label="Was the hypothesis challenged?" error={error}>
          {(p) => (
            <select {...p} value={challenged} onChange={(e) => setChallenged(e.target.value)}>
              <option value="">Choose…</option>
              <option value="yes">Yes</option>
              <option value="no">No</option>
            </select>
          )}
        </Field>
        <Field id={`${key}-discussion`} field="discussion" label="What was discussed and decided" error={error}>
          {(p) => <textarea {...p} rows={3} value={discussion} onChange={(e) => setDiscussion(e.target.value)} />}
        </Field>
        <Field id={`${key}-registered`} field="socialWorkRegistered" label="Are you social-work registered?" error={error}>
          {(p) => (
            <select {...p} value={registered} onChange={(e) => setRegistered(e.target.value)}>
              <option value="">Choose…</option>
              <option value="yes">Yes</option>
              <option value="no">No</option>
            </select>
          )}
        </Field>
        <Field id={`${key}-reason`} field="notTeamManagerReason" label="If you are not the team's manager, why you gave it" error={error}>
          {(p) => <textarea {...p} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
        <button type="submit" disabled={record.isPending}>Record the supervision</button>
        <ProblemSummary error={error} fields={[
          "occurredAt", "currentHypothesis", "alternativesConsidered", "hypothesisChallenged", "discussion", "socialWorkRegistered", "notTeamManagerReason",
        ]} />
        {record.data && <p role="status">Supervision recorded for <When value={record.data.occurredAt} />.</p>}
      </form>
    </details>
  );
}

/** The manager's dashboard: open CSE cases with no supervision for the weeks the service allows, longest first. */
export function SupervisionGapsPanel() {
  const gaps = useQuery({
    queryKey: ["dash", "supervision-gaps"], refetchInterval: 60_000,
    queryFn: () => api.get<Gap[]>("/api/referrals/cases/supervision-gaps"),
  });
  return (
    <Panel title="CSE cases without supervision, longest first" query={gaps} count={gaps.data?.length}>
      {gaps.data?.map((g) => (
        <Row key={g.caseId} youngPersonId={g.youngPersonId}
          label={`${plural(g.daysWithoutSupervision, "day", "days")} since ${g.lastSupervisedAt ? "the last supervision" : "the case opened, never supervised"} (${plural(g.supervisionCount, "supervision", "supervisions")} in all), key worker ${g.keyWorker ?? "none"}`}>
          {g.lastSupervisedAt ? <>Last supervised <When value={g.lastSupervisedAt} /> · </> : null}Supervision due <Deadline due={g.dueAt} />
        </Row>
      ))}
    </Panel>
  );
}
