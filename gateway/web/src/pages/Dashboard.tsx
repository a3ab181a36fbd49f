import type { ReactNode } from "react";
import { Link } from "react-router";
import { useQuery } from "@tanstack/react-query";
import { api } from "../api";
import { Deadline } from "../components/Countdown";
import { ProblemSummary } from "../components/Problem";
import { When } from "../components/When";
import type { Instant } from "../time";

type OverdueReferral = { id: string; youngPersonId: string; cseType: string; priority: string; decisionDue: Instant; escalated: boolean };
type RiskReview = { id: string; youngPersonId: string; trigger: string; dueAt: Instant; dueAtLondon?: string; urgent: boolean; owner: string | null };
type Interview = { id: string; youngPersonId: string; youngPersonName: string | null; status: string; dueAt: Instant; isOverdue: boolean };
type Pathway = { id: string; youngPersonId: string; stage: string; dueAt: Instant; dueAtLondon?: string | null };
type StrategyAction = { id: string; youngPersonId: string; description: string; owner: string; dueAt: Instant; dueAtLondon?: string };
type Case = { id: string; youngPersonId: string; leadTeam: string; allocationCriterion: string; openedAt: Instant };

/**
 * The team manager's view of everything overdue or due today (REF-04, REF-16, MIS, REF-10/11, REF-23), each row a link
 * to the young person's record. Lists the server computes as overdue are shown as they are; the APIs offer no
 * "due today" list for referrals, reviews, s47 stages and actions yet, so those panels show what is already late.
 */
export function Dashboard() {
  const referrals = useQuery({ queryKey: ["dash", "referrals"], queryFn: () => api.get<OverdueReferral[]>("/api/referrals?overdue=true") });
  const reviews = useQuery({ queryKey: ["dash", "reviews"], queryFn: () => api.get<RiskReview[]>("/api/referrals/risk-reviews?overdue=true") });
  const interviews = useQuery({ queryKey: ["dash", "interviews"], queryFn: () => api.get<Interview[]>("/api/missing/return-interviews") });
  const pathways = useQuery({ queryKey: ["dash", "s47"], queryFn: () => api.get<Pathway[]>("/api/referrals/s47-pathways?overdue=true") });
  const actions = useQuery({ queryKey: ["dash", "actions"], queryFn: () => api.get<StrategyAction[]>("/api/referrals/strategy-actions?overdue=true") });
  const cases = useQuery({ queryKey: ["dash", "cases"], queryFn: () => api.get<Case[]>("/api/referrals/cases?unallocated=true") });
  // Every open interview falls due within 72 hours of the return (MIS), so all of them are shown, soonest first.
  const interviewsDue = interviews.data;

  return (
    <section aria-labelledby="dashboard-title">
      <h1 id="dashboard-title">Overdue and due today</h1>
      <div className="dashboard">
        <Panel title="Referral decisions overdue" query={referrals} count={referrals.data?.length}>
          {referrals.data?.map((r) => (
            <Row key={r.id} youngPersonId={r.youngPersonId} label={`${r.cseType}, ${r.priority}${r.escalated ? ", escalated" : ""}`}>
              Decision <Deadline due={r.decisionDue} />
            </Row>
          ))}
        </Panel>
        <Panel title="Risk reviews overdue" query={reviews} count={reviews.data?.length}>
          {reviews.data?.map((r) => (
            <Row key={r.id} youngPersonId={r.youngPersonId} label={`${r.trigger}${r.urgent ? ", urgent" : ""}, owner ${r.owner ?? "none"}`}>
              Review <Deadline due={r.dueAt} london={r.dueAtLondon} />
            </Row>
          ))}
        </Panel>
        <Panel title="Return interviews not done, soonest due first" query={interviews} count={interviewsDue?.length}>
          {interviewsDue?.map((i) => (
            <Row key={i.id} youngPersonId={i.youngPersonId} label={`${i.youngPersonName ?? "Young person"}, ${i.status}`}>
              Interview <Deadline due={i.dueAt} />
            </Row>
          ))}
        </Panel>
        <Panel title="s47 stages overdue" query={pathways} count={pathways.data?.length}>
          {pathways.data?.map((p) => (
            <Row key={p.id} youngPersonId={p.youngPersonId} label={p.stage}>
              Stage <Deadline due={p.dueAt} london={p.dueAtLondon} />
            </Row>
          ))}
        </Panel>
        <Panel title="Strategy actions overdue" query={actions} count={actions.data?.length}>
          {actions.data?.map((a) => (
            <Row key={a.id} youngPersonId={a.youngPersonId} label={`${a.description} (${a.owner})`}>
              Action <Deadline due={a.dueAt} london={a.dueAtLondon} />
            </Row>
          ))}
        </Panel>
        <Panel title="Unallocated cases, highest risk first" query={cases} count={cases.data?.length}>
          {cases.data?.map((c) => (
            <Row key={c.id} youngPersonId={c.youngPersonId} label={`${c.leadTeam}: ${c.allocationCriterion}`}>
              Open since <When value={c.openedAt} />
            </Row>
          ))}
        </Panel>
      </div>
    </section>
  );
}

function Panel({ title, query, count, children }: {
  title: string; query: { isPending: boolean; error: unknown }; count: number | undefined; children: ReactNode;
}) {
  const id = title.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  return (
    <section aria-labelledby={id} className="panel" data-testid={id}>
      <h2 id={id}>{title} <span className="count">{count ?? "…"}</span></h2>
      {query.error ? <ProblemSummary error={query.error} /> : null}
      {count === 0 && <p className="none">Nothing.</p>}
      <ul>{children}</ul>
    </section>
  );
}

function Row({ youngPersonId, label, children }: { youngPersonId: string; label: string; children: ReactNode }) {
  return (
    <li>
      <Link to={`/young-people/${youngPersonId}`}>{label}</Link>
      <div>{children}</div>
    </li>
  );
}
