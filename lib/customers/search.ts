import type { Prisma } from "@/lib/generated/prisma/client";

// The 姓名或电话 search box of the customer lists: a name substring, or — when the text is digits —
// a phone substring (a typed +86 prefix dropped). With `idCard`, also an ID card substring (stored
// upper-case without spaces, see normalizeIdNumber; the last character may be X).
export function customerSearchWhere(q: string, { idCard = false } = {}): Prisma.CustomerWhereInput {
  const compact = q.replace(/[\s-]/g, "");
  const or: Prisma.CustomerWhereInput[] = [{ name: { contains: q, mode: "insensitive" } }];
  if (/^\+?\d{3,}$/.test(compact)) or.push({ phone: { contains: compact.replace(/^\+?86(?=1\d{10}$)/, "") } });
  if (idCard && /^\d{3,17}[\dXx]?$/.test(compact)) or.push({ idCard: { contains: compact.toUpperCase() } });
  return { OR: or };
}
