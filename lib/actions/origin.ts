// Relative, not "@/": next.config.ts loads this file, and its loader does not know the alias.
import { trustProxyHops } from "../auth/client-ip";

/**
 * ALLOWED_ORIGINS: comma-separated full origins (`https://crm.example.cn`) from which server
 * actions are accepted besides the request's own host, for deployments whose proxy does not pass
 * the public host on. Returns them in the form browsers send (`new URL(x).origin`). Throws on an
 * entry that is not an http(s) origin (a path, a bare host name, a wildcard), so a wrong setting
 * stops the app at start instead of refusing every action.
 */
export function allowedOrigins(env: Readonly<Record<string, string | undefined>> = process.env): string[] {
  const entries = (env.ALLOWED_ORIGINS ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return entries.map((entry) => {
    const origin = parseOrigin(entry);
    if (!origin) throw new Error(`ALLOWED_ORIGINS: "${entry}" is not an origin such as https://crm.example.cn.`);
    return origin;
  });
}

// An http(s) scheme, host and port, and nothing else, in the form browsers send (lower case, no
// default port, no trailing slash); null for `null`, `file://`, other schemes, paths and userinfo.
function parseOrigin(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (url.username || url.password || url.pathname !== "/" || /[?#]/.test(value)) return null;
  return url.origin;
}

// The host this request was addressed to: the Host header, or behind trusted proxies also the
// X-Forwarded-Host the outermost proxy saw (its first entry, as Next.js's own check reads it).
function requestHosts(headers: Headers, hops: number): string[] {
  const hosts = [headers.get("host")];
  if (hops > 0) hosts.push(headers.get("x-forwarded-host")?.split(",")[0] ?? null);
  return hosts.map((host) => host?.trim()).filter((host): host is string => Boolean(host));
}

/**
 * Whether a server-action request comes from a page of this app, judged by its Origin header.
 * Allowed: http or https on the request's own host (see requestHosts), and every ALLOWED_ORIGINS
 * entry. Refused: no Origin, `Origin: null` (sandboxed frames, file:// pages, some redirects),
 * `file://` and other schemes, anything malformed, and every other host. Next.js's own check lets
 * a missing or host-less origin through and compares only host names; this one does not.
 * Throws when TRUST_PROXY_HOPS or ALLOWED_ORIGINS is malformed.
 */
export function isAllowedActionOrigin(headers: Headers, env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  const sent = headers.get("origin");
  const origin = sent ? parseOrigin(sent) : null;
  if (!origin) return false;
  if (allowedOrigins(env).includes(origin)) return true;
  return requestHosts(headers, trustProxyHops(env)).some((host) =>
    ["http", "https"].some((scheme) => hostOrigin(scheme, host) === origin),
  );
}

/**
 * Whether a server-action request names, in its Origin header, an http(s) origin that is not allowed
 * (isAllowedActionOrigin): a page on another host posting to this app. Next.js refuses such a request
 * itself, but with a 500 before the app's own check runs; the HTTP server (scripts/server.ts) answers
 * it with 403 instead. Missing, `null` and non-http origins are left to the action wrapper, which
 * answers them with its own refusal. Throws when TRUST_PROXY_HOPS or ALLOWED_ORIGINS is malformed.
 */
export function isForeignHostOrigin(headers: Headers, env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  const sent = headers.get("origin");
  if (!sent || !parseOrigin(sent)) return false;
  return !isAllowedActionOrigin(headers, env);
}

// `scheme://host` as a browser would write its origin (a default port spelled out is dropped), or
// null when the header holds more than a host and port.
function hostOrigin(scheme: string, host: string): string | null {
  if (/[\s/\\@?#]/.test(host)) return null;
  try {
    return new URL(`${scheme}://${host}`).origin;
  } catch {
    return null;
  }
}
