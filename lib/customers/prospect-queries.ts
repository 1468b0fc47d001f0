import "server-only";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session";
import { shanghaiDayStart } from "@/lib/time";
import type { ProspectListParams } from "./schema";
import { customerScope } from "@/lib/auth/scope";
import { customerSearchWhere } from "./search";
import { paginate } from "@/lib/lists/paginate";
import { maskIdentity } from "./identity";

export async function prospectListWhere(user: SessionUser, p: ProspectListParams): Promise<Prisma.CustomerWhereInput> {
  const and: Prisma.CustomerWhereInput[] = [await customerScope(user), { status: "PROSPECT" }];
  if (p.q) and.push(customerSearchWhere(p.q));
  if (p.country) and.push({ countryId: p.country });
  if (p.grade) and.push({ gradeId: p.grade });
  if (p.media) and.push({ mediaSourceId: p.media });
  // The date range is in the agency's calendar (Asia/Shanghai), inclusive of both days.
  if (p.from) and.push({ createdAt: { gte: shanghaiDayStart(p.from) } });
  if (p.to) and.push({ createdAt: { lt: shanghaiDayStart(p.to, 1) } });
  return { AND: and };
}

/**
 * 我的准客户: one page of the user's prospects matching `p`, counted up to COUNT_BOUND
 * (lib/lists/paginate.ts; `pastEnd` when `p.page` lies beyond the last page).
 */
export async function listProspects(user: SessionUser, p: ProspectListParams) {
  const where = await prospectListWhere(user, p);
  const orderBy: Prisma.CustomerOrderByWithRelationInput[] = [{ [p.sort]: p.dir }, { id: p.dir }];
  return paginate(p, orderBy, {
    count: (args) => prisma.customer.count({ where, ...args }),
    rows: (args) =>
      prisma.customer.findMany({
        where,
        ...args,
        select: {
          id: true,
          name: true,
          phone: true,
          wechat: true,
          major: true,
          createdAt: true,
          updatedAt: true,
          country: { select: { labelZh: true, labelEn: true } },
          grade: { select: { labelZh: true, labelEn: true } },
          mediaSource: { select: { labelZh: true, labelEn: true } },
          owner: { select: { name: true } },
        },
      }),
  }, { countInOrder: !p.q });
}
export type ProspectRow = Awaited<ReturnType<typeof listProspects>>["rows"][number];

/** A prospect in the user's scope for its page and 签约, 身份证 and 护照 masked (issue 10 §2); null outside it. */
export async function getProspect(user: SessionUser, id: string) {
  const prospect = await prisma.customer.findFirst({
    where: { AND: [{ id, status: "PROSPECT" }, await customerScope(user)] },
    include: { owner: { select: { name: true } }, createdBy: { select: { name: true } } },
  });
  return prospect ? maskIdentity(prospect) : null;
}
