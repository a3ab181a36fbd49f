// Every journey of issue 14 and who it is for. A journey whose API has not landed yet has `ready: false`: its route
// exists (so links and role navigation are settled) but it shows no data until the service provides it.
import { aggregateReaders, caseStaff, leavingCareTeam, managers, Roles } from "./roles";

export type Journey = { path: string; label: string; roles: readonly string[]; ready: boolean; arrivesWith?: string };

export const journeys: Journey[] = [
  { path: "/dashboard", label: "Overdue and due today", roles: managers, ready: true },
  { path: "/leaving-care", label: "Leaving care", roles: leavingCareTeam, ready: true },
  { path: "/young-people", label: "Find a young person", roles: caseStaff, ready: true },
  { path: "/outreach", label: "Outreach", roles: [Roles.OutreachWorker], ready: false, arrivesWith: "the Outreach API" },
  { path: "/support-line", label: "Support line", roles: [Roles.SupportLineOperator, ...managers], ready: false, arrivesWith: "the SupportLine API" },
  { path: "/reports", label: "Reports", roles: aggregateReaders, ready: false, arrivesWith: "the commissioning reports (Therapy service)" },
];

export function journeysFor(roles: readonly string[]): Journey[] {
  return journeys.filter((j) => j.roles.some((r) => roles.includes(r)));
}
