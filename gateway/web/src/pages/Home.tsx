import { Navigate } from "react-router";
import { useSession } from "../auth/useSession";
import { journeysFor } from "../journeys";
import { Unavailable } from "./Unavailable";

/** Each role lands on its own first journey. */
export function Home() {
  const session = useSession();
  const mine = journeysFor(session?.roles ?? []);
  const first = mine.find((j) => j.ready);
  if (first) return <Navigate to={first.path} replace />;
  return mine[0] ? <Unavailable journey={mine[0]} /> : <p>No screen is offered to your role yet.</p>;
}
