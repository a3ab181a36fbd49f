// What the street screen drawn by outreach.html (before this script arrived) hands over to the app: the contact the
// worker has begun or already submitted, which field they were in, and the answers it already asked for. Captured once,
// before React replaces that markup.

export type ShellDraft = {
  who: string; channel: string; contactedAt: string; place: string; notes: string; concern: string;
  /** "Log contact" was pressed before the app had loaded: the app sends it at once. */
  held: boolean;
  /** The id of the field that had the focus, so typing goes on where it was. */
  focused: string | null;
};

type Handover = { held: boolean; prefetched: Record<string, Promise<unknown>> };

let draft: ShellDraft | null = null;
let prefetched: Record<string, Promise<unknown>> = {};

const value = (id: string) => (document.getElementById(id) as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | null)?.value ?? "";

/** Reads the street screen's form, if the page drew one; call before the app renders over it. */
export function captureStreetShell() {
  const form = document.getElementById("contact-shell");
  const handover = (window as unknown as { supportStreetShell?: Handover }).supportStreetShell;
  if (!form || !handover) return;
  draft = {
    who: value("contact-who"),
    channel: value("contact-channel") || "Street",
    contactedAt: value("contact-when"),
    place: value("contact-place"),
    notes: value("contact-notes"),
    concern: (form.querySelector("input[name=concern]:checked") as HTMLInputElement | null)?.value ?? "",
    held: handover.held,
    focused: form.contains(document.activeElement) ? document.activeElement?.id || null : null,
  };
  prefetched = handover.prefetched;
}

/**
 * The contact begun on the street screen. Read during render (twice under StrictMode in development) and cleared by an
 * effect once the form holds it, so a later visit to the screen starts clean.
 */
export function peekShellDraft(): ShellDraft | null {
  return draft;
}

export function clearShellDraft() {
  draft = null;
}

/** The answer the street screen already asked for at `path`, taken once; else (or if that failed) `ask(path)`. */
export function fromShellOr<T>(path: string, ask: (path: string) => Promise<T>): Promise<T> {
  const answer = prefetched[path] as Promise<T> | undefined;
  delete prefetched[path];
  return answer ? answer.catch(() => ask(path)) : ask(path);
}
