// The signed-in session: the access token lives in memory and in sessionStorage (this tab only, gone when the tab
// closes, never a cookie, so no other site's request can carry it) and is removed on sign-out or a 401.

export type Session = { token: string; user: string; roles: string[]; expiresAt: number };

const storageKey = "support.session";
let current: Session | null = read();
const listeners = new Set<() => void>();

function read(): Session | null {
  try {
    const raw = sessionStorage.getItem(storageKey);
    if (!raw) return null;
    const session = JSON.parse(raw) as Session;
    return session.expiresAt > Date.now() ? session : null;
  } catch {
    return null;
  }
}

/** Reads the claims the UI needs (user and roles) from a JWT; the gateway and services validate it, not the app. */
export function sessionFromToken(token: string): Session {
  const payload = token.split(".")[1] ?? "";
  const json = JSON.parse(atob(payload.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(payload.length / 4) * 4, "=")));
  const roles: string[] = Array.isArray(json.role) ? json.role : json.role ? [json.role] : [];
  return { token, user: String(json.sub ?? json.name ?? ""), roles, expiresAt: Number(json.exp ?? 0) * 1000 };
}

export function getSession(): Session | null {
  return current && current.expiresAt > Date.now() ? current : null;
}

export function getToken(): string | null {
  return getSession()?.token ?? null;
}

export function signIn(session: Session) {
  current = session;
  sessionStorage.setItem(storageKey, JSON.stringify(session));
  listeners.forEach((l) => l());
}

export function signOutLocally() {
  current = null;
  sessionStorage.removeItem(storageKey);
  listeners.forEach((l) => l());
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
