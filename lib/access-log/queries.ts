import "server-only";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { ForbiddenError } from "@/lib/errors";
import { paginate } from "@/lib/lists/paginate";
import { shanghaiDayStart } from "@/lib/time";
import type { AccessLogListParams } from "./schema";

/** Rows per page of 访问日志. */
export const ACCESS_LOG_PAGE_SIZE = 50;

/** The where of 访问日志's filters: actor, action and customer by equality, the date range on `at`. */
export function accessLogWhere(p: AccessLogListParams): Prisma.AccessLogWhereInput {
  const and: Prisma.AccessLogWhereInput[] = [];
  if (p.actor) and.push({ actorId: p.actor });
  if (p.action) and.push({ action: p.action });
  if (p.customer) and.push({ customerId: p.customer });
  if (p.from) and.push({ at: { gte: shanghaiDayStart(p.from) } });
  if (p.to) and.push({ at: { lt: shanghaiDayStart(p.to, 1) } });
  return { AND: and };
}

/**
 * 访问日志 (信息中心, accessLog.read): one page of the access log, newest first, filtered by `p`,
 * counted up to COUNT_BOUND (lib/lists/paginate.ts), each row with the actor's and the customer's
 * name (null when the record is gone) and the contract number. Each filter walks its own (…, at, id)
 * index. Throws ForbiddenError without the permission.
 */
export async function listAccessLog(user: SessionUser, p: AccessLogListParams) {
  if (!can(user.roles, "accessLog.read")) throw new ForbiddenError();
  const where = accessLogWhere(p);
  const orderBy: Prisma.AccessLogOrderByWithRelationInput[] = [{ at: "desc" }, { id: "desc" }];
  const list = await paginate({ page: p.page, size: ACCESS_LOG_PAGE_SIZE }, orderBy, {
    count: (args) => prisma.accessLog.count({ where, ...args }),
    rows: (args) => prisma.accessLog.findMany({ where, ...args }),
  });
  const ids = (key: "actorId" | "customerId" | "contractId" | "documentId") =>
    [...new Set(list.rows.map((r) => r[key]).filter((v): v is string => v !== null))];
  const [actors, customers, contracts, documents] = await Promise.all([
    prisma.user.findMany({ where: { id: { in: ids("actorId") } }, select: { id: true, name: true, username: true } }),
    prisma.customer.findMany({ where: { id: { in: ids("customerId") } }, select: { id: true, name: true } }),
    prisma.contract.findMany({ where: { id: { in: ids("contractId") } }, select: { id: true, number: true } }),
    prisma.document.findMany({ where: { id: { in: ids("documentId") } }, select: { id: true, fileName: true } }),
  ]);
  const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
  const [a, cu, co, d] = [byId(actors), byId(customers), byId(contracts), byId(documents)];
  return {
    ...list,
    rows: list.rows.map((r) => ({
      id: r.id.toString(),
      at: r.at,
      action: r.action,
      actor: a.get(r.actorId) ?? null,
      customer: r.customerId ? (cu.get(r.customerId) ?? { id: r.customerId, name: null }) : null,
      contract: r.contractId ? (co.get(r.contractId)?.number ?? null) : null,
      document: r.documentId ? (d.get(r.documentId)?.fileName ?? null) : null,
      detail: r.detail,
      ip: r.ip,
      userAgent: r.userAgent,
    })),
  };
}
export type AccessLogRow = Awaited<ReturnType<typeof listAccessLog>>["rows"][number];

/** The users who appear in the 访问日志 actor filter: every user, by name (active or not). */
export async function accessLogActors(): Promise<{ value: string; label: string }[]> {
  const users = await prisma.user.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, username: true } });
  return users.map((u) => ({ value: u.id, label: `${u.name}（${u.username}）` }));
}
