import type { Prisma } from "@/lib/generated/prisma/client";
import { containsText, textSearch } from "@/lib/lists/search";

// The 姓名或电话 search box of the customer lists: a name substring, or — when the text is digits —
// a phone substring (a typed +86 prefix dropped). With `idCard`, also an ID card substring (stored
// upper-case without spaces, see normalizeIdNumber; the last character may be X). Literal matches
// only, each alternative index-backed (lib/lists/search.ts).
export function customerSearchWhere(q: string, { idCard = false } = {}): Prisma.CustomerWhereInput {
  const compact = q.replace(/[\s-]/g, "");
  const or: Prisma.CustomerWhereInput[] = [
    textSearch<Prisma.CustomerWhereInput>(q, (f) => [{ name: f }], (key) => ({ nameGrams: { has: key } })),
  ];
  if (/^\+?\d{3,}$/.test(compact)) or.push({ phone: containsText(compact.replace(/^\+?86(?=1\d{10}$)/, "")) });
  if (idCard && /^\d{3,17}[\dXx]?$/.test(compact)) or.push({ idCard: containsText(compact.toUpperCase()) });
  return { OR: or };
}
