// Production sign-in: OpenID Connect authorization code flow with PKCE (oidc-client-ts), configured by the gateway's
// Auth:Oidc:Authority and Auth:Oidc:ClientId (served at /auth/config). The provider must issue access tokens the
// gateway accepts (issuer, audience and signing key configured under Auth:). Tokens are kept in sessionStorage.
import { UserManager, WebStorageStateStore } from "oidc-client-ts";
import { sessionFromToken, signIn } from "./session";

export type OidcSettings = { authority: string; clientId: string; scope: string };

function manager(settings: OidcSettings): UserManager {
  return new UserManager({
    authority: settings.authority,
    client_id: settings.clientId,
    scope: settings.scope,
    redirect_uri: `${window.location.origin}/signin/callback`,
    post_logout_redirect_uri: `${window.location.origin}/signin`,
    response_type: "code",
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
}

export function startOidcSignIn(settings: OidcSettings): Promise<void> {
  return manager(settings).signinRedirect();
}

export async function completeOidcSignIn(settings: OidcSettings): Promise<void> {
  const user = await manager(settings).signinRedirectCallback();
  signIn(sessionFromToken(user.access_token));
}
