import "server-only";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session";
import { archiveSearchScopes, identityRevealScope, reachOf } from "@/lib/auth/scope";
import { containsText, textSearch } from "@/lib/lists/search";
import { maskIdNumber } from "@/lib/validation/china";
import { highlight, maskedMatch, searchTerms, type SearchKind, type Segment } from "./search-terms";

// 查询客户电子档案 (issue 10 §2): one search box over every customer the user may find
// (archiveSearchScopes: for a 文案 the assigned cases resolved to ids first). Each kind the text may be
// is its own index look-up — 姓名 on the trigram or gram index, 电话 / 身份证 / 护照 / 微信 on their
// b-tree indexes (stored normalised), 合同号 and the archive number on the contract's — run side by
// side and merged (a UNION, not one OR, which PostgreSQL could only answer by reading every customer
// of the scope).

/** Customers shown at most; the page says to type more when there are more. */
export const SEARCH_LIMIT = 20;

const LABEL = { select: { labelZh: true, labelEn: true } } as const;

export type ArchiveMatch = { kind: SearchKind; segments: Segment[] };

// Exact identity matches first: they name one person.
const KIND_ORDER: readonly SearchKind[] = ["idCard", "passport", "archiveNumber", "contractNumber", "phone", "wechat", "name"];

type Hit = { customerId: string; kind: SearchKind };

/**
 * The customers matching `text` that `user` may find, at most SEARCH_LIMIT, exact identity matches
 * first, each with its owner, stage, the contracts the user may see of it (合同号, 国家, 状态, archive
 * number) and what matched (`matches`: the field and the value cut into highlighted segments; 身份证
 * and 护照 masked). A whole 身份证 / 护照 matches only customers in identityRevealScope (never for the
 * secretary or the 文案). `more`: there were more matches than shown. Empty for empty text.
 */
export async function searchArchive(user: SessionUser, text: string) {
  const terms = searchTerms(text);
  if (Object.keys(terms).length === 0) return { rows: [], more: false };
  const { customers, contracts, contractCustomers } = await archiveSearchScopes(user);
  const take = SEARCH_LIMIT + 1;

  const byCustomer = (kind: SearchKind, where: Prisma.CustomerWhereInput) =>
    prisma.customer
      .findMany({ where: { AND: [customers, where] }, select: { id: true }, take })
      .then((rows) => rows.map((r): Hit => ({ customerId: r.id, kind })));
  const byContract = (kind: SearchKind, where: Prisma.ContractWhereInput) =>
    prisma.contract
      .findMany({ where: { AND: [contracts, where, contractCustomers] }, select: { customerId: true }, take })
      .then((rows) => rows.map((r): Hit => ({ customerId: r.customerId, kind })));

  const lookups: Promise<Hit[]>[] = [];
  if (terms.name) lookups.push(byCustomer("name", textSearch<Prisma.CustomerWhereInput>(terms.name, (f) => [{ name: f }], (key) => ({ nameGrams: { has: key } }))));
  if (terms.phone) lookups.push(byCustomer("phone", terms.phone.length === 11 ? { phone: terms.phone } : { phone: { endsWith: terms.phone } }));
  // A whole 身份证 / 护照 finds only customers whose number the user may reveal (显示完整号码, which is
  // logged): for anyone else an exact match would confirm a guess at the hidden digits — the mask and
  // the 出生日期 beside it leave about ten candidates for a 身份证 — silently (issue 10 §2).
  if (terms.idCard || terms.passport) {
    const revealable = reachOf(user, "identity", "read") === null ? null : await identityRevealScope(user);
    if (revealable && terms.idCard) lookups.push(byCustomer("idCard", { AND: [revealable, { idCard: terms.idCard }] }));
    if (revealable && terms.passport) lookups.push(byCustomer("passport", { AND: [revealable, { passport: terms.passport }] }));
  }
  if (terms.wechat) lookups.push(byCustomer("wechat", { wechat: terms.wechat }));
  if (terms.contractNumber) {
    const n = terms.contractNumber;
    lookups.push(byContract("contractNumber", [...n].length >= 3 ? { number: containsText(n) } : { number: n }));
  }
  if (terms.archiveNumber) lookups.push(byContract("archiveNumber", { archiveNumber: terms.archiveNumber }));

  const results = await Promise.all(lookups);
  const hits = results.flat();
  hits.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
  const ids = [...new Set(hits.map((h) => h.customerId))];
  const shown = ids.slice(0, SEARCH_LIMIT);
  const more = ids.length > SEARCH_LIMIT || results.some((r) => r.length === take);

  const rows = await prisma.customer.findMany({
    where: { id: { in: shown } },
    select: {
      id: true,
      name: true,
      status: true,
      phone: true,
      wechat: true,
      idCard: true,
      passport: true,
      owner: { select: { name: true } },
      contracts: {
        where: contracts,
        orderBy: [{ signedOn: "desc" }, { id: "desc" }],
        take: 10,
        select: { id: true, number: true, status: true, archiveNumber: true, country: LABEL },
      },
    },
  });
  const order = new Map(shown.map((id, i) => [id, i]));
  rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  const kindsOf = (id: string) => new Set(hits.filter((h) => h.customerId === id).map((h) => h.kind));

  return {
    more,
    rows: rows.map((c) => {
      const kinds = kindsOf(c.id);
      const matches: ArchiveMatch[] = [];
      if (kinds.has("name") && terms.name) matches.push({ kind: "name", segments: highlight(c.name, terms.name) });
      if (kinds.has("phone") && terms.phone) matches.push({ kind: "phone", segments: highlightEnd(c.phone, terms.phone) });
      if (kinds.has("idCard") && c.idCard) matches.push({ kind: "idCard", segments: maskedMatch(c.idCard) });
      if (kinds.has("passport") && c.passport) matches.push({ kind: "passport", segments: maskedMatch(c.passport) });
      if (kinds.has("wechat") && c.wechat) matches.push({ kind: "wechat", segments: [{ text: c.wechat, mark: true }] });
      for (const k of c.contracts) {
        if (kinds.has("contractNumber") && terms.contractNumber && k.number.toLowerCase().includes(terms.contractNumber.toLowerCase()))
          matches.push({ kind: "contractNumber", segments: highlight(k.number, terms.contractNumber) });
        if (kinds.has("archiveNumber") && k.archiveNumber === terms.archiveNumber)
          matches.push({ kind: "archiveNumber", segments: [{ text: k.archiveNumber, mark: true }] });
      }
      return {
        id: c.id,
        name: c.name,
        status: c.status,
        owner: c.owner.name,
        phone: c.phone,
        idCard: maskIdNumber(c.idCard),
        passport: maskIdNumber(c.passport),
        contracts: c.contracts,
        matches,
      };
    }),
  };
}
export type ArchiveSearchRow = Awaited<ReturnType<typeof searchArchive>>["rows"][number];

// A phone matched by its ending: the ending marked.
function highlightEnd(value: string, ending: string): Segment[] {
  if (!value.endsWith(ending)) return highlight(value, ending);
  const cut = value.length - ending.length;
  return [...(cut > 0 ? [{ text: value.slice(0, cut), mark: false }] : []), { text: ending, mark: true }];
}
