import { PEER_ADDRESS_HEADER, peerAddressServerRunning } from "./peer-address";

/**
 * The address every request gets when the real one cannot be known (plain `next start`, which
 * gives the app no access to the socket): login lockout then counts per account alone.
 */
export const UNKNOWN_CLIENT = "unknown";

/**
 * TRUST_PROXY_HOPS: how many reverse proxies stand between the clients and the app, each appending
 * the address it received the request from to X-Forwarded-For. 0 (the default) means clients
 * connect directly. Throws on anything but a whole number ≥ 0, so a typo fails loudly instead of
 * silently trusting (or ignoring) the header.
 */
export function trustProxyHops(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const raw = env.TRUST_PROXY_HOPS?.trim();
  if (!raw) return 0;
  if (!/^\d+$/.test(raw)) throw new Error(`TRUST_PROXY_HOPS must be a whole number ≥ 0, not "${raw}".`);
  return Number(raw);
}

/**
 * The client's address, for the login rate limit, from a request's headers.
 *
 * - TRUST_PROXY_HOPS = 0: X-Forwarded-For is the client's own words and is ignored. The address is
 *   the TCP peer recorded by our server (scripts/server.ts, lib/auth/peer-address.ts); without our
 *   server, or when the socket was already gone, UNKNOWN_CLIENT.
 * - TRUST_PROXY_HOPS = N: the entry N places from the right of X-Forwarded-For, the one written by
 *   the outermost of our proxies; everything left of it came from the client. A header with fewer
 *   than N entries did not pass through all of them, so it is not trusted either and the TCP peer
 *   (or UNKNOWN_CLIENT) is used.
 */
export function clientIp(headers: Headers, hops: number = trustProxyHops()): string {
  const peer = peerAddressServerRunning() ? headers.get(PEER_ADDRESS_HEADER)?.trim() || UNKNOWN_CLIENT : UNKNOWN_CLIENT;
  if (hops === 0) return peer;
  const forwarded = (headers.get("x-forwarded-for") ?? "").split(",").map((entry) => entry.trim());
  if (forwarded.length < hops) return peer;
  return forwarded[forwarded.length - hops] || peer;
}
