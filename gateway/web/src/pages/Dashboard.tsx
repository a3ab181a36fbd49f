import { useState, type ReactNode } from "react";
import { useQuery } from "@tanstack/react-query";
import { api } from "../api";
import { Deadline } from "../components/Countdown";
import { Panel, Row } from "../components/Panel";
import { useYoungPersonNames } from "../components/PersonName";
import { When } from "../components/When";
import { AssessmentPanels } from "./Assessments";
import { SupervisionGapsPanel } from "./Supervision";
import { ActionControls, RagBadge, type StrategyAction } from "./StrategyActions";
import type { Instant } from "../time";

type Referral = { id: string; youngPersonId: string; cseType: string; priority: string; decisionDue: Instant; escalated: boolean };
type RiskReview = { id: string; youngPersonId: string; trigger: string; dueAt: Instant; dueAtLondon?: string; urgent: boolean; owner: string | null };
type Interview = { id: string; youngPersonId: string; youngPersonName: string | null; status: string; dueAt: Instant; isOverdue: boolean };
type Pathway = { id: string; youngPersonId: string; stage: string; dueAt: Instant; dueAtLondon?: string | null };
type UnallocatedCase = {
  id: string; youngPersonId: string; leadTeam: string; unallocatedSince: Instant; unallocatedDays: number; riskLevel: string | null;
  escalatesAt: Instant; escalated: boolean;
};
/** REF-23, services/Referrals/Features/Cases/VisitGaps.cs: an open case past the days its risk level allows without a visit. */
type VisitGap = {
  caseId: string; youngPersonId: string; keyWorker: string | null; riskLevel: string | null; lastFaceToFaceAt: Instant;
  allowedDays: number; dueAt: Instant; daysWithoutFaceToFace: number;
};
/** COM-08, services/Referrals/Features/Cases/Caseloads.cs: each key worker's open cases weighted by risk. */
type Caseload = {
  keyWorker: string; leadTeam: string | null; openCases: number; veryHigh: number; high: number; medium: number; low: number; notRated: number;
  weighted: number; overThreshold: boolean;
};
type Caseloads = { weightedThreshold: number; workers: Caseload[] };
type Escalation = {
  id: string; youngPersonId: string; decisionKind: string; reviewerRole: string; lodgedByRole: string; respondBy: Instant;
  overdue: boolean; ageInDays: number; proceduralDefects: unknown[];
};

/**
 * The team manager's view of everything overdue or due today (REF-04, REF-16, MIS-02, REF-10/11, REF-23) and the open
 * professional escalations with their age (REF-21), the open cases past their visit gap (REF-23), each row a
 * link to the young person's record. Both lists come from the services, which compute every deadline and what "today"
 * means in London (`overdue=true`, `dueToday=true`): the app never decides on its own clock what is late.
 */
export function Dashboard() {
  // What the last defer, completion or reassignment of a strategy action did: the row itself may leave its list.
  const [actionDone, setActionDone] = useState<ReactNode>(null);
  const get = <T,>(key: string, path: string) => ({ queryKey: ["dash", key], queryFn: () => api.get<T>(path), refetchInterval: 60_000 });
  const referrals = useQuery(get<Referral[]>("referrals", "/api/referrals?overdue=true"));
  const referralsToday = useQuery(get<Referral[]>("referrals-today", "/api/referrals?dueToday=true"));
  const reviews = useQuery(get<RiskReview[]>("reviews", "/api/referrals/risk-reviews?overdue=true"));
  const reviewsToday = useQuery(get<RiskReview[]>("reviews-today", "/api/referrals/risk-reviews?dueToday=true"));
  const interviews = useQuery(get<Interview[]>("interviews", "/api/missing/return-interviews?overdue=true"));
  const interviewsToday = useQuery(get<Interview[]>("interviews-today", "/api/missing/return-interviews?dueToday=true"));
  const pathways = useQuery(get<Pathway[]>("s47", "/api/referrals/s47-pathways?overdue=true"));
  const pathwaysToday = useQuery(get<Pathway[]>("s47-today", "/api/referrals/s47-pathways?dueToday=true"));
  const actions = useQuery(get<StrategyAction[]>("actions", "/api/referrals/strategy-actions?overdue=true"));
  const actionsToday = useQuery(get<StrategyAction[]>("actions-today", "/api/referrals/strategy-actions?dueToday=true"));
  const cases = useQuery(get<UnallocatedCase[]>("cases", "/api/referrals/cases?unallocated=true"));
  const visitGaps = useQuery(get<VisitGap[]>("visit-gaps", "/api/referrals/cases/visit-gaps"));
  // REF-21: "Open escalations appear on the senior manager's dashboard with their age in days", oldest first.
  const escalations = useQuery(get<Escalation[]>("escalations", "/api/referrals/escalations?status=open"));
  const caseloads = useQuery(get<Caseloads>("caseloads", "/api/referrals/cases/caseloads"));
  const overloaded = caseloads.data?.workers.filter((w) => w.overThreshold);
  // The Referrals lists carry ids only: one audited request names everyone they list.
  const listed = [referrals, referralsToday, reviews, reviewsToday, pathways, pathwaysToday, actions, actionsToday, cases, visitGaps, escalations]
    .flatMap((q) => (q.data ?? []).map((row) => row.youngPersonId));
  const names = useYoungPersonNames(listed);
  const nameOf = (id: string) => names.get(id);

  const referralRows = (list: Referral[] | undefined) => list?.map((r) => (
    <Row key={r.id} youngPersonId={r.youngPersonId} name={nameOf(r.youngPersonId)} label={`${r.cseType}, ${r.priority}${r.escalated ? ", escalated" : ""}`}>
      Decision <Deadline due={r.decisionDue} />
    </Row>
  ));
  const reviewRows = (list: RiskReview[] | undefined) => list?.map((r) => (
    <Row key={r.id} youngPersonId={r.youngPersonId} name={nameOf(r.youngPersonId)} label={`${r.trigger}${r.urgent ? ", urgent" : ""}, owner ${r.owner ?? "none"}`}>
      Review <Deadline due={r.dueAt} london={r.dueAtLondon} />
    </Row>
  ));
  const interviewRows = (list: Interview[] | undefined) => list?.map((i) => (
    <Row key={i.id} youngPersonId={i.youngPersonId} label={`${i.youngPersonName ?? "Young person"}, ${i.status}`}>
      Interview <Deadline due={i.dueAt} />
    </Row>
  ));
  const pathwayRows = (list: Pathway[] | undefined) => list?.map((p) => (
    <Row key={p.id} youngPersonId={p.youngPersonId} name={nameOf(p.youngPersonId)} label={p.stage}>
      Stage <Deadline due={p.dueAt} london={p.dueAtLondon} />
    </Row>
  ));
  const actionRows = (list: StrategyAction[] | undefined) => list?.map((a) => (
    <Row key={a.id} youngPersonId={a.youngPersonId} name={nameOf(a.youngPersonId)} label={`${a.description} (${a.owner})`}>
      Action <Deadline due={a.dueAt} /> · <RagBadge rag={a.rag} />{a.slipped ? " · slipped" : ""}
      <ActionControls action={a} onDone={setActionDone} />
    </Row>
  ));

  return (
    <section aria-labelledby="dashboard-title">
      <h1 id="dashboard-title">Overdue and due today</h1>
      <p className="hint">Deadlines are computed by the services and shown in UK time; "due today" means before midnight in London and not yet missed.</p>
      {actionDone && <p role="status" className="notice" data-testid="action-done">{actionDone}</p>}
      <div className="dashboard">
        <Panel title="Referral decisions overdue" query={referrals} count={referrals.data?.length}>{referralRows(referrals.data)}</Panel>
        <Panel title="Referral decisions due today" query={referralsToday} count={referralsToday.data?.length}>{referralRows(referralsToday.data)}</Panel>
        <Panel title="Risk reviews overdue" query={reviews} count={reviews.data?.length}>{reviewRows(reviews.data)}</Panel>
        <Panel title="Risk reviews due today" query={reviewsToday} count={reviewsToday.data?.length}>{reviewRows(reviewsToday.data)}</Panel>
        <Panel title="Return interviews overdue" query={interviews} count={interviews.data?.length}>{interviewRows(interviews.data)}</Panel>
        <Panel title="Return interviews due today" query={interviewsToday} count={interviewsToday.data?.length}>{interviewRows(interviewsToday.data)}</Panel>
        <Panel title="s47 stages overdue" query={pathways} count={pathways.data?.length}>{pathwayRows(pathways.data)}</Panel>
        <Panel title="s47 stages due today" query={pathwaysToday} count={pathwaysToday.data?.length}>{pathwayRows(pathwaysToday.data)}</Panel>
        <Panel title="Strategy actions overdue" query={actions} count={actions.data?.length}>{actionRows(actions.data)}</Panel>
        <Panel title="Strategy actions due today" query={actionsToday} count={actionsToday.data?.length}>{actionRows(actionsToday.data)}</Panel>
        <Panel title="Unallocated cases, highest risk first" query={cases} count={cases.data?.length}>
          {cases.data?.map((c) => (
            <Row key={c.id} youngPersonId={c.youngPersonId} name={nameOf(c.youngPersonId)}
              label={`${c.leadTeam}: ${c.riskLevel ?? "risk not rated"}, ${c.unallocatedDays} ${c.unallocatedDays === 1 ? "day" : "days"} unallocated${c.escalated ? ", escalated" : ""}`}>
              Unallocated since <When value={c.unallocatedSince} />
            </Row>
          ))}
        </Panel>
        <Panel title="Cases past their visit gap, longest overdue first" query={visitGaps} count={visitGaps.data?.length}>
          {visitGaps.data?.map((g) => (
            <Row key={g.caseId} youngPersonId={g.youngPersonId} name={nameOf(g.youngPersonId)}
              label={`${g.riskLevel ?? "risk not rated"}: ${days(g.daysWithoutFaceToFace)} since ${g.lastFaceToFaceAt ? "the last face-to-face visit" : "the case opened, no face-to-face visit"} (${days(g.allowedDays)} allowed), key worker ${g.keyWorker ?? "none"}`}>
              {g.lastFaceToFaceAt ? <>Last visit <When value={g.lastFaceToFaceAt} /> · </> : null}Visit due <Deadline due={g.dueAt} />
            </Row>
          ))}
        </Panel>
        <Panel title="Caseloads over the threshold" query={caseloads} count={overloaded?.length}>
          {overloaded?.map((w) => (
            <li key={w.keyWorker}>
              <strong>{w.keyWorker}</strong>{w.leadTeam ? ` (${w.leadTeam})` : ""}: weighted {w.weighted} against {caseloads.data?.weightedThreshold}
              <div>{w.openCases} open: {w.veryHigh} very high, {w.high} high, {w.medium} medium, {w.low} low, {w.notRated} not rated</div>
            </li>
          ))}
        </Panel>
        <SupervisionGapsPanel />
        <AssessmentPanels />
        <Panel title="Open escalations, oldest first" query={escalations} count={escalations.data?.length}>
          {escalations.data?.map((e) => (
            <Row key={e.id} youngPersonId={e.youngPersonId} name={nameOf(e.youngPersonId)}
              label={`${e.decisionKind} challenged by ${e.lodgedByRole}, ${e.ageInDays} ${e.ageInDays === 1 ? "day" : "days"} old, for a ${e.reviewerRole}${e.overdue ? ", overdue" : ""}`}>
              Written response <Deadline due={e.respondBy} />
            </Row>
          ))}
        </Panel>
      </div>
    </section>
  );
}

const days = (n: number) => `${n} ${n === 1 ? "day" : "days"}`;
