// Every journey of issue 14 and who it is for. A journey whose API has not landed yet has `ready: false`: its route
// exists (so links and role navigation are settled) but it shows no data until the service provides it.
import {
  aggregateReaders, carers, caseStaff, dataSubjects, disclosureStaff, dutyInboxStaff, leavingCareTeam, managers, outreachStaff, placeReportReaders, referralDeciders,
  seniorManagers,
} from "./roles";

export type Journey = { path: string; label: string; roles: readonly string[]; ready: boolean; arrivesWith?: string };

export const journeys: Journey[] = [
  // REF-26, first so that a senior manager lands on the decisions only they can make (no child is admitted meanwhile).
  { path: "/matching-assessments", label: "Matching assessments to decide", roles: seniorManagers, ready: true },
  // REC-10: the auditor's and the data protection officer's first screen: requests counting down to their deadlines.
  { path: "/subject-access", label: "Subject access requests", roles: disclosureStaff, ready: true },
  // REF-22: the senior managers' queue of critical incidents to acknowledge by their deadlines.
  { path: "/critical-incidents", label: "Critical incidents", roles: seniorManagers, ready: true },
  { path: "/dashboard", label: "Overdue and due today", roles: managers, ready: true },
  { path: "/leaving-care", label: "Leaving care", roles: leavingCareTeam, ready: true },
  // Before "Find a young person" so that an outreach worker lands on the street journey and a duty worker on the inbox.
  { path: "/outreach", label: "Outreach", roles: outreachStaff, ready: true },
  { path: "/support-line", label: "Support line", roles: dutyInboxStaff, ready: true },
  // Before "Find a young person" (carers are case staff) so that a carer lands on the children placed with them.
  { path: "/placed-with-me", label: "Children placed with me", roles: carers, ready: true },
  // REC-10: the only screen a young person or adult survivor signed in to their own record is offered.
  { path: "/my-record", label: "My record", roles: dataSubjects, ready: true },
  { path: "/young-people", label: "Find a young person", roles: caseStaff, ready: true },
  // REF-17, after the landing journeys so nobody lands here: the assessments a worker is invited to contribute to, and
  // the referral tasks completed assessments gave the key worker.
  { path: "/asked-to-contribute", label: "Asked to contribute", roles: caseStaff, ready: true },
  // REF-19: a key worker is told what other records say about their young people, until they acknowledge it.
  { path: "/cross-references", label: "Cross-references for me", roles: caseStaff, ready: true },
  { path: "/need-tasks", label: "My need tasks", roles: referralDeciders, ready: true },
  // COM-10: who can own a strategy action; managers register and deactivate.
  { path: "/staff", label: "Staff", roles: managers, ready: true },
  { path: "/reports", label: "Reports", roles: aggregateReaders, ready: true },
  { path: "/hotspots", label: "Hotspot map", roles: placeReportReaders, ready: true },
  // The worker's own places (OUT-08): the all-workers hotspot report is not theirs to read.
  { path: "/my-places", label: "My places map", roles: outreachStaff, ready: true },
];

export function journeysFor(roles: readonly string[]): Journey[] {
  return journeys.filter((j) => j.roles.some((r) => roles.includes(r)));
}
