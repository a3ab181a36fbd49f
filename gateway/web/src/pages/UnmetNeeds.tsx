import { useQuery } from "@tanstack/react-query";
import { api } from "../api";
import { useSession } from "../auth/useSession";
import { ProblemSummary } from "../components/Problem";
import { RecordUnmetNeedMet, unmetReasons } from "../components/UnmetNeedMet";
import { When } from "../components/When";
import { hasAnyRole, referralDeciders } from "../roles";
import { formatDate, type Instant } from "../time";

// The unmet needs section of the young person's record (issue 13, COM-05; services/Referrals/Features/UnmetNeeds/).

/** services/Referrals/Features/UnmetNeeds/UnmetNeedResponses.cs UnmetNeedResponse */
type ReferralUnmetNeed = {
  id: string; needCategory: string; reason: string; source: string; sourceId: string; since: string; recordedAt: Instant; recordedBy: string;
  met: { metOn: string; how: string; recordedAt: Instant; recordedBy: string } | null;
};

/** Support.Referrals.Domain.UnmetNeeds.UnmetNeedSource: where in Referrals the need was found. */
const sources: Record<string, string> = {
  AssessmentSignOff: "an assessment's plan", NeedTask: "a need task", Placement: "a placement for cost or shortage",
};

/**
 * COM-05: the needs Referrals found unmet (an assessment's plan, a need task, a placement for cost or shortage), oldest
 * first; social workers and managers record one met when it is met, and the platform's ledger counts it so from then.
 */
export function UnmetNeedsSection({ id }: { id: string }) {
  const session = useSession();
  const mayRecord = hasAnyRole(session?.roles ?? [], referralDeciders);
  const queryKey = ["referral-unmet-needs", id];
  const needs = useQuery({ queryKey, queryFn: () => api.get<ReferralUnmetNeed[]>(`/api/referrals/young-people/${id}/unmet-needs`) });
  return (
    <section aria-labelledby="referral-unmet-title" data-testid="unmet-needs">
      <h2 id="referral-unmet-title">Unmet needs</h2>
      {needs.isPending && <p role="status">Loading the unmet needs…</p>}
      {needs.error && <ProblemSummary error={needs.error} />}
      {needs.data && (needs.data.length === 0 ? <p className="none">None recorded.</p> : (
        <ul className="unmet-needs">
          {needs.data.map((n) => (
            <li key={n.id} data-testid="unmet-need">
              <strong>{n.needCategory}</strong>: {unmetReasons[n.reason] ?? n.reason}, unmet since {formatDate(n.since)}, from {sources[n.source] ?? n.source}
              {" "}(recorded by {n.recordedBy}, <When value={n.recordedAt} />)
              {n.met
                ? <p className="met">Met on {formatDate(n.met.metOn)}: {n.met.how} (recorded by {n.met.recordedBy})</p>
                : mayRecord && <RecordUnmetNeedMet url={`/api/referrals/young-people/${id}/unmet-needs/${n.id}/met`} queryKey={queryKey}
                    needId={n.id} needLabel={n.needCategory} />}
            </li>
          ))}
        </ul>
      ))}
    </section>
  );
}
