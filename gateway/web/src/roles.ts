// Role codes from services/BuildingBlocks/Support.ServiceDefaults/Auth/Roles.cs (domain brief §1). The app only
// decides what to offer; the gateway and each service enforce who may see what (401/403).
export const Roles = {
  OutreachWorker: "OutreachWorker", SocialWorker: "SocialWorker", TeamManager: "TeamManager",
  SeniorManager: "SeniorManager", PersonalAdviser: "PersonalAdviser", SupportLineOperator: "SupportLineOperator",
  Commissioner: "Commissioner", Governance: "Governance", Auditor: "Auditor", DataProtectionOfficer: "DataProtectionOfficer", Carer: "Carer",
  YoungPerson: "YoungPerson", Survivor: "Survivor",
} as const;

export const caseStaff = [
  "OutreachWorker", "SocialWorker", "TeamManager", "SeniorManager", "Chair", "IRO", "RhiWorker", "PoliceLiaison",
  "Therapist", "CamhsClinician", "HealthPartner", "PersonalAdviser", "AdultServices", "SchoolSafeguardingLead", "Carer",
  "SupportLineOperator", "Auditor",
];
export const managers = [Roles.TeamManager, Roles.SeniorManager];
/** REF-26: only a senior manager decides on a matching assessment (PlacementEndpoints: the queue and the decision). */
export const seniorManagers = [Roles.SeniorManager];
/** Roles.ReferralDeciders (docs/access-matrix.md): who records placements, risk to others and the must-not-have-contact list. */
export const referralDeciders = [Roles.SocialWorker, ...managers];
export const leavingCareTeam = [Roles.PersonalAdviser, ...managers];
/** services/Outreach/README.md: "outreach staff" write contacts, aliases and see their referrals. */
export const outreachStaff = [Roles.OutreachWorker, ...managers];
/** services/SupportLine ConversationEndpoints.InboxRoles: who works the duty inbox. */
export const dutyInboxStaff = [Roles.SupportLineOperator, Roles.OutreachWorker, ...managers];
/** Residential workers and foster carers (REF-27): the children placed with them, their lists, reporting contact. */
export const carers = [Roles.Carer];
/** Roles.DataSubjects (gateway policy DataSubjects): a young person or adult survivor signed in to their own record (REC-10). */
export const dataSubjects = [Roles.YoungPerson, Roles.Survivor];
/** DisclosureEndpoints.DisclosureRoles: who makes, redacts and releases disclosure packs and answers subject access (REC-08..10). */
export const disclosureStaff = [Roles.Auditor, Roles.DataProtectionOfficer];
/** Roles.HistoricFigureImporters: who loads a council's figures for the years before the platform (COM-01). */
export const historicFigureImporters = [Roles.Commissioner, Roles.Governance];
export const aggregateReaders = [Roles.Commissioner, Roles.Governance, Roles.TeamManager, Roles.SeniorManager, Roles.Auditor];

/** Roles.PlaceReportReaders: the aggregate readers and police liaison (OUT-08, the hotspot report). */
export const placeReportReaders = [...aggregateReaders, "PoliceLiaison"];

export function hasAnyRole(roles: readonly string[], allowed: readonly string[]): boolean {
  return roles.some((r) => allowed.includes(r));
}
