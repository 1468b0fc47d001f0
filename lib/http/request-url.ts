/**
 * Whether the path of a request URL (as Node's IncomingMessage.url gives it, e.g. "/prospects/%FF?q=1")
 * holds a percent-encoding that does not decode to UTF-8 text ("%FF", "%ED%A0%80", a lone "%"). Next.js
 * answers such a path with an HTTP 500 before any page runs; our server (scripts/server.ts) serves the
 * not-found page instead, since no record has such an id.
 */
export function hasMalformedPath(url: string | undefined): boolean {
  const path = (url ?? "/").split(/[?#]/, 1)[0];
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}

/** Where our server sends a malformed path: a URL no route matches, so Next.js renders app/not-found.tsx (404). */
export const MALFORMED_PATH_TARGET = "/__malformed-path__";

/**
 * The header in which our server (scripts/server.ts) hands the app the path and query of each request,
 * since Next.js shows a page no URL: a signed-out visitor is sent to the login page with it, to come back
 * after signing in. A client-sent header of this name is replaced; the value is only ever used through
 * safeCallbackPath, so even a forged one can only name a page of this site.
 */
export const REQUEST_PATH_HEADER = "x-crm-request-path";

/**
 * Sets REQUEST_PATH_HEADER on `headers` (Node's IncomingMessage.headers, changed in place) from the request
 * URL, without Next.js's own `_rsc` cache-busting parameter of client-side navigations.
 */
export function recordRequestPath(headers: Record<string, string | string[] | undefined>, url: string | undefined): void {
  delete headers[REQUEST_PATH_HEADER];
  if (!url) return;
  const parsed = new URL(url, "http://request-path.invalid");
  parsed.searchParams.delete("_rsc");
  headers[REQUEST_PATH_HEADER] = `${parsed.pathname}${parsed.search}`;
}
