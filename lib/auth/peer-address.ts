// Our HTTP server (scripts/server.ts) passes the address of the TCP peer of each request to the app
// in this header. It deletes whatever a client sent under that name first, so the value is the
// socket's, never the client's; clientIp() reads it only when our server runs in this process.
export const PEER_ADDRESS_HEADER = "x-crm-peer-address";

// Set by our server in its own process, before Next.js serves anything. A global symbol rather than
// an environment variable: the environment is inherited and configurable, so a flag there could be
// on under plain `next start`, where the header above is whatever the client sent.
const SERVER_MARK = Symbol.for("liuxue-crm.peer-address-server");
type Marked = typeof globalThis & { [SERVER_MARK]?: boolean };

/** Called once by scripts/server.ts: from now on PEER_ADDRESS_HEADER in this process is trustworthy. */
export function markPeerAddressServer(on = true): void {
  (globalThis as Marked)[SERVER_MARK] = on;
}

/** Whether this process serves requests through scripts/server.ts (true) or plain `next start` (false). */
export function peerAddressServerRunning(): boolean {
  return (globalThis as Marked)[SERVER_MARK] === true;
}

/**
 * The request headers as our server hands them to Next.js: any client-sent PEER_ADDRESS_HEADER is
 * removed and the socket's address (undefined once the socket is gone) put in its place.
 * `headers` is Node's IncomingMessage.headers (lower-case names), changed in place.
 */
export function recordPeerAddress(headers: Record<string, string | string[] | undefined>, remoteAddress: string | undefined): void {
  delete headers[PEER_ADDRESS_HEADER];
  // A dual-stack socket reports IPv4 clients as ::ffff:a.b.c.d; one client, one spelling.
  if (remoteAddress) headers[PEER_ADDRESS_HEADER] = remoteAddress.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
}
