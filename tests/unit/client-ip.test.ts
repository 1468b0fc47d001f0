import { afterEach, describe, expect, it } from "vitest";
import { clientIp, trustProxyHops, UNKNOWN_CLIENT } from "@/lib/auth/client-ip";
import { markPeerAddressServer, PEER_ADDRESS_HEADER, recordPeerAddress } from "@/lib/auth/peer-address";

// Headers as our server would hand them to Next.js: whatever the client sent, then the peer recorded.
function viaOurServer(sent: Record<string, string>, remoteAddress: string | undefined): Headers {
  const incoming: Record<string, string | string[] | undefined> = { ...sent };
  recordPeerAddress(incoming, remoteAddress);
  return new Headers(incoming as Record<string, string>);
}

afterEach(() => markPeerAddressServer(false));

describe("clientIp with our server", () => {
  it("uses the TCP peer and ignores X-Forwarded-For when no proxy is trusted", () => {
    markPeerAddressServer();
    expect(clientIp(viaOurServer({}, "203.0.113.7"), 0)).toBe("203.0.113.7");
    expect(clientIp(viaOurServer({ "x-forwarded-for": "198.51.100.1" }, "203.0.113.7"), 0)).toBe("203.0.113.7");
    expect(clientIp(viaOurServer({ "x-forwarded-for": "1.1.1.1, 2.2.2.2" }, "203.0.113.7"), 0)).toBe("203.0.113.7");
  });

  it("cannot be fooled by a client sending the peer header itself", () => {
    markPeerAddressServer();
    expect(clientIp(viaOurServer({ [PEER_ADDRESS_HEADER]: "10.9.9.9" }, "203.0.113.7"), 0)).toBe("203.0.113.7");
    expect(clientIp(viaOurServer({ [PEER_ADDRESS_HEADER]: "10.9.9.9" }, undefined), 0)).toBe(UNKNOWN_CLIENT);
  });

  it("writes IPv4 clients of a dual-stack socket the IPv4 way", () => {
    markPeerAddressServer();
    expect(clientIp(viaOurServer({}, "::ffff:203.0.113.7"), 0)).toBe("203.0.113.7");
    expect(clientIp(viaOurServer({}, "2001:db8::1"), 0)).toBe("2001:db8::1");
  });

  it("counts a request whose socket is gone as the unknown client", () => {
    markPeerAddressServer();
    expect(clientIp(viaOurServer({ "x-forwarded-for": "198.51.100.1" }, undefined), 0)).toBe(UNKNOWN_CLIENT);
  });

  it("behind one proxy reads the last X-Forwarded-For entry, the one the proxy wrote", () => {
    markPeerAddressServer();
    const headers = viaOurServer({ "x-forwarded-for": "6.6.6.6, 198.51.100.1" }, "10.0.0.2");
    expect(clientIp(headers, 1)).toBe("198.51.100.1");
  });

  it("behind two proxies reads the second entry from the right; the client's own entries never count", () => {
    markPeerAddressServer();
    const headers = viaOurServer({ "x-forwarded-for": "6.6.6.6, 7.7.7.7, 198.51.100.1, 10.0.0.1" }, "10.0.0.2");
    expect(clientIp(headers, 2)).toBe("198.51.100.1");
  });

  it("does not trust a header with fewer entries than proxies, falling back to the peer", () => {
    markPeerAddressServer();
    expect(clientIp(viaOurServer({ "x-forwarded-for": "198.51.100.1" }, "10.0.0.2"), 2)).toBe("10.0.0.2");
    expect(clientIp(viaOurServer({}, "10.0.0.2"), 1)).toBe("10.0.0.2");
    expect(clientIp(viaOurServer({ "x-forwarded-for": "1.1.1.1, , 2.2.2.2" }, "10.0.0.2"), 2)).toBe("10.0.0.2");
  });
});

describe("clientIp without our server (plain next start)", () => {
  it("never trusts client headers with no proxy: one constant, so the lockout is per account", () => {
    const forgeries: Record<string, string>[] = [{}, { "x-forwarded-for": "198.51.100.1" }, { [PEER_ADDRESS_HEADER]: "198.51.100.1" }];
    for (const sent of forgeries) {
      expect(clientIp(new Headers(sent), 0)).toBe(UNKNOWN_CLIENT);
    }
  });

  it("still reads the trusted proxy's entry behind proxies", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "6.6.6.6, 198.51.100.1" }), 1)).toBe("198.51.100.1");
    expect(clientIp(new Headers({ "x-forwarded-for": "198.51.100.1", [PEER_ADDRESS_HEADER]: "1.2.3.4" }), 2)).toBe(UNKNOWN_CLIENT);
  });
});

describe("TRUST_PROXY_HOPS", () => {
  it("defaults to 0 and accepts whole numbers", () => {
    expect(trustProxyHops({})).toBe(0);
    expect(trustProxyHops({ TRUST_PROXY_HOPS: "" })).toBe(0);
    expect(trustProxyHops({ TRUST_PROXY_HOPS: " 2 " })).toBe(2);
  });

  it("refuses anything else", () => {
    for (const value of ["-1", "1.5", "one", "0x1", "1e2"]) {
      expect(() => trustProxyHops({ TRUST_PROXY_HOPS: value })).toThrow(/TRUST_PROXY_HOPS/);
    }
  });
});
