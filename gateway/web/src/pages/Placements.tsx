import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, ApiError } from "../api";
import { useSession } from "../auth/useSession";
import { Field } from "../components/Field";
import { ProblemSummary } from "../components/Problem";
import { When } from "../components/When";
import { hasAnyRole, referralDeciders } from "../roles";
import { formatDate, type Instant } from "../time";

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
type MatchingAssessment = {
  id: string; setting: string; flagsConsidered: number; analysis: string; safetyPlan: string; recordedAt: Instant; recordedBy: string;
  decision: string | null; decisionRationale: string | null; decidedAt: Instant; decidedBy: string | null;
};
/** ReadPlacements.cs PlacementHistory */
type PlacementHistory = { placements: Placement[]; refusals: Refusal[]; matchingAssessments: MatchingAssessment[]; riskToOthers: RiskToOthers[] };
/** PlacementResponses.cs BarredPersonResponse */
type BarredPerson = { id: string; name: string; description: string; reason: string; recordedAt: Instant; recordedBy: string };

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

const typeLabel = (type: string) => placementTypes[type] ?? type;
const reasonLabel = (reason: string) => placementReasons[reason] ?? reason;

/** Today's date in London as yyyy-MM-dd, the calendar the server checks placement dates against. */
function londonToday(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
}

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
  const history = useQuery({
    queryKey: ["placements", id],
    queryFn: () => api.get<PlacementHistory>(`/api/referrals/young-people/${id}/placements`),
  });
  const current = history.data?.placements.find((p) => p.current);
  const earlier = history.data?.placements.filter((p) => !p.current) ?? [];
  return (
    <section aria-labelledby="placements-title" data-testid="placements">
      <h2 id="placements-title">Placements</h2>
      {history.isPending && <p role="status">Loading the placements…</p>}
      {history.error && <ProblemSummary error={history.error} />}
      {history.data && (
        <>
          {current ? <CurrentPlacement placement={current} /> : <p data-testid="current-placement">No current placement is recorded.</p>}
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
                  <li key={a.id}>
                    {a.setting}: {a.flagsConsidered} flag(s) considered by {a.recordedBy}, <When value={a.recordedAt} /> ·{" "}
                    {a.decision
                      ? <>{a.decision === "Approved" ? "approved" : "refused"} by {a.decidedBy}, <When value={a.decidedAt} />{a.decisionRationale ? `: ${a.decisionRationale}` : ""}</>
                      : "waiting for a senior manager's decision"}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <RiskToOthersFlags flags={history.data.riskToOthers} />
        </>
      )}
      {mayWrite && <RecordPlacement id={id} />}
      <BarredPersons id={id} mayWrite={mayWrite} />
    </section>
  );
}

function CurrentPlacement({ placement: p }: { placement: Placement }) {
  return (
    <div className="card" data-testid="current-placement">
      <p><strong>{typeLabel(p.type)}</strong> at <strong>{p.setting}</strong> since {formatDate(p.startedOn)}</p>
      <p>Reason: {reasonLabel(p.reason)}</p>
      <p>{p.reviewBy ? <ReviewBy date={p.reviewBy} /> : "No review-by date"}</p>
      <p>Why: {p.rationale}</p>
      {p.carerUserId && <p>Carer: {p.carerUserId}</p>}
      <p className="signed">Recorded by {p.recordedBy} <When value={p.recordedAt} /></p>
    </div>
  );
}

function RiskToOthersFlags({ flags }: { flags: RiskToOthers[] }) {
  return (
    <div data-testid="risk-to-others">
      <h3>Their own risk to other children</h3>
      {flags.length === 0 && <p>No risk to others is recorded for this young person.</p>}
      <ul>
        {flags.map((f) => {
          const towards = [f.towardsGender && `${f.towardsGender.toLowerCase()} children`, f.towardsYoungerThan && `children younger than ${f.towardsYoungerThan}`]
            .filter(Boolean).join(", ");
          return (
            <li key={f.id} className={f.withdrawnAt ? undefined : "flag"}>
              {f.description} · towards {towards || "any child"} (recorded by {f.recordedBy}, <When value={f.recordedAt} />)
              {f.withdrawnAt && <> · withdrawn by {f.withdrawnBy}, <When value={f.withdrawnAt} />: {f.withdrawalReason}</>}
            </li>
          );
        })}
      </ul>
    </div>
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
    mutationFn: () => api.post<Placement>("/api/referrals/placements", {
      youngPersonId: id, type: type || null, reason: reason || null, setting, startedOn: startedOn || null, reviewBy: reviewBy || null,
      rationale, carerUserId: carerUserId.trim() || null,
    }),
    onSuccess: async () => {
      setType(""); setReason(""); setSetting(""); setReviewBy(""); setRationale(""); setCarerUserId("");
      await queryClient.invalidateQueries({ queryKey: ["placements", id] });
      await queryClient.invalidateQueries({ queryKey: ["chronology", id] });
    },
  });
  const error = record.error;
  const pendingAssessment = error instanceof ApiError && error.status === 409
    ? (error.problem as { pendingAssessmentId?: string | null }).pendingAssessmentId : undefined;
  const residential = residentialTypes.includes(type);
  return (
    <form className="note-form" onSubmit={(e) => { e.preventDefault(); record.mutate(); }} noValidate aria-label="Record a placement">
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
          {pendingAssessment
            ? "A matching assessment for this setting is waiting for a senior manager's decision; the placement can be recorded once they approve it."
            : "Young people living there now pose a risk that matches this child."}
        </p>
      )}
      <ProblemSummary error={error} fields={["youngPersonId", "type", "reason", "setting", "startedOn", "reviewBy", "rationale", "carerUserId"]} />
      {record.isSuccess && <p role="status">Placement recorded: {typeLabel(record.data.type)} at {record.data.setting}.</p>}
    </form>
  );
}

function BarredPersons({ id, mayWrite }: { id: string; mayWrite: boolean }) {
  const barred = useQuery({
    queryKey: ["barred-persons", id],
    queryFn: () => api.get<BarredPerson[]>(`/api/referrals/young-people/${id}/barred-persons`),
  });
  return (
    <div className="barred" data-testid="must-not-have-contact">
      <h3>Must not have contact</h3>
      {barred.isPending && <p role="status">Loading the list…</p>}
      {barred.error && <ProblemSummary error={barred.error} />}
      {barred.data?.length === 0 && <p>Nobody is on the must-not-have-contact list.</p>}
      {barred.data && barred.data.length > 0 && (
        <ul className="barred-people">
          {barred.data.map((b) => (
            <li key={b.id} data-testid="barred-person">
              <strong className="barred-name">{b.name}</strong>
              <p>How to recognise them: {b.description}</p>
              <p>Why: {b.reason} (recorded by {b.recordedBy}, <When value={b.recordedAt} />)</p>
            </li>
          ))}
        </ul>
      )}
      {mayWrite && <AddBarredPerson id={id} />}
    </div>
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
