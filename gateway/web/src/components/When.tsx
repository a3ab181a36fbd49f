import { formatInstant, utcOf, type Instant } from "../time";

/** Renders an instant from the API with a machine-readable datetime. */
export function When({ value, london }: { value: Instant; london?: string | null }) {
  const formatted = formatInstant(value, london);
  if (!formatted) return <span>—</span>;
  return <time dateTime={utcOf(value) ?? undefined}>{formatted.text}</time>;
}
