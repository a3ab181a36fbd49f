// Contacts written where there is no signal (a park at night, a stairwell) wait on the phone in IndexedDB and are sent
// when the connection returns, each with the Idempotency-Key it was given when it was written: a contact whose first
// attempt reached the server but lost its answer is then recorded once, never twice (services/Outreach/README.md).
//
// A contact the server refuses (4xx) stays in the queue with the server's reason: it is never dropped silently, and
// the worker sees it and can discard it knowingly. Entries belong to the user who wrote them; only theirs are sent.
import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import { api, ApiError, type Problem } from "../api";

export type PendingContact = {
  idempotencyKey: string;
  user: string;
  body: Record<string, unknown>;
  /** Shown to the worker: who it is about and a few words, as they typed them. */
  label: string;
  queuedAt: string;
  refused?: Problem;
};

interface OutreachDb extends DBSchema {
  "pending-contacts": { key: string; value: PendingContact; indexes: { "by-user": string } };
}

let database: Promise<IDBPDatabase<OutreachDb>> | null = null;

function db(): Promise<IDBPDatabase<OutreachDb>> {
  database ??= openDB<OutreachDb>("support-outreach", 1, {
    upgrade(d) {
      const store = d.createObjectStore("pending-contacts", { keyPath: "idempotencyKey" });
      store.createIndex("by-user", "user");
    },
  });
  return database;
}

const listeners = new Set<() => void>();
export function onQueueChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
const changed = () => listeners.forEach((l) => l());

export async function pendingFor(user: string): Promise<PendingContact[]> {
  const all = await (await db()).getAllFromIndex("pending-contacts", "by-user", user);
  return all.sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
}

export async function enqueue(contact: PendingContact): Promise<void> {
  await (await db()).put("pending-contacts", contact);
  changed();
}

export async function discard(idempotencyKey: string): Promise<void> {
  await (await db()).delete("pending-contacts", idempotencyKey);
  changed();
}

/** A failure that says nothing reached an answer: offline, DNS, a dropped connection (fetch rejects with TypeError). */
export function isNetworkFailure(error: unknown): boolean {
  return error instanceof TypeError || (error instanceof ApiError && error.status >= 500 && error.status !== 501);
}

let flushing: Promise<number> | null = null;

/** Sends what waits, oldest first; stops at the first network failure. Returns how many were recorded. */
export function flush(user: string): Promise<number> {
  flushing ??= (async () => {
    let sent = 0;
    try {
      for (const contact of await pendingFor(user)) {
        if (contact.refused) continue;
        try {
          await api.post("/api/outreach/contacts", contact.body, { "Idempotency-Key": contact.idempotencyKey });
          await discard(contact.idempotencyKey);
          sent++;
        } catch (error) {
          if (isNetworkFailure(error)) break;
          if (error instanceof ApiError) {
            if (error.status === 401) break; // signed out: keep it for when they sign in again
            await enqueue({ ...contact, refused: error.problem });
          } else {
            throw error;
          }
        }
      }
    } finally {
      flushing = null;
    }
    return sent;
  })();
  return flushing;
}
