import type { Journey } from "../journeys";

/** A journey whose API has not landed: says so plainly rather than showing invented data. */
export function Unavailable({ journey }: { journey: Journey }) {
  return (
    <section aria-labelledby="unavailable-title">
      <h1 id="unavailable-title">{journey.label}</h1>
      <p>This screen arrives with {journey.arrivesWith}. Nothing is shown here until that service provides it.</p>
    </section>
  );
}
