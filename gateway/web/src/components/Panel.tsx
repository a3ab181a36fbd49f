import type { ReactNode } from "react";
import { Link } from "react-router";
import { ProblemSummary } from "./Problem";

/** One list of the manager's dashboard: a titled panel with its count, "Nothing." when empty, the service's refusal if any. */
export function Panel({ title, query, count, children }: {
  title: string; query: { isPending: boolean; error: unknown }; count: number | undefined; children: ReactNode;
}) {
  const id = title.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  return (
    <section aria-labelledby={id} className="panel" data-testid={id}>
      <h2 id={id}>{title} <span className="count">{count ?? "…"}</span></h2>
      {query.error ? <ProblemSummary error={query.error} /> : null}
      {count === 0 && <p className="none">Nothing.</p>}
      <ul>{children}</ul>
    </section>
  );
}

/** A row of a dashboard panel: a link to the young person's record (named when the screen knows the name), and what is due. */
export function Row({ youngPersonId, label, name, children }: { youngPersonId: string; label: string; name?: string; children: ReactNode }) {
  return (
    <li>
      <Link to={`/young-people/${youngPersonId}`}>{name ? <><strong>{name}</strong>: {label}</> : label}</Link>
      <div>{children}</div>
    </li>
  );
}
