// Every call goes to the gateway that served the app (same origin: no CORS), with the signed-in user's token.
import { getToken, signOutLocally } from "./auth/session";

/** RFC 9457 ProblemDetails as the platform returns it; `errors` maps a field name to its messages. */
export type Problem = {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: Record<string, string[]>;
  correlationId?: string;
};

export class ApiError extends Error {
  constructor(public readonly status: number, public readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }

  /** The messages for one field, matched without regard to case or a leading "$." (System.Text.Json paths). */
  fieldErrors(field: string): string[] {
    const wanted = field.toLowerCase();
    return Object.entries(this.problem.errors ?? {})
      .filter(([name]) => name.replace(/^\$\.?/, "").toLowerCase() === wanted)
      .flatMap(([, messages]) => messages);
  }
}

function request<T>(method: string, path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<T> {
  return send<T>(method, path, body === undefined ? undefined : { text: JSON.stringify(body), contentType: "application/json" }, extraHeaders);
}

async function send<T>(method: string, path: string, body: { text: string; contentType: string } | undefined, extraHeaders: Record<string, string>): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json", ...extraHeaders };
  const token = getToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers["Content-Type"] = body.contentType;
  const response = await fetch(path, {
    method,
    headers,
    body: body?.text,
    credentials: "omit",
    cache: "no-store",
  });
  if (response.status === 401) signOutLocally();
  const text = await response.text();
  const json = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    throw new ApiError(response.status, (json as Problem) ?? { title: response.statusText, status: response.status });
  }
  return json as T;
}

export const api = {
  get: <T,>(path: string) => request<T>("GET", path),
  post: <T,>(path: string, body?: unknown, headers?: Record<string, string>) => request<T>("POST", path, body ?? {}, headers),
  /** A body that is not JSON, such as a CSV file, sent as the given media type. */
  postText: <T,>(path: string, text: string, contentType: string) => send<T>("POST", path, { text, contentType }, {}),
};

/** Builds a query string from the defined values only. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}
