import "server-only";
import { headers } from "next/headers";
import type { Tx } from "@/lib/db";
import { clientIp } from "@/lib/auth/client-ip";
import type { AccessAction } from "@/lib/generated/prisma/enums";

// The access log (issue 10 §2): who read which e-archive, document or full identity number, when and
// from which address. Append-only (a trigger refuses UPDATE, DELETE and TRUNCATE). Reading a record
// is logged where it is read: the e-archive page, the file route (预览 and 下载), the reveal service.

/** Where a request came from: the client address (lib/auth/client-ip.ts) and its User-Agent. */
export type AccessClient = { ip: string; userAgent: string | null };

/** User-Agents are the client's own words: kept to this many characters. */
const USER_AGENT_MAX = 400;

/** The client of `h` (a request's headers): its address as clientIp() decides and its User-Agent, bounded. */
export function accessClientOf(h: Headers): AccessClient {
  const userAgent = h.get("user-agent");
  return { ip: clientIp(h), userAgent: userAgent ? userAgent.slice(0, USER_AGENT_MAX) : null };
}

/** The client of the request being served (a page render or a server action). */
export async function currentAccessClient(): Promise<AccessClient> {
  return accessClientOf(await headers());
}

export type AccessEntry = {
  actorId: string;
  action: AccessAction;
  customerId?: string | null;
  contractId?: string | null;
  documentId?: string | null;
  // What was read beyond the ids (e.g. the identity fields revealed); never the values themselves.
  detail?: string | null;
  client: AccessClient;
};

/**
 * Appends one row to the access log, through `db` (the transaction of the read it records, when there
 * is one, so a refused read logs nothing). `at` is the database's now (UTC). Returns nothing; a
 * database error propagates: a read that cannot be logged must not happen.
 */
export async function logAccess(db: Tx, entry: AccessEntry): Promise<void> {
  await db.accessLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      customerId: entry.customerId ?? null,
      contractId: entry.contractId ?? null,
      documentId: entry.documentId ?? null,
      detail: entry.detail ?? null,
      ip: entry.client.ip,
      userAgent: entry.client.userAgent,
    },
  });
}
