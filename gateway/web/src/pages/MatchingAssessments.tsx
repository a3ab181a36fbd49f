import { useState, type ReactNode } from "react";
import { Link } from "react-router";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api";
import { Field } from "../components/Field";
import { PersonName } from "../components/PersonName";
import { describedBy, FieldError, ProblemSummary } from "../components/Problem";
import { When } from "../components/When";
import type { MatchingAssessment } from "./Placements";

// The senior manager's queue (issue 14 for REF-26; services/Referrals/Features/Placements/MatchingAssessments.cs).
// Imray §4.7, Child E: a child is admitted to a setting whose residents' risk to others matches them only once a
// senior manager other than the author has approved a matching assessment that considered every matching flag.
// Loaded on demand: only senior managers open it.

type Outcome = "Approved" | "Refused";

export function MatchingAssessmentQueue() {
  const [done, setDone] = useState<ReactNode>(null);
  const pending = useQuery({
    queryKey: ["matching-assessments-pending"],
    queryFn: () => api.get<MatchingAssessment[]>("/api/referrals/placements/matching-assessments"),
    refetchInterval: 60_000,
  });
  return (
    <section aria-labelledby="matching-queue-title">
      <h1 id="matching-queue-title">Matching assessments to decide</h1>
      <p className="hint">
        A child is not admitted to a setting where a resident's risk to others matches them until a senior manager approves
        how that risk will be managed. You cannot decide on an assessment you wrote. Oldest first.
      </p>
      {done && <p role="status" data-testid="matching-decided">{done}</p>}
      {pending.isPending && <p role="status">Loading the matching assessments…</p>}
      {pending.error && <ProblemSummary error={pending.error} />}
      {pending.data?.length === 0 && <p data-testid="matching-queue-empty">No matching assessment is waiting for a decision.</p>}
      <ul className="cards">
        {pending.data?.map((a) => (
          <li key={a.id} className="card" data-testid="matching-assessment">
            <h2>
              <Link to={`/young-people/${a.youngPersonId}`}><PersonName id={a.youngPersonId} /></Link> at {a.setting}
            </h2>
            <p>{a.flagsConsidered} risk-to-others flag{a.flagsConsidered === 1 ? "" : "s"} of residents considered.</p>
            <h3>Analysis</h3>
            <p className="detail">{a.analysis}</p>
            <h3>Safety plan</h3>
            <p className="detail">{a.safetyPlan}</p>
            <p className="signed">Recorded by {a.recordedBy} <When value={a.recordedAt} /></p>
            <Decide assessment={a} onDone={setDone} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function Decide({ assessment: a, onDone }: { assessment: MatchingAssessment; onDone: (message: ReactNode) => void }) {
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<Outcome | "">("");
  const [rationale, setRationale] = useState("");
  const decide = useMutation({
    mutationFn: () => api.post<MatchingAssessment>(`/api/referrals/placements/matching-assessments/${a.id}/decision`, {
      outcome: outcome || null, rationale,
    }),
    onSuccess: async (decided) => {
      onDone(
        <>
          {decided.decision === "Approved" ? "Approved" : "Refused"}: the matching assessment for <PersonName id={decided.youngPersonId} /> at {decided.setting}.
          {decided.decision === "Approved"
            ? " The placement can now be recorded."
            : " The child is not admitted there on this assessment."}
        </>,
      );
      await queryClient.invalidateQueries({ queryKey: ["matching-assessments-pending"] });
      await queryClient.invalidateQueries({ queryKey: ["placements", decided.youngPersonId] });
    },
  });
  const key = `decide-${a.id}`;
  const outcomeError = `${key}-outcome-error`;
  return (
    <form className="note-form" onSubmit={(e) => { e.preventDefault(); decide.mutate(); }} noValidate aria-label="Decide on the matching assessment">
      <fieldset aria-describedby={describedBy(decide.error, "outcome", outcomeError)["aria-describedby"]}>
        <legend>Your decision</legend>
        <label className="choice">
          <input type="radio" name={`${key}-outcome`} value="Approved" checked={outcome === "Approved"} onChange={() => setOutcome("Approved")} />
          {" "}Approve: the child may be admitted with this safety plan
        </label>
        <label className="choice">
          <input type="radio" name={`${key}-outcome`} value="Refused" checked={outcome === "Refused"} onChange={() => setOutcome("Refused")} />
          {" "}Refuse: the child is not admitted there
        </label>
        <FieldError error={decide.error} field="outcome" id={outcomeError} />
      </fieldset>
      <Field id={`${key}-rationale`} field="rationale" label="Why" error={decide.error}>
        {(p) => <textarea {...p} rows={3} value={rationale} onChange={(e) => setRationale(e.target.value)} />}
      </Field>
      <button type="submit" disabled={decide.isPending}>Record the decision</button>
      <ProblemSummary error={decide.error} fields={["outcome", "rationale"]} />
    </form>
  );
}
