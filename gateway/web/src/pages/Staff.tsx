import { useState } from "react";
import { Link } from "react-router";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, ApiError, query } from "../api";
import { Field } from "../components/Field";
import { PersonName, roleLabel } from "../components/PersonName";
import { ProblemSummary } from "../components/Problem";
import { When } from "../components/When";
import { caseStaff } from "../roles";
import type { StaffMember } from "./StrategyActions";

// The staff directory for managers (issue 14 for COM-10; services/Referrals/Features/Staff). A strategy action's owner
// must be an active member of staff; deactivating someone is refused while they still own open actions, which are
// listed with a link to each young person's record so the manager can hand them on first. Loaded on demand.

/** StrategyActionOwners.cs OwnedAction, in the 409 of a deactivation (`openActions`). */
type OwnedAction = { actionId: string; youngPersonId: string; description: string };

export function StaffPage() {
  const [everyone, setEveryone] = useState(false);
  const staff = useQuery({
    queryKey: ["staff", everyone ? "all" : "active"],
    queryFn: () => api.get<StaffMember[]>(`/api/referrals/staff${query({ status: everyone ? "all" : undefined })}`),
  });
  return (
    <section aria-labelledby="staff-title" className="narrow">
      <h1 id="staff-title">Staff</h1>
      <p className="hint">Who can own a strategy action. Someone who leaves is deactivated once their open actions have been reassigned.</p>
      <label className="choice">
        <input type="checkbox" checked={everyone} onChange={(e) => setEveryone(e.target.checked)} /> Show deactivated staff too
      </label>
      <h2>{everyone ? "Everyone registered" : "Active staff"} <span className="count">{staff.data?.length ?? "…"}</span></h2>
      {staff.isPending && <p role="status">Loading the staff…</p>}
      {staff.error && <ProblemSummary error={staff.error} />}
      {staff.data?.length === 0 && <p>Nobody is registered yet.</p>}
      <ul className="cards">
        {staff.data?.map((s) => (
          <li key={s.userId} className="card" data-testid="staff-member">
            <h3>{s.displayName}</h3>
            <p>{s.userId} · {roleLabel(s.role)} · {s.organisation}</p>
            <p className="signed">Registered by {s.registeredBy} <When value={s.registeredAt} /></p>
            {s.active
              ? <Deactivate member={s} />
              : <p className="flag" data-testid="deactivated">Deactivated by {s.deactivatedBy}, <When value={s.deactivatedAt} />: {s.deactivationReason}</p>}
          </li>
        ))}
      </ul>
      <Register />
    </section>
  );
}

function Deactivate({ member: s }: { member: StaffMember }) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState("");
  const deactivate = useMutation({
    mutationFn: () => api.post<StaffMember>(`/api/referrals/staff/${encodeURIComponent(s.userId)}/deactivation`, { reason }),
    onSuccess: async () => {
      setReason("");
      await queryClient.invalidateQueries({ queryKey: ["staff"] });
    },
  });
  const error = deactivate.error;
  const openActions = error instanceof ApiError && error.status === 409
    ? (error.problem as { openActions?: OwnedAction[] }).openActions ?? [] : [];
  return (
    <details>
      <summary>Deactivate {s.displayName}</summary>
      <form className="note-form" onSubmit={(e) => { e.preventDefault(); deactivate.mutate(); }} noValidate aria-label={`Deactivate ${s.displayName}`}>
        <Field id={`deactivate-${s.userId}-reason`} field="reason" label="Why they are deactivated" error={error}>
          {(p) => <textarea {...p} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
        <button type="submit" disabled={deactivate.isPending}>Deactivate</button>
        <ProblemSummary error={error} fields={["reason"]} />
        {openActions.length > 0 && (
          <div className="notice" data-testid="open-actions">
            <p>Reassign each of these on the young person's record, then deactivate {s.displayName}:</p>
            <ul>
              {openActions.map((a) => (
                <li key={a.actionId}>
                  <Link to={`/young-people/${a.youngPersonId}`}><PersonName id={a.youngPersonId} /></Link>: {a.description}
                </li>
              ))}
            </ul>
          </div>
        )}
      </form>
    </details>
  );
}

function Register() {
  const queryClient = useQueryClient();
  const [userId, setUserId] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [role, setRole] = useState("");
  const [organisation, setOrganisation] = useState("");
  const register = useMutation({
    mutationFn: () => api.post<StaffMember>("/api/referrals/staff", {
      userId: userId.trim(), displayName: displayName.trim(), role: role || null, organisation: organisation.trim(),
    }),
    onSuccess: async () => {
      setUserId(""); setDisplayName(""); setRole(""); setOrganisation("");
      await queryClient.invalidateQueries({ queryKey: ["staff"] });
    },
  });
  const error = register.error;
  return (
    <form className="note-form" onSubmit={(e) => { e.preventDefault(); register.mutate(); }} noValidate aria-label="Register a member of staff">
      <h2>Register a member of staff</h2>
      <p className="hint">From any agency, by the user id they sign in with, so that actions can be given to them.</p>
      <Field id="staff-user-id" field="userId" label="Their sign-in user id" error={error}>
        {(p) => <input {...p} value={userId} onChange={(e) => setUserId(e.target.value)} autoComplete="off" />}
      </Field>
      <Field id="staff-name" field="displayName" label="Name" error={error}>
        {(p) => <input {...p} value={displayName} onChange={(e) => setDisplayName(e.target.value)} autoComplete="off" />}
      </Field>
      <Field id="staff-role" field="role" label="Role" error={error}>
        {(p) => (
          <select {...p} value={role} onChange={(e) => setRole(e.target.value)}>
            <option value="">Choose…</option>
            {caseStaff.map((r) => <option key={r} value={r}>{roleLabel(r)}</option>)}
          </select>
        )}
      </Field>
      <Field id="staff-organisation" field="organisation" label="Organisation" error={error}>
        {(p) => <input {...p} value={organisation} onChange={(e) => setOrganisation(e.target.value)} />}
      </Field>
      <button type="submit" disabled={register.isPending}>Register</button>
      <ProblemSummary error={error} fields={["userId", "displayName", "role", "organisation"]} />
      {register.isSuccess && <p role="status">Registered {register.data.displayName} ({register.data.userId}).</p>}
    </form>
  );
}
