import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, ApiError } from "../api";
import { Field, instantFromLocalInput, nowForLocalInput } from "../components/Field";
import { ProblemSummary } from "../components/Problem";
import { When } from "../components/When";
import { formatDate, type Instant } from "../time";

// The carer's journey (issue 14, REF-27; services/Referrals/Features/Placements/README.md). Casey-M's foster carer let
// the perpetrator "accompany her on holiday": a carer sees, first, who must not have contact with each child placed
// with them and how to recognise them, and reports contact by one of them, which alerts a senior manager at once.
// Phone-first: one column, big targets, the time defaulting to now.

/** services/Referrals/Features/Placements/ReadMyPlacements.cs */
type CarerPlacement = {
  placementId: string; youngPersonId: string; name: string; age: number; setting: string; type: string; startedOn: string;
  reviewBy: string | null;
};
/** PlacementResponses.cs BarredPersonResponse */
type BarredPerson = { id: string; youngPersonId: string; name: string; description: string };
/** PlacementResponses.cs BarredContactResponse */
type BarredContactReceipt = { id: string; barredPersonId: string; occurredAt: Instant; criticalIncidentId: string };

const placementTypes: Record<string, string> = {
  Home: "at home", FosterCare: "in foster care", SpecialistFosterCare: "in specialist foster care", Residential: "in residential care",
  Secure: "in secure care", Hostel: "in a hostel", SupportedLodgings: "in supported lodgings", OutOfArea: "out of area",
};

export function PlacedWithMe() {
  const placements = useQuery({
    queryKey: ["placements-mine"],
    queryFn: () => api.get<CarerPlacement[]>("/api/referrals/placements/mine"),
  });
  return (
    <section aria-labelledby="placed-title" className="phone-first">
      <h1 id="placed-title">Children placed with me</h1>
      {placements.isPending && <p role="status">Loading the children placed with you…</p>}
      {placements.error && <ProblemSummary error={placements.error} />}
      {placements.data?.length === 0 && (
        <p>No child is placed with you at the moment. When a social worker places a child with you, they appear here.</p>
      )}
      {placements.data?.map((p) => <PlacedChild key={p.placementId} placement={p} />)}
    </section>
  );
}

function PlacedChild({ placement }: { placement: CarerPlacement }) {
  const p = placement;
  const barred = useQuery({
    queryKey: ["barred-persons", p.youngPersonId],
    queryFn: () => api.get<BarredPerson[]>(`/api/referrals/young-people/${p.youngPersonId}/barred-persons`),
  });
  const titleId = `child-${p.placementId}`;
  return (
    <article aria-labelledby={titleId} className="card" data-testid="placed-child">
      <h2 id={titleId}>{p.name}, aged {p.age}</h2>
      <p className="facts">
        Placed with you {placementTypes[p.type] ?? p.type} at {p.setting} since {formatDate(p.startedOn)}
        {p.reviewBy && <> · placement review by {formatDate(p.reviewBy)}</>}
      </p>
      <section aria-labelledby={`barred-${p.placementId}`} className="barred" data-testid="must-not-have-contact">
        <h3 id={`barred-${p.placementId}`}>Must not have contact with {p.name}</h3>
        {barred.isPending && <p role="status">Loading the list…</p>}
        {barred.error && <ProblemSummary error={barred.error} />}
        {barred.data?.length === 0 && <p>Nobody is on {p.name}'s must-not-have-contact list.</p>}
        {barred.data && barred.data.length > 0 && (
          <>
            <p>If {p.name} is in danger now, call 999. If one of these people contacts {p.name} or comes to your home, report it below straight away.</p>
            <ul className="barred-people">
              {barred.data.map((b) => (
                <li key={b.id} data-testid="barred-person">
                  <strong className="barred-name">{b.name}</strong>
                  <p>How to recognise them: {b.description}</p>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      {barred.data && barred.data.length > 0 && <ReportContact placement={p} people={barred.data} />}
    </article>
  );
}

/** A refusal in plain words: what went wrong and what to do instead. Field errors are shown under their field. */
function Refusal({ error, name }: { error: unknown; name: string }) {
  if (error instanceof ApiError && error.status === 409) {
    return (
      <div role="alert" className="problem">
        <p><strong>The report was not sent: {name}'s placement with you has ended.</strong></p>
        <p>Tell {name}'s social worker about the contact straight away.</p>
      </div>
    );
  }
  if (error instanceof ApiError && error.status === 403) {
    return (
      <div role="alert" className="problem">
        <p><strong>The report was not sent: {name} is no longer placed with you.</strong></p>
        <p>Tell {name}'s social worker about the contact straight away.</p>
      </div>
    );
  }
  return <ProblemSummary error={error} fields={["barredPersonId", "occurredAt", "account"]} />;
}

function ReportContact({ placement, people }: { placement: CarerPlacement; people: BarredPerson[] }) {
  const queryClient = useQueryClient();
  const [barredPersonId, setBarredPersonId] = useState("");
  const [occurredAt, setOccurredAt] = useState(nowForLocalInput);
  const [account, setAccount] = useState("");
  const report = useMutation({
    mutationFn: () => api.post<BarredContactReceipt>(`/api/referrals/placements/${placement.placementId}/barred-contacts`, {
      barredPersonId: barredPersonId || null, occurredAt: instantFromLocalInput(occurredAt), account,
    }),
    onSuccess: () => { setAccount(""); setBarredPersonId(""); },
    onError: async (error) => {
      // The placement ended or is no longer shared: the list of children placed with the carer has changed.
      if (error instanceof ApiError && (error.status === 409 || error.status === 403)) {
        await queryClient.invalidateQueries({ queryKey: ["placements-mine"] });
      }
    },
  });
  const key = `contact-${placement.placementId}`;
  const receipt = report.data;
  const reported = receipt ? people.find((b) => b.id === receipt.barredPersonId) : undefined;
  return (
    <form className="note-form" onSubmit={(e) => { e.preventDefault(); report.mutate(); }} noValidate
      aria-labelledby={`${key}-title`}>
      <h3 id={`${key}-title`}>Report contact with {placement.name}</h3>
      <Field id={`${key}-who`} field="barredPersonId" label="Who made contact" error={report.error}>
        {(f) => (
          <select {...f} value={barredPersonId} onChange={(e) => setBarredPersonId(e.target.value)}>
            <option value="">Choose a person from the list</option>
            {people.map((b) => <option key={b.id} value={b.id}>{b.name}</option>)}
          </select>
        )}
      </Field>
      <Field id={`${key}-when`} field="occurredAt" label="When it happened" error={report.error}>
        {(f) => <input {...f} type="datetime-local" value={occurredAt} onChange={(e) => setOccurredAt(e.target.value)} />}
      </Field>
      <Field id={`${key}-what`} field="account" label="What happened" error={report.error}
        hint="Where, how they made contact, what was said or done, and what you did.">
        {(f) => <textarea {...f} rows={4} value={account} onChange={(e) => setAccount(e.target.value)} />}
      </Field>
      <button type="submit" className="big" disabled={report.isPending}>Report the contact</button>
      <Refusal error={report.error} name={placement.name} />
      {receipt && (
        <p role="status" className="notice">
          Reported: contact by {reported?.name ?? "a listed person"} on <When value={receipt.occurredAt} />.{" "}
          <strong>A senior manager has been alerted.</strong>
        </p>
      )}
    </form>
  );
}
