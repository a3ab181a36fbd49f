import { useEffect, useState } from "react";
import { useNavigate } from "react-router";
import { api } from "../api";
import { completeOidcSignIn, type OidcSettings } from "../auth/oidc";

export function OidcCallback() {
  const navigate = useNavigate();
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    api.get<{ oidc: OidcSettings | null }>("/auth/config")
      .then((c) => (c.oidc ? completeOidcSignIn(c.oidc) : Promise.reject(new Error("OIDC is not configured"))))
      .then(() => navigate("/", { replace: true }))
      .catch((e: Error) => setFailure(e.message));
  }, [navigate]);
  return <p role={failure ? "alert" : "status"}>{failure ? `Sign-in failed: ${failure}` : "Signing in…"}</p>;
}
