import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { paginate, type Paged } from "@/lib/lists/paginate";
import { listProspects } from "@/lib/customers/prospect-queries";
import { listClients } from "@/lib/customers/client-queries";
import { listContracts } from "@/lib/contracts/queries";
import { listNotifications } from "@/lib/notifications/queries";
import { listTransferCandidates } from "@/lib/transfers/queries";
import { clientListSchema, prospectListSchema } from "@/lib/customers/schema";
import { contractListSchema } from "@/lib/contracts/schema";
import { transferCandidateListSchema } from "@/lib/transfers/schema";
import { createContractRecord, createCustomer, createUser } from "./fixtures";

// lib/lists/paginate.ts on real queries, with a small count bound so that every branch (bounded
// count, a page revealing the end, pages beyond the bound read from either end, pages past the end)
// runs on a handful of rows.

let ownerId: string;
let ids: string[]; // the owner's 13 customers in list order (name ascending)

const orderBy: Prisma.CustomerOrderByWithRelationInput[] = [{ name: "asc" }, { id: "asc" }];

function page(
  n: number,
  size: number,
  bound: number,
  where: Prisma.CustomerWhereInput = { ownerId },
  countInOrder = true,
): Promise<Paged<string>> {
  const counted: { orderBy?: unknown }[] = [];
  countCalls = counted;
  return paginate({ page: n, size }, orderBy, {
    count: (args) => {
      counted.push(args);
      return prisma.customer.count({ where, ...args });
    },
    rows: async (args) => (await prisma.customer.findMany({ where, ...args, select: { id: true } })).map((r) => r.id),
  }, { bound, countInOrder });
}
let countCalls: { orderBy?: unknown }[] = [];

beforeAll(async () => {
  const owner = await createUser(["CONSULTANT"]);
  ownerId = owner.id;
  // Names that tie in pairs, so the id tiebreak has to hold pages apart.
  for (let i = 0; i < 13; i++) await createCustomer(owner, { name: `分页${String(Math.floor(i / 2)).padStart(2, "0")}` });
  ids = (await prisma.customer.findMany({ where: { ownerId }, orderBy, select: { id: true } })).map((r) => r.id);
});

describe("paginate: counting up to the bound", () => {
  it("counts exactly up to the bound", async () => {
    const list = await page(1, 5, 20);
    expect(list).toMatchObject({ rows: ids.slice(0, 5), total: 13, exact: true, pages: 3, hasNext: true, pastEnd: false });
  });

  it("says 'more than the bound' beyond it, and knows a next page from one row more", async () => {
    const first = await page(1, 3, 8);
    expect(first).toMatchObject({ rows: ids.slice(0, 3), total: 8, exact: false, pages: null, hasNext: true, pastEnd: false });
    const second = await page(2, 3, 8);
    expect(second).toMatchObject({ rows: ids.slice(3, 6), exact: false, hasNext: true, capped: false });
  });

  it("takes the total from a page that shows the end, even beyond the bound", async () => {
    // 13 rows, pages of 5, bound 10: page 3 starts at 10 (within the bound) and ends the list.
    const last = await page(3, 5, 10);
    expect(last).toMatchObject({ rows: ids.slice(10), total: 13, exact: true, pages: 3, hasNext: false, pastEnd: false });
  });

  it("counts alike with or without walking the list's order (a search counts on its own index)", async () => {
    for (const bound of [5, 20]) {
      const inOrder = await page(1, 5, bound);
      expect(countCalls.every((c) => c.orderBy === orderBy)).toBe(true);
      const unordered = await page(1, 5, bound, { ownerId }, false);
      expect(countCalls.every((c) => c.orderBy === undefined)).toBe(true);
      expect(unordered).toEqual(inOrder);
    }
  });

  it("shows an empty list as one empty page", async () => {
    const list = await page(1, 5, 5, { ownerId, name: "没有这个人" });
    expect(list).toMatchObject({ rows: [], total: 0, exact: true, pages: 1, hasNext: false, pastEnd: false });
  });
});

describe("paginate: paging stops at the bound", () => {
  it("ends at the page holding the bound's row: no next page, and it says so", async () => {
    // 13 rows, pages of 3, bound 5: pages 1 and 2 (rows 0–5) are reachable, the rest lie beyond.
    const last = await page(2, 3, 5);
    expect(last).toMatchObject({ rows: ids.slice(3, 6), total: 5, exact: false, pages: null, hasNext: false, capped: true, pastEnd: false });
    expect((await page(1, 3, 5)).capped).toBe(false);
  });

  it("sends a page beyond the reachable ones to the last reachable page, without reading it", async () => {
    expect(await page(3, 3, 5)).toMatchObject({ rows: [], total: 5, exact: false, pages: 2, capped: true, pastEnd: true });
    expect(await page(999, 3, 5)).toMatchObject({ rows: [], pages: 2, pastEnd: true });
  });

  it("pages through every reachable row without gaps or overlaps, whatever the bound", async () => {
    for (const bound of [0, 2, 5, 100]) {
      const seen: string[] = [];
      for (let n = 1; ; n++) {
        const list = await page(n, 3, bound);
        seen.push(...list.rows);
        if (!list.hasNext) break;
      }
      expect(seen).toEqual(ids.slice(0, Math.min(ids.length, (Math.floor(bound / 3) + 1) * 3)));
    }
  });
});

describe("paginate: a page past the end", () => {
  it("reports the real last page within the bound", async () => {
    expect(await page(9, 5, 20)).toMatchObject({ rows: [], total: 13, exact: true, pages: 3, capped: false, pastEnd: true });
  });

  it("sends an empty list to page 1", async () => {
    expect(await page(4, 5, 5, { ownerId, name: "没有这个人" })).toMatchObject({ rows: [], total: 0, pages: 1, pastEnd: true });
  });
});

describe("every paged list reports a page past the end", () => {
  it("我的准客户, 我的签约客户, 我的合同, 转咨询 and notifications", async () => {
    const a = await createUser(["CONSULTANT"]);
    const prospect = await createCustomer(a);
    const client = await createCustomer(a, { status: "CLIENT" });
    await createContractRecord(client.id, a);
    await prisma.notification.create({ data: { userId: a.id, kind: "customersTransferred", params: { count: 1 } } });

    const lists = [
      await listProspects(a, prospectListSchema.parse({ page: "999" })),
      await listClients(a, clientListSchema.parse({ page: "999" })),
      await listContracts(a, contractListSchema.parse({ page: "999" })),
      await listTransferCandidates(a, transferCandidateListSchema.parse({ page: "999" })),
      await listNotifications(a, { page: 999 }),
    ];
    for (const list of lists) expect(list).toMatchObject({ rows: [], pastEnd: true, pages: 1 });
    expect(lists[3].total).toBe(2);

    const firstPages = [
      await listProspects(a, prospectListSchema.parse({})),
      await listTransferCandidates(a, transferCandidateListSchema.parse({ status: "PROSPECT" })),
    ];
    for (const list of firstPages) expect(list).toMatchObject({ rows: [expect.objectContaining({ id: prospect.id })], pastEnd: false });
  });
});
