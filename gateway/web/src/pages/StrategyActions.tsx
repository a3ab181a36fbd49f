import { useState, type ReactNode } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, query } from "../api";
import { useSession } from "../auth/useSession";
import { Deadline } from "../components/Countdown";
import { Field, instantFromLocalInput } from "../components/Field";
import { ProblemSummary } from "../components/Problem";
import { When } from "../components/When";
import { hasAnyRole, managers } from "../roles";
import type { LondonTime } from "../time";

// Strategy actions on the young person's record and the manager's dashboard (issue 14 for REF-11 and COM-10;
// services/Referrals/Features/StrategyMeetings). An action slips honestly: a deferral keeps the date agreed at the
// meeting, marks it slipped and counts the moves, and its RAG stays judged against the agreed date. A manager hands an
// action to another active member of staff, so someone leaving can be deactivated. Loaded on demand (500 kB budget).

/** StrategyMeetingResponses.cs StrategyActionResponse */
export type StrategyAction = {
  id: string; meetingId: string; youngPersonId: string; description: string; owner: string; originalOwner: string; reassignments: number;
  dueAt: LondonTime; originalDueAt: LondonTime; slipped: boolean; deferrals: number; rag: Rag; completed: boolean;
  completedAt: LondonTime | null; completedLate: boolean | null; completedBy: string | null; overdue: boolean;
};
type Rag = "Green" | "Amber" | "Red" | "Done";
/** services/Referrals/Features/Staff/StaffMemberResponse.cs */
export type StaffMember = {
  userId: string; displayName: string; role: string; organisation: string; active: boolean; registeredAt: LondonTime; registeredBy: string;
  deactivatedAt: LondonTime | null; deactivatedBy: string | null; deactivationReason: string | null;
};

/** COM-10's RAG in words as well as colour: judged against the date agreed at the meeting, never a moved one. */
const rags: Record<Rag, string> = {
  Green: "Green: on time", Amber: "Amber: slipped or due within a day", Red: "Red: past the date agreed", Done: "Done",
};

export function RagBadge({ rag }: { rag: Rag }) {
  return <span className={`rag rag-${rag}`} data-testid="rag">RAG {rags[rag] ?? rag}</span>;
}

/** The agreed and current due times and how often the action moved, as the service computed them. */
function Slipped({ action: a }: { action: StrategyAction }) {
  if (!a.slipped) return null;
  return (
    <p data-testid="slipped">
      <strong className="flag">Slipped</strong>: deferred {times(a.deferrals)}; agreed at the meeting for <When value={a.originalDueAt} />
    </p>
  );
}

const times = (n: number) => (n === 1 ? "once" : n === 2 ? "twice" : `${n} times`);

// ---------------------------------------------------------------------------------------------------------------
// On the record.

export function StrategyActionsSection({ id }: { id: string }) {
  const [done, setDone] = useState<ReactNode>(null);
  const actions = useQuery({
    queryKey: ["strategy-actions", id],
    queryFn: () => api.get<StrategyAction[]>(`/api/referrals/strategy-actions${query({ youngPersonId: id })}`),
  });
  const open = actions.data?.filter((a) => !a.completed) ?? [];
  const completed = actions.data?.filter((a) => a.completed) ?? [];
  return (
    <section aria-labelledby="strategy-actions-title" data-testid="strategy-actions">
      <h2 id="strategy-actions-title">Strategy actions</h2>
      {actions.isPending && <p role="status">Loading the actions…</p>}
      {actions.error && <ProblemSummary error={actions.error} />}
      {actions.data?.length === 0 && <p>No action from a strategy meeting is recorded for them.</p>}
      {done && <p role="status" data-testid="action-done">{done}</p>}
      <ul className="cards">
        {open.map((a) => (
          <li key={a.id} className="card" data-testid="strategy-action">
            <ActionSummary action={a} />
            <ActionControls action={a} onDone={setDone} />
          </li>
        ))}
      </ul>
      {completed.length > 0 && (
        <details data-testid="completed-actions">
          <summary>Completed actions ({completed.length})</summary>
          <ul className="cards">
            {completed.map((a) => <li key={a.id} className="card" data-testid="strategy-action"><ActionSummary action={a} /></li>)}
          </ul>
        </details>
      )}
    </section>
  );
}

function ActionSummary({ action: a }: { action: StrategyAction }) {
  return (
    <>
      <p><strong>{a.description}</strong></p>
      <p data-testid="action-owner">
        Owner {a.owner}{a.reassignments > 0 && <> (agreed with {a.originalOwner}; reassigned {times(a.reassignments)})</>}
      </p>
      {a.completed
        ? <p>Done by {a.completedBy}, <When value={a.completedAt} />{a.completedLate ? ", later than the date agreed" : ""}</p>
        : <p>Due <Deadline due={a.dueAt} /></p>}
      <Slipped action={a} />
      <p><RagBadge rag={a.rag} /></p>
    </>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// What can be done with an open action: on the record and on the manager's dashboard.

export function ActionControls({ action: a, onDone }: { action: StrategyAction; onDone: (message: ReactNode) => void }) {
  const session = useSession();
  const isManager = hasAnyRole(session?.roles ?? [], managers);
  if (a.completed) return null;
  return (
    <div className="action-controls">
      <details>
        <summary>Defer</summary>
        <DeferAction action={a} onDone={onDone} />
      </details>
      <details>
        <summary>Record as done</summary>
        <CompleteAction action={a} onDone={onDone} />
      </details>
      {isManager && (
        <details>
          <summary>Reassign</summary>
          <ReassignAction action={a} onDone={onDone} />
        </details>
      )}
    </div>
  );
}

function useActionChanged(a: StrategyAction) {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: ["strategy-actions", a.youngPersonId] });
    await queryClient.invalidateQueries({ queryKey: ["chronology", a.youngPersonId] });
    await queryClient.invalidateQueries({ queryKey: ["dash"] });
  };
}

function DeferAction({ action: a, onDone }: { action: StrategyAction; onDone: (message: ReactNode) => void }) {
  const changed = useActionChanged(a);
  const [dueAt, setDueAt] = useState("");
  const [reason, setReason] = useState("");
  const defer = useMutation({
    mutationFn: () => api.post<StrategyAction>(`/api/referrals/strategy-actions/${a.id}/deferrals`, {
      dueAt: instantFromLocalInput(dueAt) ?? null, reason,
    }),
    onSuccess: async (view) => {
      setDueAt(""); setReason("");
      onDone(
        <>
          “{view.description}” is now due <When value={view.dueAt} />: deferred {times(view.deferrals)}, agreed at the meeting for{" "}
          <When value={view.originalDueAt} />{view.slipped ? ", slipped" : ""}; RAG {rags[view.rag] ?? view.rag}.
        </>,
      );
      await changed();
    },
  });
  const key = `defer-${a.id}`;
  return (
    <form className="note-form" onSubmit={(e) => { e.preventDefault(); defer.mutate(); }} noValidate aria-label={`Defer the action: ${a.description}`}>
      <p className="hint">The date agreed at the meeting is kept: the action is marked slipped and its RAG stays judged against that date.</p>
      <Field id={`${key}-due`} field="dueAt" label="New due time" error={defer.error}>
        {(p) => <input {...p} type="datetime-local" value={dueAt} onChange={(e) => setDueAt(e.target.value)} />}
      </Field>
      <Field id={`${key}-reason`} field="reason" label="Why it is deferred" error={defer.error}>
        {(p) => <textarea {...p} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <button type="submit" disabled={defer.isPending}>Defer the action</button>
      <ProblemSummary error={defer.error} fields={["dueAt", "reason"]} />
    </form>
  );
}

function CompleteAction({ action: a, onDone }: { action: StrategyAction; onDone: (message: ReactNode) => void }) {
  const changed = useActionChanged(a);
  const [note, setNote] = useState("");
  const complete = useMutation({
    mutationFn: () => api.post<StrategyAction>(`/api/referrals/strategy-actions/${a.id}/complete`, { note: note.trim() || null }),
    onSuccess: async (view) => {
      setNote("");
      onDone(<>“{view.description}” is recorded as done{view.completedLate ? ", later than the date agreed at the meeting" : ""}.</>);
      await changed();
    },
  });
  return (
    <form className="note-form" onSubmit={(e) => { e.preventDefault(); complete.mutate(); }} noValidate aria-label={`Record as done: ${a.description}`}>
      <Field id={`complete-${a.id}-note`} field="note" label="What was done (optional)" error={complete.error}>
        {(p) => <textarea {...p} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <button type="submit" disabled={complete.isPending}>Record the action as done</button>
      <ProblemSummary error={complete.error} fields={["note"]} />
    </form>
  );
}

/** Active staff, by name: whom an action can be given to (COM-10). */
export function useActiveStaff(enabled = true) {
  return useQuery({ queryKey: ["staff", "active"], queryFn: () => api.get<StaffMember[]>("/api/referrals/staff"), enabled });
}

function ReassignAction({ action: a, onDone }: { action: StrategyAction; onDone: (message: ReactNode) => void }) {
  const changed = useActionChanged(a);
  const staff = useActiveStaff();
  const [owner, setOwner] = useState("");
  const [reason, setReason] = useState("");
  const reassign = useMutation({
    mutationFn: () => api.post<StrategyAction>(`/api/referrals/strategy-actions/${a.id}/reassignments`, { owner: owner || null, reason }),
    onSuccess: async (view) => {
      setOwner(""); setReason("");
      onDone(<>“{view.description}” is now owned by {view.owner} (agreed with {view.originalOwner}).</>);
      await changed();
    },
  });
  const key = `reassign-${a.id}`;
  return (
    <form className="note-form" onSubmit={(e) => { e.preventDefault(); reassign.mutate(); }} noValidate aria-label={`Reassign the action: ${a.description}`}>
      <p className="hint">Only to an active member of staff. Who had it, and why it moved, stay on the action.</p>
      <Field id={`${key}-owner`} field="owner" label="New owner" error={reassign.error}>
        {(p) => (
          <select {...p} value={owner} onChange={(e) => setOwner(e.target.value)}>
            <option value="">Choose a member of staff…</option>
            {staff.data?.filter((s) => s.userId !== a.owner).map((s) => (
              <option key={s.userId} value={s.userId}>{s.displayName} ({s.userId}), {s.organisation}</option>
            ))}
          </select>
        )}
      </Field>
      {staff.error && <ProblemSummary error={staff.error} />}
      <Field id={`${key}-reason`} field="reason" label="Why it is reassigned" error={reassign.error}>
        {(p) => <textarea {...p} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <button type="submit" disabled={reassign.isPending}>Reassign the action</button>
      <ProblemSummary error={reassign.error} fields={["owner", "reason"]} />
    </form>
  );
}
