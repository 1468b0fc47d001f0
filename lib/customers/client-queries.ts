import "server-only";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session";
import { shanghaiDayStart } from "@/lib/time";
import type { ClientListParams } from "./schema";
import { contractScope, customerScope } from "@/lib/auth/scope";
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

export async function listClients(user: SessionUser, p: ClientListParams) {
  const where = await clientListWhere(user, p);
  const orderBy: Prisma.CustomerOrderByWithRelationInput[] = [
    p.sort === "signedAt" ? { signedAt: { sort: p.dir, nulls: "last" } } : { [p.sort]: p.dir },
    { id: p.dir },
  ];
  const [total, rows] = await prisma.$transaction([
    prisma.customer.count({ where }),
    prisma.customer.findMany({
      where,
      orderBy,
      skip: (p.page - 1) * p.size,
      take: p.size,
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
        // Only the contracts the user may open, so the number matches what the detail page lists.
        _count: { select: { contracts: { where: await contractScope(user) } } },
      },
    }),
  ]);
  return { total, rows };
}
export type ClientRow = Awaited<ReturnType<typeof listClients>>["rows"][number];

export async function getClient(user: SessionUser, id: string) {
  return prisma.customer.findFirst({
    where: { AND: [{ id, status: "CLIENT" }, await customerScope(user)] },
    include: { owner: { select: { name: true } }, createdBy: { select: { name: true } } },
  });
}
export type ClientDetail = NonNullable<Awaited<ReturnType<typeof getClient>>>;
