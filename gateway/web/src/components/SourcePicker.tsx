import { useQuery } from "@tanstack/react-query";
import { api, query } from "../api";
import { formatInstant, type Instant } from "../time";
import { Field } from "./Field";

// Where on a young person's record a cross-reference or an adult tag comes from (REF-19). The service checks that the
// chosen record is on this young person's record (services/Referrals/Features/CrossReferences/SourceRecords.cs), so
// the records that are in the chronology are offered from it rather than typed.

/** The source kinds the service accepts (SourceRecords.cs), with their labels. */
export const sourceKinds: Record<string, string> = {
  "case-note": "A case note", "chronology-entry": "A chronology entry", visit: "A visit", "strategy-meeting": "A strategy meeting",
  assessment: "An assessment", "risk-assessment": "A risk assessment", referral: "A referral", contact: "Another service's contact",
};

/** ChronologyEntryResponse.cs, the fields the picker shows. */
type Entry = { id: string; kind: string; summary: string; detail: string | null; occurredAt: Instant; sourceService: string; sourceRecordId: string | null };
type ChronologyPage = { entries: Entry[] };

/** The chronology entries a kind is chosen from, and the id each gives; null when the kind's id is typed. */
const fromChronology: Record<string, { offer: (e: Entry) => boolean; id: (e: Entry) => string }> = {
  "case-note": { offer: (e) => e.kind === "CaseNote", id: (e) => e.id },
  "chronology-entry": { offer: () => true, id: (e) => e.id },
  contact: { offer: (e) => e.sourceService !== "referrals" && e.sourceRecordId !== null, id: (e) => e.sourceRecordId! },
};

/** A case note's words are its detail; its summary only says "Case note." */
const clip = (text: string) => (text.length > 70 ? `${text.slice(0, 69)}…` : text);

/** The "which one" control for a source kind: the record's chronology entries to choose from, or its id typed. */
export function SourceReference({ id, youngPersonId, kind, value, onChange, error }: {
  id: string; youngPersonId: string; kind: string; value: string; onChange: (value: string) => void; error: unknown;
}) {
  const picking = fromChronology[kind];
  const entries = useQuery({
    queryKey: ["chronology-sources", youngPersonId],
    queryFn: () => api.get<ChronologyPage>(`/api/referrals/young-people/${youngPersonId}/chronology${query({ limit: 100 })}`),
    enabled: picking !== undefined,
  });
  if (picking) {
    const offered = entries.data?.entries.filter(picking.offer) ?? [];
    return (
      <Field id={id} field="sourceReference" label="Which one (optional)" error={error} hint="The newest hundred entries on this record.">
        {(p) => (
          <select {...p} value={value} onChange={(e) => onChange(e.target.value)}>
            <option value="">{entries.isPending ? "Loading…" : "None in particular"}</option>
            {offered.map((e) => (
              <option key={e.id} value={picking.id(e)}>{formatInstant(e.occurredAt)?.text ?? ""}: {clip(e.detail ?? e.summary)}</option>
            ))}
          </select>
        )}
      </Field>
    );
  }
  return (
    <Field id={id} field="sourceReference" label="Which one (optional)" error={error} hint="The record's id, as shown on it; leave empty for the record as a whole.">
      {(p) => <input {...p} value={value} onChange={(e) => onChange(e.target.value)} autoComplete="off" />}
    </Field>
  );
}
