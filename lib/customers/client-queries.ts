import "server-only";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session";
import { shanghaiDayStart } from "@/lib/time";
import type { ClientListParams } from "./schema";
import { customerScope } from "@/lib/auth/scope";
import { withContractCounts } from "@/lib/contracts/queries";
import { paginate } from "@/lib/lists/paginate";
import { maskIdentity } from "./identity";
import { customerSearchWhere } from "./search";

const LABEL = { select: { labelZh: true, labelEn: true } } as const;

export async function clientListWhere(user: SessionUser, p: ClientListParams): Promise<Prisma.CustomerWhereInput> {
  const and: Prisma.CustomerWhereInput[] = [await customerScope(user), { status: "CLIENT" }];
  if (p.q) and.push(customerSearchWhere(p.q, { idCard: true }));
  if (p.country) and.push({ countryId: p.country });
  if (p.education) and.push({ educationId: p.education });
  // Signing days are the agency's calendar days (Asia/Shanghai), both ends inclusive.
  if (p.from) and.push({ signedAt: { gte: shanghaiDayStart(p.from) } });
  if (p.to) and.push({ signedAt: { lt: shanghaiDayStart(p.to, 1) } });
  return { AND: and };
}

/**
 * 我的签约客户: one page of the user's signed clients matching `p`, counted up to COUNT_BOUND
 * (lib/lists/paginate.ts), each with `contractCount`: how many of its contracts the user may open,
 * so the number matches what the detail page lists. Counted for the page's rows only, after paging.
 */
export async function listClients(user: SessionUser, p: ClientListParams) {
  const where = await clientListWhere(user, p);
  // Every client has signedAt (signing sets it with the status), so PostgreSQL's default null order
  // is harmless and lets one index serve both directions.
  const orderBy: Prisma.CustomerOrderByWithRelationInput[] = [{ [p.sort]: p.dir }, { id: p.dir }];
  const list = await paginate(p, orderBy, {
    count: (args) => prisma.customer.count({ where, ...args }),
    rows: (args) =>
      prisma.customer.findMany({
        where,
        ...args,
        select: {
          id: true,
          name: true,
          phone: true,
          major: true,
          signedAt: true,
          createdAt: true,
          updatedAt: true,
          country: LABEL,
          education: LABEL,
          owner: { select: { name: true } },
        },
      }),
  }, { countInOrder: !p.q });
  return withContractCounts(user, list);
}
export type ClientRow = Awaited<ReturnType<typeof listClients>>["rows"][number];

/** A signed client in the user's scope for its page, 身份证 and 护照 masked (issue 10 §2); null outside it. */
export async function getClient(user: SessionUser, id: string) {
  const client = await prisma.customer.findFirst({
    where: { AND: [{ id, status: "CLIENT" }, await customerScope(user)] },
    include: { owner: { select: { name: true } }, createdBy: { select: { name: true } } },
  });
  return client ? maskIdentity(client) : null;
}
export type ClientDetail = NonNullable<Awaited<ReturnType<typeof getClient>>>;
