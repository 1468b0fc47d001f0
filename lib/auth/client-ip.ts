// The client address for rate limiting. Behind a load balancer set TRUST_PROXY_HOPS to the number
// of proxies in front of the app; the address is then read that many entries from the right of
// X-Forwarded-For, which a client cannot forge.
export function clientIp(headers: Headers): string {
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const hops = Number(process.env.TRUST_PROXY_HOPS ?? 0);
  if (hops > 0 && forwarded.length >= hops) return forwarded[forwarded.length - hops];
  return forwarded.at(-1) ?? "unknown";
}
