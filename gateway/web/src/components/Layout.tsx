import { NavLink, Outlet, useNavigate } from "react-router";
import { useQueryClient } from "@tanstack/react-query";
import { journeysFor } from "../journeys";
import { signOutLocally } from "../auth/session";
import { useSession } from "../auth/useSession";

export function Layout() {
  const session = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const signOut = () => {
    signOutLocally();
    queryClient.clear(); // nothing read while signed in stays in memory
    navigate("/signin");
  };
  return (
    <>
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="top">
        <span className="brand">Support</span>
        {session && (
          <nav aria-label="Main">
            <ul>
              {journeysFor(session.roles).filter((j) => j.ready).map((j) => (
                <li key={j.path}><NavLink to={j.path}>{j.label}</NavLink></li>
              ))}
            </ul>
          </nav>
        )}
        {session && (
          <div className="who">
            <span>{session.user} ({session.roles.join(", ")})</span>
            <button type="button" onClick={signOut}>Sign out</button>
          </div>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
