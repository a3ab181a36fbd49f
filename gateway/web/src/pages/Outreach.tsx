import { lazy, Suspense, useEffect, useMemo, useRef, useState } from "react";
import { useMutation, useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, ApiError } from "../api";
import { useSession } from "../auth/useSession";
import { Field, nowForLocalInput } from "../components/Field";
import { ProblemSummary } from "../components/Problem";
import { When } from "../components/When";
import type { Instant } from "../time";
import { discard, enqueue, flush, isNetworkFailure, onQueueChange, pendingFor, type PendingContact } from "../offline/contactQueue";
import { clearShellDraft, fromShellOr, peekShellDraft } from "../shell";

// services/Outreach/README.md. Phone-first: one column, big targets, the contact form at the top (OUT-01: a street
// contact is logged in seconds, the time defaulting to now).

type Alias = { id: string; name: string; approximateAge: number | null; area: string | null; recordedAt: Instant; recordedBy: string; match: { youngPersonId: string } | null };
type Location = { id: string; name: string; type: string; area: string | null };
type Referral = {
  referralId: string; youngPersonId: string; cseType: string | null; priority: string | null; receivedAt: Instant; decisionDueAt: Instant;
  outcome: string | null; decidedAt: Instant; decidedLate: boolean; reclassifications: number;
};
type Notification = { id: string; referralId: string; youngPersonId: string; kind: string; summary: string; rationale: string | null; occurredAt: Instant; createdAt: Instant };
type KnownYoungPerson = { id: string; displayName: string };
type Contact = { id: string; recordedLate: boolean; contactedAt: Instant };

const concerns = [["", "Not assessed"], ["Low", "Low"], ["Medium", "Medium"], ["High", "High"], ["VeryHigh", "Very high"]] as const;
const channels = [["Street", "Street"], ["DropIn", "Drop-in"], ["Phone", "Phone"], ["Sms", "Text"], ["App", "App"], ["School", "School"], ["HomeVisit", "Home visit"]] as const;
// ReferralOutcome names (Support.Contracts) as words: "ChildInNeedAssessment" -> "Child in need assessment".
const outcomeWords = (name: string) => name.replace(/([a-z])([A-Z0-9])/g, "$1 $2").replace(/ ([A-Z])(?=[a-z])/g, (_, c: string) => ` ${c.toLowerCase()}`);

// Loaded after the contact form: the street screen's first draw does not wait for it (slow-3G budget, docs/benchmarks.md).
const AddInformation = lazy(() => import("./OutreachInformation").then((m) => ({ default: m.AddInformation })));

/** A fresh key per contact: a retry of the same contact (a lost answer, a double tap) is recorded once (README: Idempotency). */
function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

export function Outreach() {
  const session = useSession();
  const me = session?.user ?? "";
  // On a first visit the street screen drawn by outreach.html has already asked for these two (src/shell.ts).
  const aliases = useQuery({ queryKey: ["outreach-aliases"], queryFn: () => fromShellOr("/api/outreach/my/aliases", api.get<Alias[]>) });
  const locations = useQuery({ queryKey: ["outreach-locations"], queryFn: () => fromShellOr("/api/outreach/locations", api.get<Location[]>) });
  const referrals = useQuery({ queryKey: ["outreach-my-referrals"], queryFn: () => api.get<Referral[]>("/api/outreach/my/referrals") });
  const notifications = useQuery({ queryKey: ["outreach-my-notifications"], queryFn: () => api.get<Notification[]>("/api/outreach/my/notifications") });

  const myAliases = useMemo(() => aliases.data ?? [], [aliases.data]);
  // "My young people": those I referred, and those my aliases were matched to (OUT-02, OUT-04).
  const myYoungPeopleIds = useMemo(() => [...new Set([
    ...(referrals.data ?? []).map((r) => r.youngPersonId),
    ...myAliases.flatMap((a) => (a.match ? [a.match.youngPersonId] : [])),
  ])], [referrals.data, myAliases]);
  const people = useQueries({
    queries: myYoungPeopleIds.map((id) => ({
      queryKey: ["outreach-young-person", id],
      queryFn: () => api.get<KnownYoungPerson>(`/api/outreach/young-people/${id}`),
      staleTime: 300_000,
    })),
  });
  const names = new Map(people.flatMap((p) => (p.data ? [[p.data.id, p.data.displayName] as const] : [])));
  const nameOf = (id: string) => names.get(id) ?? "Young person (name loading)";

  return (
    <section aria-labelledby="outreach-title" className="phone-first">
      <h1 id="outreach-title">Outreach</h1>
      <LogContact
        user={me}
        people={myYoungPeopleIds.map((id) => ({ id, name: nameOf(id) }))}
        aliases={myAliases}
        locations={locations.data ?? []}
        placesKnown={!locations.isPending}
      />
      <Suspense fallback={<p role="status">Loading the information form…</p>}>
        <AddInformation people={myYoungPeopleIds.map((id) => ({ id, name: nameOf(id) }))} aliases={myAliases} />
      </Suspense>

      <section aria-labelledby="people-title">
        <h2 id="people-title">My young people and aliases</h2>
        {(aliases.error || referrals.error) && <ProblemSummary error={aliases.error ?? referrals.error} />}
        {myYoungPeopleIds.length === 0 && myAliases.length === 0 && <p>No young people or aliases yet.</p>}
        <ul className="cards">
          {myYoungPeopleIds.map((id) => (
            <li key={id} className="card"><strong>{nameOf(id)}</strong> <span className="hint">registered</span></li>
          ))}
          {myAliases.map((a) => (
            <li key={a.id} className="card">
              <strong>{a.name}</strong> <span className="hint">alias</span>
              <p>{[a.approximateAge ? `about ${a.approximateAge}` : null, a.area].filter(Boolean).join(", ") || "No details"}
                {a.match ? ` · matched to ${nameOf(a.match.youngPersonId)}` : " · not matched"}</p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="referrals-title">
        <h2 id="referrals-title">My referrals</h2>
        {referrals.data?.length === 0 && <p>You have not made a referral.</p>}
        <ul className="cards">
          {referrals.data?.map((r) => (
            <li key={r.referralId} className="card referral">
              <p><strong>{nameOf(r.youngPersonId)}</strong></p>
              <p>Sent <When value={r.receivedAt} />{r.priority ? ` · ${r.priority}` : ""}{r.cseType ? ` · ${r.cseType}` : ""}</p>
              {r.outcome ? (
                <p>Outcome: <strong>{outcomeWords(r.outcome)}</strong>, <When value={r.decidedAt} />
                  {r.decidedLate && <span className="badge bad">decided late</span>}</p>
              ) : (
                <p>Awaiting decision, due <When value={r.decisionDueAt} /></p>
              )}
              {r.reclassifications > 0 && <p>Reclassified {r.reclassifications} time{r.reclassifications > 1 ? "s" : ""}</p>}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="notifications-title">
        <h2 id="notifications-title">What I was told</h2>
        {notifications.error && <ProblemSummary error={notifications.error} />}
        {notifications.data?.length === 0 && <p>Nothing yet.</p>}
        <ul className="entries">
          {notifications.data?.map((n) => (
            <li key={n.id} className="entry">
              <p><strong>{n.kind === "Decided" ? "Decided" : "Reclassified"}</strong>: {n.summary}</p>
              {n.rationale && <p>Why: {n.rationale}</p>}
              <p className="signed"><When value={n.occurredAt} /></p>
            </li>
          ))}
        </ul>
      </section>
    </section>
  );
}

type Logged = { kind: "sent"; contact: Contact } | { kind: "queued" };

function LogContact({ user, people, aliases, locations, placesKnown }: {
  user: string; people: { id: string; name: string }[]; aliases: Alias[]; locations: Location[]; placesKnown: boolean;
}) {
  const queryClient = useQueryClient();
  const blank = () => ({ who: "", channel: "Street", contactedAt: nowForLocalInput(), place: "", notes: "", concern: "" });
  // What the worker began on the street screen before this script arrived (outreach.html) is carried on, not lost.
  const shell = useRef(peekShellDraft());
  const [form, setForm] = useState(() => {
    const draft = shell.current;
    return draft
      ? { who: draft.who, channel: draft.channel, contactedAt: draft.contactedAt || nowForLocalInput(), place: draft.place, notes: draft.notes, concern: draft.concern }
      : blank();
  });
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [last, setLast] = useState<Logged | null>(null);
  const log = useMutation({
    // Run even offline (TanStack Query would pause it): offline, the contact goes to the phone's queue.
    networkMode: "always",
    mutationFn: async (): Promise<Logged> => {
      const [kind, id] = form.who.split(":");
      const place = form.place.trim();
      const location = locations.find((l) => l.name.toLowerCase() === place.toLowerCase());
      const body = {
        youngPersonId: kind === "yp" ? id : undefined,
        aliasId: kind === "alias" ? id : undefined,
        channel: form.channel,
        // London wall-clock time, read by the server through the time-zone database (README: Times).
        contactedAt: form.contactedAt,
        locationId: location?.id,
        place: location ? undefined : place || undefined,
        notes: form.notes,
        concern: form.concern || undefined,
      };
      const who = kind === "yp" ? people.find((p) => p.id === id)?.name : aliases.find((a) => a.id === id)?.name;
      const queue = () => enqueue({
        idempotencyKey, user, body, label: `${who ?? "Someone"}: ${form.notes.trim().slice(0, 60)}`, queuedAt: new Date().toISOString(),
      }).then((): Logged => ({ kind: "queued" }));
      if (!navigator.onLine) return queue();
      try {
        return { kind: "sent", contact: await api.post<Contact>("/api/outreach/contacts", body, { "Idempotency-Key": idempotencyKey }) };
      } catch (error) {
        // No answer (no signal): keep it on the phone with its key; the server's refusals are shown on the form.
        if (isNetworkFailure(error)) return queue();
        throw error;
      }
    },
    onSuccess: async (logged) => {
      setLast(logged);
      setForm(blank());
      setIdempotencyKey(newIdempotencyKey());
      await queryClient.invalidateQueries({ queryKey: ["outreach-aliases"] });
    },
  });
  const set = (key: keyof ReturnType<typeof blank>) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  useEffect(() => {
    clearShellDraft();
    const focused = shell.current?.focused;
    if (focused) document.getElementById(focused)?.focus();
  }, []);
  // Submitted on the street screen before the app had loaded: sent now, through the same path as a tap here, once the
  // known places have arrived (a place picked from them is sent as its location).
  const heldSent = useRef(false);
  const { mutate } = log; // stable across renders, unlike the mutation's result object
  useEffect(() => {
    if (shell.current?.held && placesKnown && !heldSent.current) {
      heldSent.current = true;
      mutate();
    }
  }, [placesKnown, mutate]);
  // "Who" is either field: the server names youngPersonId when neither is given (OUT-02), aliasId for an unknown alias.
  const aliasError = log.error instanceof ApiError && log.error.fieldErrors("aliasId").length > 0;
  return (
    <section aria-labelledby="log-title" className="note-form">
      <h2 id="log-title">Log a contact</h2>
      <form onSubmit={(e) => { e.preventDefault(); log.mutate(); }} noValidate>
        <Field id="contact-who" field={aliasError ? "aliasId" : "youngPersonId"} label="Who" error={log.error}>
          {(p) => (
            <select {...p} value={form.who} onChange={set("who")}>
              <option value="">Choose a young person or alias</option>
              {people.length > 0 && <optgroup label="Young people">
                {people.map((y) => <option key={y.id} value={`yp:${y.id}`}>{y.name}</option>)}
              </optgroup>}
              {aliases.length > 0 && <optgroup label="Aliases">
                {aliases.map((a) => <option key={a.id} value={`alias:${a.id}`}>{a.name}{a.area ? ` (${a.area})` : ""}</option>)}
              </optgroup>}
            </select>
          )}
        </Field>
        <Field id="contact-when" field="contactedAt" label="When" error={log.error} hint="Now, unless you change it">
          {(p) => <input {...p} type="datetime-local" value={form.contactedAt} onChange={set("contactedAt")} />}
        </Field>
        <Field id="contact-place" field="place" label="Where" error={log.error} hint="Pick a known place or type one">
          {(p) => <input {...p} list="contact-places" autoComplete="off" value={form.place} onChange={set("place")} />}
        </Field>
        <datalist id="contact-places">
          {locations.map((l) => <option key={l.id} value={l.name} />)}
        </datalist>
        <Field id="contact-notes" field="notes" label="A few words" error={log.error}>
          {(p) => <textarea {...p} rows={3} value={form.notes} onChange={set("notes")} />}
        </Field>
        <Field id="contact-channel" field="channel" label="How" error={log.error}>
          {(p) => (
            <select {...p} value={form.channel} onChange={set("channel")}>
              {channels.map(([value, text]) => <option key={value} value={value}>{text}</option>)}
            </select>
          )}
        </Field>
        <fieldset>
          <legend>Concern</legend>
          {concerns.map(([value, text]) => (
            <label key={value} className="choice">
              <input type="radio" name="concern" value={value} checked={form.concern === value} onChange={set("concern")} /> {text}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="big" disabled={log.isPending}>Log contact</button>
        <ProblemSummary error={log.error} fields={["youngPersonId", "aliasId", "contactedAt", "place", "notes", "channel", "concern", "locationId"]} />
        {last?.kind === "sent" && !log.error && (
          <p role="status" className="notice">Contact logged for <When value={last.contact.contactedAt} />{last.contact.recordedLate ? " (recorded late)" : ""}.</p>
        )}
        {last?.kind === "queued" && !log.error && (
          <p role="status" className="notice">No connection: the contact is saved on this phone and will be sent when the connection returns.</p>
        )}
      </form>
      <WaitingToSend user={user} />
    </section>
  );
}

/** What waits on this phone to be sent, sent again whenever the connection returns (and every 30 seconds). */
function WaitingToSend({ user }: { user: string }) {
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<PendingContact[]>([]);
  useEffect(() => {
    let live = true;
    const reload = () => void pendingFor(user).then((p) => { if (live) setPending(p); });
    const send = () => void flush(user).then(async (sent) => {
      if (sent > 0) await queryClient.invalidateQueries({ queryKey: ["outreach-aliases"] });
    }).catch(() => undefined);
    const stop = onQueueChange(reload);
    reload();
    send();
    window.addEventListener("online", send);
    const timer = window.setInterval(() => { if (navigator.onLine) send(); }, 30_000);
    return () => { live = false; stop(); window.removeEventListener("online", send); window.clearInterval(timer); };
  }, [user, queryClient]);
  if (pending.length === 0) return null;
  return (
    <section aria-labelledby="waiting-title" className="waiting">
      <h3 id="waiting-title">Waiting to send ({pending.length})</h3>
      <ul className="entries">
        {pending.map((p) => (
          <li key={p.idempotencyKey} className="entry">
            <p>{p.label}</p>
            <p className="signed">Written <When value={p.queuedAt} /></p>
            {p.refused ? (
              <>
                <p className="field-error">Refused: {p.refused.title}{p.refused.errors ? ` (${Object.values(p.refused.errors).flat().join(" ")})` : ""}</p>
                <button type="button" className="small" onClick={() => void discard(p.idempotencyKey)}>Discard</button>
              </>
            ) : <p>Not sent yet</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
