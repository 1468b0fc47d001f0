// A base no real request can have: the `.invalid` TLD is reserved (RFC 2606), so an input that
// resolves to any other origin left this site.
const BASE = new URL("http://callback-check.invalid/");
const MAX_LENGTH = 2048;
// C0 controls, DEL and C1 controls. Browsers drop tabs and newlines inside URLs and trim the rest at
// the ends, so `/\t/evil.example` would reach the browser as `//evil.example`.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Where to send the browser after login, from an untrusted `callbackUrl` (query string or form
 * field): the path, query and hash of a page of this site, or "/" for anything else.
 *
 * The value is resolved with the WHATWG URL parser, the same algorithm browsers use, so the tricks
 * that turn a path into another site are judged by what the browser would do: `/\evil.example`
 * (backslash is a slash), tabs and newlines (stripped), `/.//evil` and `/%2e%2e//evil` (dot
 * segments collapse to `//evil`, a protocol-relative URL), `javascript:`, other schemes and
 * userinfo (not a leading "/"). The result is the parser's own serialisation (percent-encoded
 * ASCII) and never starts with "//". The login page itself is refused so a login cannot loop.
 * Never throws.
 */
export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || value.length > MAX_LENGTH || !value.startsWith("/") || CONTROL.test(value)) {
    return "/";
  }
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return "/";
  }
  if (url.origin !== BASE.origin || url.username || url.password) return "/";
  const path = url.pathname;
  if (!path.startsWith("/") || path.startsWith("//") || path.includes("\\")) return "/";
  if (path === "/login" || path.startsWith("/login/")) return "/";
  return `${path}${url.search}${url.hash}`;
}

/**
 * The login page's URL for a signed-out visitor of `requestPath` (the path and query they asked for, or
 * null when unknown): "/login?callbackUrl=…" so that signing in brings them back, or plain "/login"
 * when there is nowhere safe (safeCallbackPath) to come back to but the home page.
 */
export function loginPath(requestPath: string | null | undefined): string {
  const back = safeCallbackPath(requestPath);
  return back === "/" ? "/login" : `/login?${new URLSearchParams({ callbackUrl: back })}`;
}
