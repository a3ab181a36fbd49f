import { useState, type FormEvent } from "react";
import { useQuery, useMutation } from "@tanstack/react-query";
import { Navigate, useNavigate } from "react-router";
import { api } from "../api";
import { sessionFromToken, signIn } from "../auth/session";
import type { OidcSettings } from "../auth/oidc";
import { useSession } from "../auth/useSession";
import { FieldError, ProblemSummary, describedBy } from "../components/Problem";

type AuthConfig = { developmentSignIn: boolean; oidc: OidcSettings | null };
type DemoUser = { user: string; role: string; description: string };
type TokenResponse = { accessToken: string };

/** oidc-client-ts is fetched only when someone signs in with their organisation: it stays out of the main script. */
const startOidcSignIn = (settings: OidcSettings) => import("../auth/oidc").then((m) => m.startOidcSignIn(settings));

export function SignIn() {
  const session = useSession();
  const navigate = useNavigate();
  const config = useQuery({ queryKey: ["auth-config"], queryFn: () => api.get<AuthConfig>("/auth/config") });
  const demoUsers = useQuery({
    queryKey: ["demo-users"],
    queryFn: () => api.get<DemoUser[]>("/dev/users"),
    enabled: config.data?.developmentSignIn === true,
  });
  const [role, setRole] = useState("");
  const [user, setUser] = useState("");
  const [oidcFailure, setOidcFailure] = useState<string | null>(null);
  const token = useMutation({
    mutationFn: (body: { role: string; user: string }) => api.post<TokenResponse>("/dev/token", body),
    onSuccess: (response) => {
      signIn(sessionFromToken(response.accessToken));
      navigate("/");
    },
  });

  if (session) return <Navigate to="/" replace />;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    token.mutate({ role, user });
  };

  return (
    <section aria-labelledby="signin-title" className="narrow">
      <h1 id="signin-title">Sign in to Support</h1>
      {config.isPending && <p>Loading…</p>}
      {config.data?.oidc && (
        <p><button type="button" onClick={() => {
          setOidcFailure(null);
          startOidcSignIn(config.data!.oidc!).catch((e: Error) => setOidcFailure(e.message));
        }}>Sign in with your organisation</button></p>
      )}
      {oidcFailure && <p role="alert">Sign-in could not start: {oidcFailure}</p>}
      {config.data?.developmentSignIn && (
        <>
          <p className="notice">Development sign-in: these demo users get a token signed with the development key. It is not offered in production.</p>
          <ul className="demo-users">
            {demoUsers.data?.map((u) => (
              <li key={u.user}>
                <button type="button" onClick={() => token.mutate({ role: u.role, user: u.user })}>
                  Sign in as {u.user} <span className="role">{u.role}</span>
                </button>
                <span className="hint">{u.description}</span>
              </li>
            ))}
          </ul>
          <form onSubmit={submit} noValidate>
            <h2>Another role</h2>
            <label htmlFor="signin-role">Role code</label>
            <input id="signin-role" value={role} onChange={(e) => setRole(e.target.value)} {...describedBy(token.error, "role", "signin-role-error")} />
            <FieldError error={token.error} field="role" id="signin-role-error" />
            <label htmlFor="signin-user">User</label>
            <input id="signin-user" value={user} onChange={(e) => setUser(e.target.value)} {...describedBy(token.error, "user", "signin-user-error")} />
            <FieldError error={token.error} field="user" id="signin-user-error" />
            <button type="submit">Sign in</button>
          </form>
          <ProblemSummary error={token.error} fields={["role", "user"]} />
        </>
      )}
      {config.data && !config.data.developmentSignIn && !config.data.oidc && (
        <p role="alert">Sign-in is not configured: set Auth:Oidc:Authority and Auth:Oidc:ClientId on the gateway.</p>
      )}
    </section>
  );
}
