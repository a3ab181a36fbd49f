import { ApiError } from "../api";

/**
 * What the server said about a failed write: the title and any field errors that no field on the form shows, in a
 * live region so a screen reader hears it. Field-level messages are shown next to their field by <FieldError>.
 */
export function ProblemSummary({ error, fields = [] }: { error: unknown; fields?: string[] }) {
  if (!error) return null;
  if (!(error instanceof ApiError)) {
    return <div role="alert" className="problem">Something went wrong: {String((error as Error)?.message ?? error)}</div>;
  }
  const known = fields.map((f) => f.toLowerCase());
  const others = Object.entries(error.problem.errors ?? {}).filter(
    ([name]) => !known.includes(name.replace(/^\$\.?/, "").toLowerCase()),
  );
  return (
    <div role="alert" className="problem">
      <p><strong>{error.problem.title ?? `The server refused this (${error.status})`}</strong></p>
      {error.problem.detail && <p>{error.problem.detail}</p>}
      {others.length > 0 && (
        <ul>{others.map(([name, messages]) => <li key={name}>{name}: {messages.join(" ")}</li>)}</ul>
      )}
    </div>
  );
}

/** The server's messages for one field, tied to the input by aria-describedby (id `${field}-error`). */
export function FieldError({ error, field, id }: { error: unknown; field: string; id: string }) {
  const messages = error instanceof ApiError ? error.fieldErrors(field) : [];
  if (messages.length === 0) return null;
  return <p id={id} className="field-error" data-field={field}>{messages.join(" ")}</p>;
}

export function describedBy(error: unknown, field: string, id: string): { "aria-describedby"?: string; "aria-invalid"?: boolean } {
  return error instanceof ApiError && error.fieldErrors(field).length > 0 ? { "aria-describedby": id, "aria-invalid": true } : {};
}
