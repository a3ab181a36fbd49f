import type { ReactNode } from "react";
import { FieldError, describedBy } from "./Problem";

/**
 * A labelled input whose server-side error (ProblemDetails `errors[field]`) is shown right beneath it and announced
 * through aria-describedby / aria-invalid.
 */
export function Field({ id, field, label, error, hint, children }: {
  id: string; field: string; label: string; error: unknown; hint?: string;
  children: (props: { id: string; "aria-describedby"?: string; "aria-invalid"?: boolean }) => ReactNode;
}) {
  const errorId = `${id}-error`;
  const hintId = hint ? `${id}-hint` : undefined;
  const fromError = describedBy(error, field, errorId);
  const describedByIds = [hintId, fromError["aria-describedby"]].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && <p id={hintId} className="hint">{hint}</p>}
      {children({ id, "aria-describedby": describedByIds, "aria-invalid": fromError["aria-invalid"] })}
      <FieldError error={error} field={field} id={errorId} />
    </div>
  );
}

/** The value of a datetime-local input as an instant with the browser's offset (the server stores UTC). */
export function instantFromLocalInput(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** "Now" for a datetime-local input, in the browser's zone, to the minute. */
export function nowForLocalInput(): string {
  const now = new Date();
  now.setSeconds(0, 0);
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}
