import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, ApiError } from "../api";
import { useSession } from "../auth/useSession";
import { Field } from "../components/Field";
import { ProblemSummary } from "../components/Problem";
import { When } from "../components/When";
import { hasAnyRole, managers, referralDeciders } from "../roles";
import { formatDate, type Instant, londonToday } from "../time";

// The placements section of the young person's record (issue 14, REF-26, REF-27; services/Referrals/Features/Placements/
// README.md). Imray §4.7: Child E, 12, was raped by a resident of the unit she was moved to; §4.9: residential care
// never because of cost or a shortage of foster carers, and always with a time limit. Loaded only when a record is
// opened, so that it stays out of the main bundle everyone downloads.

/** PlacementResponses.cs PlacementResponse */
type Placement = {
  id: string; youngPersonId: string; type: string; reason: string; setting: string; startedOn: string; reviewBy: string | null;
  rationale: string; matchingAssessmentId: string | null; carerUserId: string | null; current: boolean; endedOn: string | null;
  endReason: string | null; recordedAt: Instant; recordedBy: string;
};
/** PlacementResponses.cs PlacementRefusalResponse */
type Refusal = { id: string; requestedType: string; reason: string; note: string; recordedAt: Instant; recordedBy: string };
/** PlacementResponses.cs RiskToOthersResponse */
type RiskToOthers = {
  id: string; description: string; towardsGender: string | null; towardsYoungerThan: number | null; recordedAt: Instant; recordedBy: string;
  withdrawnAt: Instant; withdrawnBy: string | null; withdrawalReason: string | null;
};
/** PlacementResponses.cs MatchingAssessmentResponse */
export type MatchingAssessment = {
  id: string; youngPersonId: string; setting: string; flagsConsidered: number; analysis: string; safetyPlan: string; recordedAt: Instant; recordedBy: string;
  decision: string | null; decisionRationale: string | null; decidedAt: Instant; decidedBy: string | null;
};
/** ReadPlacements.cs PlacementHistory */
type PlacementHistory = { placements: Placement[]; refusals: Refusal[]; matchingAssessments: MatchingAssessment[]; riskToOthers: RiskToOthers[] };
/** StartPlacement.cs: the 409 when residents' risk to others matches the child and no approved assessment covers it. */
type MatchingRefusal = { matchingFlags?: number; pendingAssessmentId?: string | null };
/** StartPlacement.cs Request */
type PlacementRequest = {
  youngPersonId: string; type: string | null; reason: string | null; setting: string; startedOn: string | null; reviewBy: string | null;
  rationale: string; carerUserId: string | null;
};
/** PlacementResponses.cs BarredPersonResponse */
type BarredPerson = {
  id: string; name: string; description: string; reason: string; recordedAt: Instant; recordedBy: string;
  removedAt: Instant | null; removedBy: string | null; removalReason: string | null;
};

/** Support.Contracts.Placements.PlacementType, in the order of the brief's glossary. */
export const placementTypes: Record<string, string> = {
  Home: "At home", FosterCare: "Foster care", SpecialistFosterCare: "Specialist foster care", Residential: "Residential care",
  Secure: "Secure care", Hostel: "Hostel", SupportedLodgings: "Supported lodgings", OutOfArea: "Out of area",
};
/** The types where the child lives with other placed young people: a review-by date is required and residents are matched. */
const residentialTypes = ["Residential", "Secure", "Hostel", "OutOfArea"];
/** Support.Contracts.Placements.PlacementReason */
export const placementReasons: Record<string, string> = {
  AssessedNeed: "Assessed need", ProtectionFromHarm: "Protection from harm", PlacementBreakdown: "The last placement broke down",
  YoungPersonsWish: "The young person's wish", Emergency: "Emergency", CostConstraint: "Cost (a cheaper option was chosen)",
  NoFosterPlacementAvailable: "No foster placement was available",
};

/** The two reasons a needed placement is refused for, each recorded as unmet need (RecordPlacementRefusal.cs). */
const refusalReasons = ["CostConstraint", "NoFosterPlacementAvailable"];
/** Referrals Domain Gender, for a risk towards children of one gender. */
const genders: Record<string, string> = {
  Female: "Girls", Male: "Boys", NonBinary: "Non-binary children", SelfDescribed: "Children who self-describe their gender",
};

const typeLabel = (type: string) => placementTypes[type] ?? type;
const reasonLabel = (reason: string) => placementReasons[reason] ?? reason;

/** Today's date in London as yyyy-MM-dd, the calendar the server checks placement dates against. */

function daysBetween(from: string, to: string): number {
  const utc = (d: string) => { const [y, m, day] = d.split("-").map(Number); return Date.UTC(y, m - 1, day); };
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

/** A review-by date with how many days are left or how overdue it is (a date, not an instant: counted in London days). */
function ReviewBy({ date }: { date: string }) {
  const days = daysBetween(londonToday(), date);
  const plural = (n: number) => `${n} day${n === 1 ? "" : "s"}`;
  return (
    <span className={days < 0 ? "deadline late" : "deadline"} data-testid="review-by">
      Review by <time dateTime={date}>{formatDate(date)}</time>{" "}
      ({days < 0 ? `overdue by ${plural(-days)}` : days === 0 ? "due today" : `due in ${plural(days)}`})
    </span>
  );
}

export function Placements({ id }: { id: string }) {
  const session = useSession();
  const mayWrite = hasAnyRole(session?.roles ?? [], referralDeciders);
  const isManager = hasAnyRole(session?.roles ?? [], managers);
  const history = useQuery({
    queryKey: ["placements", id],
    queryFn: () => api.get<PlacementHistory>(`/api/referrals/young-people/${id}/placements`),
  });
  const current = history.data?.placements.find((p) => p.current);
  const earlier = history.data?.placements.filter((p) => !p.current) ?? [];
  return (
    <section aria-labelledby="placements-title" data-testid="placements" className="placements">
      <h2 id="placements-title">Placements</h2>
      {history.isPending && <p role="status">Loading the placements…</p>}
      {history.error && <ProblemSummary error={history.error} />}
      {history.data && (
        <>
          {current
            ? <CurrentPlacement placement={current} assessments={history.data.matchingAssessments} mayEnd={mayWrite} />
            : <p data-testid="current-placement">No current placement is recorded.</p>}
          {earlier.length > 0 && (
            <details data-testid="earlier-placements">
              <summary>Earlier placements ({earlier.length})</summary>
              <ul>
                {earlier.map((p) => (
                  <li key={p.id}>
                    {typeLabel(p.type)} at {p.setting}, {formatDate(p.startedOn)} to {formatDate(p.endedOn)}
                    {" "}({reasonLabel(p.reason)}{p.endReason ? `; ended: ${reasonLabel(p.endReason)}` : ""}) · {p.rationale}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {history.data.refusals.length > 0 && (
            <div data-testid="placement-refusals">
              <h3>Placements refused for cost or shortage</h3>
              <ul>
                {history.data.refusals.map((r) => (
                  <li key={r.id}>
                    {typeLabel(r.requestedType)} refused: {reasonLabel(r.reason)} · {r.note} (recorded by {r.recordedBy}, <When value={r.recordedAt} />)
                  </li>
                ))}
              </ul>
            </div>
          )}
          {history.data.matchingAssessments.length > 0 && (
            <div data-testid="matching-assessments">
              <h3>Matching assessments</h3>
              <ul>
                {history.data.matchingAssessments.map((a) => (
                  <li key={a.id} data-testid="matching-assessment">
                    {a.setting}: {a.flagsConsidered} flag(s) considered by {a.recordedBy}, <When value={a.recordedAt} /> ·{" "}
                    {a.decision
                      ? <>{a.decision === "Approved" ? "approved" : "refused"} by {a.decidedBy}, <When value={a.decidedAt} />{a.decisionRationale ? `: ${a.decisionRationale}` : ""}</>
                      : "waiting for a senior manager's decision"}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <RiskToOthersFlags id={id} flags={history.data.riskToOthers} mayRecord={mayWrite} mayWithdraw={isManager} />
        </>
      )}
      {mayWrite && <RecordPlacement id={id} />}
      {mayWrite && <RecordRefusal id={id} />}
      <BarredPersons id={id} mayWrite={mayWrite} mayRemove={isManager} />
    </section>
  );
}

function CurrentPlacement({ placement: p, assessments, mayEnd }: { placement: Placement; assessments: MatchingAssessment[]; mayEnd: boolean }) {
  const matching = p.matchingAssessmentId ? assessments.find((a) => a.id === p.matchingAssessmentId) : undefined;
  return (
    <div className="card" data-testid="current-placement">
      <p><strong>{typeLabel(p.type)}</strong> at <strong>{p.setting}</strong> since {formatDate(p.startedOn)}</p>
      <p>Reason: {reasonLabel(p.reason)}</p>
      <p>{p.reviewBy ? <ReviewBy date={p.reviewBy} /> : "No review-by date"}</p>
      <p>Why: {p.rationale}</p>
      {p.carerUserId && <p>Carer: {p.carerUserId}</p>}
      {matching && <p data-testid="admitted-on">Admitted on the matching assessment approved by {matching.decidedBy}, <When value={matching.decidedAt} /></p>}
      <p className="signed">Recorded by {p.recordedBy} <When value={p.recordedAt} /></p>
      {mayEnd && <EndPlacement placement={p} />}
    </div>
  );
}

/** REF-26: the placement ends with no next one (home, left care); to move the child, record the next placement instead. */
function EndPlacement({ placement: p }: { placement: Placement }) {
  const queryClient = useQueryClient();
  const [endedOn, setEndedOn] = useState(londonToday);
  const [reason, setReason] = useState("");
  const end = useMutation({
    mutationFn: () => api.post<Placement>(`/api/referrals/placements/${p.id}/end`, { endedOn: endedOn || null, reason: reason || null }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["placements", p.youngPersonId] });
      await queryClient.invalidateQueries({ queryKey: ["chronology", p.youngPersonId] });
      await queryClient.invalidateQueries({ queryKey: ["referral-unmet-needs", p.youngPersonId] });
    },
  });
  return (
    <details>
      <summary>End this placement</summary>
      <form className="note-form" onSubmit={(e) => { e.preventDefault(); end.mutate(); }} noValidate aria-label="End the placement">
        <p className="hint">When the child leaves with no next placement (home, left care). To move them, record the next placement instead: that ends this one.</p>
        <Field id="end-placement-on" field="endedOn" label="Ended on" error={end.error}>
          {(f) => <input {...f} type="date" value={endedOn} onChange={(e) => setEndedOn(e.target.value)} />}
        </Field>
        <Field id="end-placement-reason" field="reason" label="Why it ended" error={end.error}
          hint="Ended for cost or because no foster placement was available is recorded as unmet need.">
          {(f) => (
            <select {...f} value={reason} onChange={(e) => setReason(e.target.value)}>
              <option value="">Choose a reason…</option>
              {Object.entries(placementReasons).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
            </select>
          )}
        </Field>
        <button type="submit" disabled={end.isPending}>End the placement</button>
        <ProblemSummary error={end.error} fields={["endedOn", "reason"]} />
      </form>
    </details>
  );
}

function RiskToOthersFlags({ id, flags, mayRecord, mayWithdraw }: { id: string; flags: RiskToOthers[]; mayRecord: boolean; mayWithdraw: boolean }) {
  return (
    <div data-testid="risk-to-others">
      <h3>Their own risk to other children</h3>
      {flags.length === 0 && <p>No risk to others is recorded for this young person.</p>}
      <ul>
        {flags.map((f) => {
          const towards = [f.towardsGender && (genders[f.towardsGender] ?? f.towardsGender).toLowerCase(), f.towardsYoungerThan && `children younger than ${f.towardsYoungerThan}`]
            .filter(Boolean).join(", ");
          return (
            <li key={f.id} className={f.withdrawnAt ? undefined : "flag"} data-testid="risk-to-others-flag">
              {f.description} · towards {towards || "any child"} (recorded by {f.recordedBy}, <When value={f.recordedAt} />)
              {f.withdrawnAt && <> · withdrawn by {f.withdrawnBy}, <When value={f.withdrawnAt} />: {f.withdrawalReason}</>}
              {!f.withdrawnAt && mayWithdraw && <WithdrawFlag youngPersonId={id} flag={f} />}
            </li>
          );
        })}
      </ul>
      {mayRecord && <RecordRiskToOthers id={id} />}
    </div>
  );
}

/** REF-26: a flag matched against every admission to where this young person lives. */
function RecordRiskToOthers({ id }: { id: string }) {
  const queryClient = useQueryClient();
  const [description, setDescription] = useState("");
  const [towardsGender, setTowardsGender] = useState("");
  const [towardsYoungerThan, setTowardsYoungerThan] = useState("");
  const record = useMutation({
    mutationFn: () => api.post<RiskToOthers>(`/api/referrals/young-people/${id}/risk-to-others`, {
      description, towardsGender: towardsGender || null,
      towardsYoungerThan: towardsYoungerThan.trim() === "" ? null : Number(towardsYoungerThan),
    }),
    onSuccess: async () => {
      setDescription(""); setTowardsGender(""); setTowardsYoungerThan("");
      await queryClient.invalidateQueries({ queryKey: ["placements", id] });
      await queryClient.invalidateQueries({ queryKey: ["chronology", id] });
    },
  });
  return (
    <details>
      <summary>Record a risk this young person poses to other children</summary>
      <form className="note-form" onSubmit={(e) => { e.preventDefault(); record.mutate(); }} noValidate aria-label="Record a risk to others">
        <p className="hint">Every admission to a residential setting where they live is then matched against it.</p>
        <Field id="rto-description" field="description" label="The risk they pose" error={record.error}>
          {(f) => <textarea {...f} rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />}
        </Field>
        <Field id="rto-gender" field="towardsGender" label="Towards children of (optional)" error={record.error}>
          {(f) => (
            <select {...f} value={towardsGender} onChange={(e) => setTowardsGender(e.target.value)}>
              <option value="">Any gender</option>
              {Object.entries(genders).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
            </select>
          )}
        </Field>
        <Field id="rto-younger" field="towardsYoungerThan" label="Towards children younger than (years, optional)" error={record.error}>
          {(f) => <input {...f} type="number" inputMode="numeric" min={1} max={25} value={towardsYoungerThan} onChange={(e) => setTowardsYoungerThan(e.target.value)} />}
        </Field>
        <button type="submit" disabled={record.isPending}>Record the risk</button>
        <ProblemSummary error={record.error} fields={["description", "towardsGender", "towardsYoungerThan"]} />
        {record.isSuccess && <p role="status">Risk to others recorded.</p>}
      </form>
    </details>
  );
}

/** Managers withdraw a flag with a reason; it stays on the record, marked withdrawn. */
function WithdrawFlag({ youngPersonId, flag }: { youngPersonId: string; flag: RiskToOthers }) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState("");
  const withdraw = useMutation({
    mutationFn: () => api.post<RiskToOthers>(`/api/referrals/risk-to-others/${flag.id}/withdraw`, { reason }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["placements", youngPersonId] }),
  });
  return (
    <details className="withdraw">
      <summary>Withdraw this flag</summary>
      <form className="note-form" onSubmit={(e) => { e.preventDefault(); withdraw.mutate(); }} noValidate aria-label="Withdraw the risk-to-others flag">
        <Field id={`withdraw-${flag.id}-reason`} field="reason" label="Why it is withdrawn" error={withdraw.error}
          hint="The flag stays on the record, marked withdrawn; it no longer stops an admission.">
          {(f) => <textarea {...f} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
        <button type="submit" disabled={withdraw.isPending}>Withdraw the flag</button>
        <ProblemSummary error={withdraw.error} fields={["reason"]} />
      </form>
    </details>
  );
}

function RecordPlacement({ id }: { id: string }) {
  const queryClient = useQueryClient();
  const [type, setType] = useState("");
  const [reason, setReason] = useState("");
  const [setting, setSetting] = useState("");
  const [startedOn, setStartedOn] = useState(londonToday);
  const [reviewBy, setReviewBy] = useState("");
  const [rationale, setRationale] = useState("");
  const [carerUserId, setCarerUserId] = useState("");
  const record = useMutation({
    mutationFn: (body: PlacementRequest) => api.post<Placement>("/api/referrals/placements", body),
    onSuccess: async () => {
      setType(""); setReason(""); setSetting(""); setReviewBy(""); setRationale(""); setCarerUserId("");
      await queryClient.invalidateQueries({ queryKey: ["placements", id] });
      await queryClient.invalidateQueries({ queryKey: ["chronology", id] });
      await queryClient.invalidateQueries({ queryKey: ["referral-unmet-needs", id] });
    },
  });
  const submit = () => record.mutate({
    youngPersonId: id, type: type || null, reason: reason || null, setting, startedOn: startedOn || null, reviewBy: reviewBy || null,
    rationale, carerUserId: carerUserId.trim() || null,
  });
  const error = record.error;
  // StartPlacement's 409 when residents match: with `matchingFlags` (how many) and the assessment already waiting, if any.
  const matching = error instanceof ApiError && error.status === 409 && (error.problem as MatchingRefusal).matchingFlags !== undefined
    ? error.problem as MatchingRefusal : undefined;
  const residential = residentialTypes.includes(type);
  return (
    <>
      <form className="note-form" onSubmit={(e) => { e.preventDefault(); submit(); }} noValidate aria-label="Record a placement">
        <h3>Record a placement</h3>
        <p className="hint">Starting a placement ends the current one on the same day.</p>
        <Field id="placement-type" field="type" label="Type of placement" error={error}>
          {(p) => (
            <select {...p} value={type} onChange={(e) => setType(e.target.value)}>
              <option value="">Choose a type…</option>
              {Object.entries(placementTypes).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
            </select>
          )}
        </Field>
        <Field id="placement-reason" field="reason" label="Reason for the placement" error={error}>
          {(p) => (
            <select {...p} value={reason} onChange={(e) => setReason(e.target.value)}>
              <option value="">Choose a reason…</option>
              {Object.entries(placementReasons).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
            </select>
          )}
        </Field>
        <Field id="placement-setting" field="setting" label="Setting (the home, unit or address)" error={error}>
          {(p) => <input {...p} value={setting} onChange={(e) => setSetting(e.target.value)} />}
        </Field>
        <Field id="placement-started" field="startedOn" label="Started on" error={error}>
          {(p) => <input {...p} type="date" value={startedOn} onChange={(e) => setStartedOn(e.target.value)} />}
        </Field>
        <Field id="placement-review" field="reviewBy" label={residential ? "Review by" : "Review by (optional for this type)"} error={error}
          hint="Required for residential care, secure care, a hostel and out of area: at most 90 days after the start.">
          {(p) => <input {...p} type="date" value={reviewBy} onChange={(e) => setReviewBy(e.target.value)} />}
        </Field>
        <Field id="placement-rationale" field="rationale" label="Why this placement" error={error}>
          {(p) => <textarea {...p} rows={3} value={rationale} onChange={(e) => setRationale(e.target.value)} />}
        </Field>
        <Field id="placement-carer" field="carerUserId" label="Carer's user id (optional)" error={error}
          hint="The carer then sees this child and their must-not-have-contact list while the placement lasts.">
          {(p) => <input {...p} value={carerUserId} onChange={(e) => setCarerUserId(e.target.value)} />}
        </Field>
        <button type="submit" disabled={record.isPending}>Record the placement</button>
        {error instanceof ApiError && error.status === 409 && (
          <p className="flag" data-testid="placement-not-recorded">
            The placement was not recorded.{" "}
            {matching?.pendingAssessmentId
              ? "A matching assessment for this setting is waiting for a senior manager's decision; the placement can be recorded once they approve it."
              : matching
                ? `Young people living there now pose a risk that matches this child (${matching.matchingFlags} flag${matching.matchingFlags === 1 ? "" : "s"}): record a matching assessment below for a senior manager to decide on.`
                : ""}
          </p>
        )}
        <ProblemSummary error={error} fields={["youngPersonId", "type", "reason", "setting", "startedOn", "reviewBy", "rationale", "carerUserId"]} />
        {record.isSuccess && <p role="status">Placement recorded: {typeLabel(record.data.type)} at {record.data.setting}.</p>}
      </form>
      {matching && !matching.pendingAssessmentId && record.variables && (
        <RecordMatchingAssessment key={record.submittedAt} id={id} setting={record.variables.setting} flags={matching.matchingFlags ?? 0} />
      )}
    </>
  );
}

/**
 * REF-26 (Imray recommendation 2): how a matching resident's risk will be managed if the child is admitted. Offered
 * when an admission was refused for a match; the server lists the flags it considers, and a senior manager other
 * than the author decides (the queue at /matching-assessments).
 */
function RecordMatchingAssessment({ id, setting: refusedSetting, flags }: { id: string; setting: string; flags: number }) {
  const queryClient = useQueryClient();
  const [setting, setSetting] = useState(refusedSetting);
  const [analysis, setAnalysis] = useState("");
  const [safetyPlan, setSafetyPlan] = useState("");
  const record = useMutation({
    mutationFn: () => api.post<MatchingAssessment>("/api/referrals/placements/matching-assessments", { youngPersonId: id, setting, analysis, safetyPlan }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["placements", id] });
    },
  });
  return (
    <form className="note-form" onSubmit={(e) => { e.preventDefault(); record.mutate(); }} noValidate aria-label="Record a matching assessment">
      <h3>Record a matching assessment</h3>
      <p className="hint">
        {flags} risk-to-others flag{flags === 1 ? "" : "s"} of the residents match this child. Say how each risk will be managed if they are
        admitted; a senior manager other than you then approves or refuses it, and the placement can be recorded once it is approved.
      </p>
      <Field id="matching-setting" field="setting" label="Setting" error={record.error}>
        {(p) => <input {...p} value={setting} onChange={(e) => setSetting(e.target.value)} />}
      </Field>
      <Field id="matching-analysis" field="analysis" label="Analysis of the matching risk" error={record.error}>
        {(p) => <textarea {...p} rows={4} value={analysis} onChange={(e) => setAnalysis(e.target.value)} />}
      </Field>
      <Field id="matching-safety-plan" field="safetyPlan" label="Safety plan" error={record.error}>
        {(p) => <textarea {...p} rows={4} value={safetyPlan} onChange={(e) => setSafetyPlan(e.target.value)} />}
      </Field>
      <button type="submit" disabled={record.isPending || record.isSuccess}>Record the matching assessment</button>
      <ProblemSummary error={record.error} fields={["youngPersonId", "setting", "analysis", "safetyPlan"]} />
      {record.isSuccess && (
        <p role="status">
          Matching assessment recorded ({record.data.flagsConsidered} flag{record.data.flagsConsidered === 1 ? "" : "s"} considered): waiting for a
          senior manager's decision. Record the placement again once it is approved.
        </p>
      )}
    </form>
  );
}

/** REF-26: a placement the child needed and did not get for cost or shortage, recorded as unmet need. */
function RecordRefusal({ id }: { id: string }) {
  const queryClient = useQueryClient();
  const [requestedType, setRequestedType] = useState("");
  const [reason, setReason] = useState("");
  const [note, setNote] = useState("");
  const record = useMutation({
    mutationFn: () => api.post<Refusal>("/api/referrals/placements/refusals", {
      youngPersonId: id, requestedType: requestedType || null, reason: reason || null, note,
    }),
    onSuccess: async () => {
      setRequestedType(""); setReason(""); setNote("");
      await queryClient.invalidateQueries({ queryKey: ["placements", id] });
      await queryClient.invalidateQueries({ queryKey: ["chronology", id] });
      await queryClient.invalidateQueries({ queryKey: ["referral-unmet-needs", id] });
    },
  });
  return (
    <details className="placement-refusal">
      <summary>Record a placement refused for cost or shortage</summary>
      <form className="note-form" onSubmit={(e) => { e.preventDefault(); record.mutate(); }} noValidate aria-label="Record a refusal for cost or shortage">
        <p className="hint">A placement the child needed and did not get because of its cost or a shortage of carers: it is recorded as unmet need.</p>
        <Field id="refusal-type" field="requestedType" label="The placement they needed" error={record.error}>
          {(p) => (
            <select {...p} value={requestedType} onChange={(e) => setRequestedType(e.target.value)}>
              <option value="">Choose a type…</option>
              {Object.entries(placementTypes).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
            </select>
          )}
        </Field>
        <Field id="refusal-reason" field="reason" label="Why it was refused" error={record.error}>
          {(p) => (
            <select {...p} value={reason} onChange={(e) => setReason(e.target.value)}>
              <option value="">Choose a reason…</option>
              {refusalReasons.map((value) => <option key={value} value={value}>{reasonLabel(value)}</option>)}
            </select>
          )}
        </Field>
        <Field id="refusal-note" field="note" label="What was said, and by whom" error={record.error}>
          {(p) => <textarea {...p} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />}
        </Field>
        <button type="submit" disabled={record.isPending}>Record the refusal</button>
        <ProblemSummary error={record.error} fields={["youngPersonId", "requestedType", "reason", "note"]} />
        {record.isSuccess && (
          <p role="status">Recorded as unmet need: {typeLabel(record.data.requestedType)} refused ({reasonLabel(record.data.reason)}).</p>
        )}
      </form>
    </details>
  );
}

/**
 * The must-not-have-contact list (REF-27) as a carer must see it, and, for managers, taking someone off it with a reason
 * (a wrong name, a court's decision). Nobody is ever deleted: the people taken off stay on the record with who took
 * them off and why, shown on request.
 */
function BarredPersons({ id, mayWrite, mayRemove }: { id: string; mayWrite: boolean; mayRemove: boolean }) {
  const [showRemoved, setShowRemoved] = useState(false);
  const barred = useQuery({
    queryKey: ["barred-persons", id, showRemoved],
    queryFn: () => api.get<BarredPerson[]>(`/api/referrals/young-people/${id}/barred-persons${showRemoved ? "?includeRemoved=true" : ""}`),
  });
  const onList = barred.data?.filter((b) => !b.removedAt) ?? [];
  const takenOff = barred.data?.filter((b) => b.removedAt) ?? [];
  return (
    <div className="barred" data-testid="must-not-have-contact">
      <h3>Must not have contact</h3>
      {barred.isPending && <p role="status">Loading the list…</p>}
      {barred.error && <ProblemSummary error={barred.error} />}
      {barred.data && onList.length === 0 && <p>Nobody is on the must-not-have-contact list.</p>}
      {onList.length > 0 && (
        <ul className="barred-people">
          {onList.map((b) => (
            <li key={b.id} data-testid="barred-person">
              <strong className="barred-name">{b.name}</strong>
              <p>How to recognise them: {b.description}</p>
              <p>Why: {b.reason} (recorded by {b.recordedBy}, <When value={b.recordedAt} />)</p>
              {mayRemove && <RemoveBarredPerson id={id} person={b} />}
            </li>
          ))}
        </ul>
      )}
      <label className="choice">
        <input type="checkbox" checked={showRemoved} onChange={(e) => setShowRemoved(e.target.checked)} /> Show people taken off the list
      </label>
      {showRemoved && barred.data && (takenOff.length === 0
        ? <p>Nobody has been taken off the list.</p>
        : (
          <ul className="barred-people" aria-label="Taken off the list">
            {takenOff.map((b) => (
              <li key={b.id} data-testid="removed-barred-person">
                <strong>{b.name}</strong>: taken off by {b.removedBy}, <When value={b.removedAt} />. Why: {b.removalReason}
                <p className="hint">Was on the list because: {b.reason} (recorded by {b.recordedBy}, <When value={b.recordedAt} />)</p>
              </li>
            ))}
          </ul>
        ))}
      {mayWrite && <AddBarredPerson id={id} />}
    </div>
  );
}

function RemoveBarredPerson({ id, person }: { id: string; person: BarredPerson }) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState("");
  const fieldId = `barred-remove-${person.id}`;
  const remove = useMutation({
    mutationFn: () => api.post<BarredPerson>(`/api/referrals/young-people/${id}/barred-persons/${person.id}/remove`, { reason }),
    onSuccess: async () => { await queryClient.invalidateQueries({ queryKey: ["barred-persons", id] }); },
  });
  return (
    <details>
      <summary>Take {person.name} off the list</summary>
      <form className="note-form" onSubmit={(e) => { e.preventDefault(); remove.mutate(); }} noValidate aria-label={`Take ${person.name} off the list`}>
        <Field id={fieldId} field="reason" label="Why they no longer belong on the list" error={remove.error}
          hint="For example a wrong name, or a court's decision. They stay on the record, marked as taken off.">
          {(p) => <textarea {...p} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
        <button type="submit" disabled={remove.isPending}>Take off the list</button>
        <ProblemSummary error={remove.error} fields={["reason"]} />
      </form>
    </details>
  );
}

function AddBarredPerson({ id }: { id: string }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [reason, setReason] = useState("");
  const add = useMutation({
    mutationFn: () => api.post<BarredPerson>(`/api/referrals/young-people/${id}/barred-persons`, { name, description, reason }),
    onSuccess: async () => {
      setName(""); setDescription(""); setReason("");
      await queryClient.invalidateQueries({ queryKey: ["barred-persons", id] });
    },
  });
  return (
    <form className="note-form" onSubmit={(e) => { e.preventDefault(); add.mutate(); }} noValidate aria-label="Add to the must-not-have-contact list">
      <h4>Add someone who must not have contact</h4>
      <Field id="barred-name" field="name" label="Name" error={add.error}>
        {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field id="barred-description" field="description" label="How to recognise them" error={add.error}
        hint="What a carer would notice: appearance, car, nickname.">
        {(p) => <textarea {...p} rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />}
      </Field>
      <Field id="barred-reason" field="reason" label="Why they must not have contact" error={add.error}>
        {(p) => <textarea {...p} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <button type="submit" disabled={add.isPending}>Add to the list</button>
      <ProblemSummary error={add.error} fields={["name", "description", "reason"]} />
      {add.isSuccess && <p role="status">Added {add.data.name} to the list.</p>}
    </form>
  );
}
