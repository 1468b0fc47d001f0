import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import type { Role } from "@/lib/generated/prisma/enums";
import { prisma } from "@/lib/db";
import { ConflictError, DomainError, NotFoundError } from "@/lib/errors";
import { EMPTY_PROSPECT, updateProspectSchema } from "@/lib/customers/schema";
import { updateProspect } from "@/lib/customers/prospect-service";
import { transferSchema, type TransferFormValues } from "@/lib/transfers/schema";
import { transferCustomers } from "@/lib/transfers/service";
import { getOwnershipHistory, listTransferCandidates, listTransferReceivers } from "@/lib/transfers/queries";
import { countUnread, listNotifications } from "@/lib/notifications/queries";
import { markNotificationsRead } from "@/lib/notifications/service";
import { createContractRecord, createCustomer, createTeam, createUser } from "./fixtures";

// The real server actions, with only "who is signed in" and Next's cache swapped out.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { transferCustomersAction } = await import("@/lib/transfers/actions");
const { markNotificationsReadAction } = await import("@/app/(app)/notifications/actions");

const ROLES: Role[] = ["CONSULTANT", "DOCUMENT_OFFICER", "MANAGER", "FINANCE", "ARCHIVIST", "ADMIN_SECRETARY", "IT_ADMIN"];

const input = (over: Partial<TransferFormValues> & Pick<TransferFormValues, "customerIds" | "toUserId">) =>
  transferSchema.parse({ reason: "客户搬到上海，由当地咨询跟进", ...over });

async function agency() {
  const team = await createTeam();
  const otherTeam = await createTeam();
  const a = await createUser(["CONSULTANT"], { teamId: team.id, name: "顾问甲" });
  const b = await createUser(["CONSULTANT"], { teamId: team.id, name: "顾问乙" });
  const c = await createUser(["CONSULTANT"], { teamId: otherTeam.id, name: "顾问丙" });
  const manager = await createUser(["MANAGER", "CONSULTANT"], { teamId: team.id, name: "经理甲" });
  const otherManager = await createUser(["MANAGER"], { teamId: otherTeam.id, name: "经理乙" });
  const it = await createUser(["IT_ADMIN"], { name: "信息中心" });
  return { team, otherTeam, a, b, c, manager, otherManager, it };
}

// Everything a transfer writes about a customer, to prove a refusal changed nothing.
async function snapshot(customerId: string) {
  const customer = await prisma.customer.findUniqueOrThrow({ where: { id: customerId }, select: { ownerId: true, version: true } });
  const contracts = await prisma.contract.findMany({
    where: { customerId },
    select: { id: true, ownerId: true, signedById: true, version: true },
    orderBy: { id: "asc" },
  });
  const transfers = await prisma.ownershipTransfer.count({ where: { customerId } });
  const audits = await prisma.auditLog.count({ where: { entity: "Customer", entityId: customerId } });
  return { customer, contracts, transfers, audits };
}

async function notificationsOf(userId: string) {
  return prisma.notification.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });
}

describe("转交 one customer", () => {
  it("moves the owner's prospect: new owner, version + 1, one history row, one audit row", async () => {
    const { a, b } = await agency();
    const customer = await createCustomer(a, { name: "陈一" });

    const result = await transferCustomers(a, input({ customerIds: [customer.id], toUserId: b.id }));

    expect(result).toEqual({ moved: 1, skipped: 0 });
    const row = await prisma.customer.findUniqueOrThrow({ where: { id: customer.id } });
    expect(row).toMatchObject({ ownerId: b.id, version: 2, createdById: a.id });
    const history = await prisma.ownershipTransfer.findMany({ where: { customerId: customer.id } });
    expect(history).toEqual([
      expect.objectContaining({
        fromUserId: a.id,
        toUserId: b.id,
        byUserId: a.id,
        reason: "客户搬到上海，由当地咨询跟进",
        contractsMoved: 0,
      }),
    ]);
    const audit = await prisma.auditLog.findMany({ where: { entity: "Customer", entityId: customer.id } });
    expect(audit).toEqual([
      expect.objectContaining({ action: "customer.transfer", actorId: a.id, before: { ownerId: a.id }, after: { ownerId: b.id } }),
    ]);
  });

  it("lets the owner's team manager and IT move it, across teams too", async () => {
    const { a, b, c, manager, it } = await agency();
    const first = await createCustomer(a);
    const second = await createCustomer(a, { status: "CLIENT" });

    expect(await transferCustomers(manager, input({ customerIds: [first.id], toUserId: b.id }))).toEqual({ moved: 1, skipped: 0 });
    expect(await transferCustomers(it, input({ customerIds: [second.id], toUserId: c.id }))).toEqual({ moved: 1, skipped: 0 });

    expect((await prisma.customer.findUniqueOrThrow({ where: { id: first.id } })).ownerId).toBe(b.id);
    expect((await prisma.customer.findUniqueOrThrow({ where: { id: second.id } })).ownerId).toBe(c.id);
    expect(await prisma.ownershipTransfer.findFirst({ where: { customerId: second.id } })).toMatchObject({
      fromUserId: a.id,
      toUserId: c.id,
      byUserId: it.id,
    });
  });

  it("bumps the version so an edit form opened before the transfer gets the conflict", async () => {
    const { a, b, manager } = await agency();
    const customer = await createCustomer(a, { name: "刘二" });
    const staleForm = updateProspectSchema.parse({
      ...EMPTY_PROSPECT,
      name: "刘二二",
      phone: customer.phone,
      id: customer.id,
      version: 1,
    });

    await transferCustomers(a, input({ customerIds: [customer.id], toUserId: b.id }));

    await expect(updateProspect(manager, staleForm)).rejects.toBeInstanceOf(ConflictError);
    expect((await prisma.customer.findUniqueOrThrow({ where: { id: customer.id } })).name).toBe("刘二");
    // The new owner, with the current version, saves normally.
    await expect(updateProspect(b, { ...staleForm, version: 2 })).resolves.toEqual({ id: customer.id, version: 3 });
  });
});

describe("who may not transfer: refused by the server, nothing changed", () => {
  it.each([
    ["another consultant of the same team", "b"],
    ["a consultant of another team", "c"],
    ["another team's manager", "otherManager"],
  ] as const)("%s gets notFound", async (_label, who) => {
    const people = await agency();
    const customer = await createCustomer(people.a);
    await createContractRecord(customer.id, people.a);
    const before = await snapshot(customer.id);

    const error = await transferCustomers(people[who], input({ customerIds: [customer.id], toUserId: people[who].id === people.b.id ? people.c.id : people.b.id })).catch((e) => e);

    expect(error).toBeInstanceOf(NotFoundError);
    expect(await snapshot(customer.id)).toEqual(before);
    expect(await prisma.notification.count({ where: { userId: { in: [people.a.id, people.b.id, people.c.id] } } })).toBe(0);
  });

  it("a role without transfer.consultant is refused even by the service", async () => {
    const { a, b } = await agency();
    const customer = await createCustomer(a);
    const finance = await createUser(["FINANCE"]);
    const before = await snapshot(customer.id);
    await expect(transferCustomers(finance, input({ customerIds: [customer.id], toUserId: b.id }))).rejects.toMatchObject({
      code: "forbidden",
    });
    expect(await snapshot(customer.id)).toEqual(before);
  });
});

describe("role × action matrix for transferCustomersAction", () => {
  let people: Awaited<ReturnType<typeof agency>>;
  beforeEach(async () => {
    people = await agency();
  });

  // A teammate's customer: the consultant is not its owner; the team's manager is.
  it.each(ROLES)("as %s of the owner's team", async (role) => {
    const customer = await createCustomer(people.a);
    await createContractRecord(customer.id, people.a);
    const before = await snapshot(customer.id);
    session.user = await createUser([role], { teamId: people.team.id });

    const result = await transferCustomersAction({ customerIds: [customer.id], toUserId: people.b.id, reason: "矩阵测试" });

    if (role === "MANAGER" || role === "IT_ADMIN") {
      expect(result).toEqual({ ok: true, data: { moved: 1, skipped: 0 } });
      expect((await snapshot(customer.id)).customer).toEqual({ ownerId: people.b.id, version: 2 });
    } else {
      expect(result).toEqual(
        role === "CONSULTANT" ? { ok: false, formError: "notFound" } : { ok: false, formError: "forbidden" },
      );
      expect(await snapshot(customer.id)).toEqual(before);
    }
  });

  it("as another team's manager: notFound and nothing changed", async () => {
    const customer = await createCustomer(people.a);
    const before = await snapshot(customer.id);
    session.user = people.otherManager;
    const result = await transferCustomersAction({ customerIds: [customer.id], toUserId: people.c.id, reason: "越权转交" });
    expect(result).toEqual({ ok: false, formError: "notFound" });
    expect(await snapshot(customer.id)).toEqual(before);
  });

  it("refuses an inactive receiver and a receiver who is not a consultant, with a field error", async () => {
    const customer = await createCustomer(people.a);
    const before = await snapshot(customer.id);
    session.user = people.a;
    const inactive = await createUser(["CONSULTANT"], { teamId: people.team.id, active: false });
    const financeUser = await createUser(["FINANCE"]);
    for (const receiver of [inactive, financeUser, people.otherManager]) {
      const result = await transferCustomersAction({ customerIds: [customer.id], toUserId: receiver.id, reason: "离职交接" });
      expect(result).toEqual({ ok: false, formError: "invalidInput", fieldErrors: { toUserId: ["receiverInvalid"] } });
    }
    const unknown = await transferCustomersAction({ customerIds: [customer.id], toUserId: "no-such-user", reason: "离职交接" });
    expect(unknown).toMatchObject({ fieldErrors: { toUserId: ["receiverInvalid"] } });
    expect(await snapshot(customer.id)).toEqual(before);
  });

  it("refuses a missing or too short reason, no selection and repeated ids, with field errors", async () => {
    const customer = await createCustomer(people.a);
    const before = await snapshot(customer.id);
    session.user = people.a;
    const base = { customerIds: [customer.id], toUserId: people.b.id };

    expect(await transferCustomersAction({ ...base, reason: "  " })).toEqual({
      ok: false,
      formError: "invalidInput",
      fieldErrors: { reason: ["required"] },
    });
    expect(await transferCustomersAction({ ...base, reason: "走" })).toMatchObject({ fieldErrors: { reason: ["reasonTooShort"] } });
    expect(await transferCustomersAction({ ...base, reason: "长".repeat(501) })).toMatchObject({ fieldErrors: { reason: ["tooLong"] } });
    expect(await transferCustomersAction({ ...base, toUserId: "", reason: "原因充分" })).toMatchObject({
      fieldErrors: { toUserId: ["required"] },
    });
    expect(await transferCustomersAction({ ...base, customerIds: [], reason: "原因充分" })).toMatchObject({
      fieldErrors: { customerIds: ["selectionRequired"] },
    });
    expect(await transferCustomersAction({ ...base, customerIds: [customer.id, customer.id], reason: "原因充分" })).toMatchObject({
      fieldErrors: { customerIds: ["selectionDuplicate"] },
    });
    expect(
      await transferCustomersAction({ ...base, customerIds: Array.from({ length: 201 }, (_, i) => `id-${i}`), reason: "原因充分" }),
    ).toMatchObject({ fieldErrors: { customerIds: ["selectionTooLarge"] } });
    expect(await snapshot(customer.id)).toEqual(before);
  });
});

describe("batches", () => {
  it("is all-or-nothing: one customer outside the user's scope moves none", async () => {
    const { a, b, c } = await agency();
    const mine = [await createCustomer(a), await createCustomer(a)];
    const notMine = await createCustomer(c);
    const before = await Promise.all([...mine, notMine].map((x) => snapshot(x.id)));

    const error = await transferCustomers(a, input({ customerIds: [mine[0].id, notMine.id, mine[1].id], toUserId: b.id })).catch((e) => e);

    expect(error).toBeInstanceOf(NotFoundError);
    expect(await Promise.all([...mine, notMine].map((x) => snapshot(x.id)))).toEqual(before);
    expect(await notificationsOf(b.id)).toEqual([]);
  });

  it("refuses an id that does not exist the same way", async () => {
    const { a, b } = await agency();
    const mine = await createCustomer(a);
    await expect(transferCustomers(a, input({ customerIds: [mine.id, "missing-id"], toUserId: b.id }))).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect((await snapshot(mine.id)).customer.ownerId).toBe(a.id);
  });

  it("skips customers the receiver already owns and reports them", async () => {
    const { a, b, manager } = await agency();
    const fromA = await createCustomer(a, { name: "甲的客户" });
    const alreadyB = await createCustomer(b, { name: "乙的客户" });

    const result = await transferCustomers(manager, input({ customerIds: [fromA.id, alreadyB.id], toUserId: b.id }));

    expect(result).toEqual({ moved: 1, skipped: 1 });
    expect(await snapshot(alreadyB.id)).toMatchObject({ customer: { ownerId: b.id, version: 1 }, transfers: 0, audits: 0 });
    expect(await snapshot(fromA.id)).toMatchObject({ customer: { ownerId: b.id, version: 2 }, transfers: 1, audits: 1 });
  });

  it("moves a batch in one go: one history row and audit row per customer", async () => {
    const { a, b } = await agency();
    const customers = await Promise.all([1, 2, 3, 4].map((i) => createCustomer(a, { name: `批量${i}` })));

    const result = await transferCustomers(a, input({ customerIds: customers.map((x) => x.id), toUserId: b.id }));

    expect(result).toEqual({ moved: 4, skipped: 0 });
    for (const x of customers) {
      expect(await snapshot(x.id)).toMatchObject({ customer: { ownerId: b.id, version: 2 }, transfers: 1, audits: 1 });
    }
  });
});

describe("contracts", () => {
  it("move with the customer by default; the signer keeps the credit", async () => {
    const { a, b } = await agency();
    const customer = await createCustomer(a, { status: "CLIENT" });
    const k1 = await createContractRecord(customer.id, a);
    const k2 = await createContractRecord(customer.id, a, { status: "AUDITED" });

    await transferCustomers(a, input({ customerIds: [customer.id], toUserId: b.id }));

    const contracts = await prisma.contract.findMany({ where: { customerId: customer.id }, orderBy: { id: "asc" } });
    for (const k of contracts) expect(k).toMatchObject({ ownerId: b.id, signedById: a.id, version: 2 });
    expect((await prisma.ownershipTransfer.findFirstOrThrow({ where: { customerId: customer.id } })).contractsMoved).toBe(2);
    const audits = await prisma.auditLog.findMany({ where: { entity: "Contract", entityId: { in: [k1.id, k2.id] } } });
    expect(audits).toHaveLength(2);
    for (const row of audits) {
      expect(row).toMatchObject({ action: "contract.transfer", actorId: a.id, before: { ownerId: a.id }, after: { ownerId: b.id } });
    }
  });

  it("stay with the consultant when keepContracts is ticked", async () => {
    const { a, b } = await agency();
    const customer = await createCustomer(a, { status: "CLIENT" });
    const contract = await createContractRecord(customer.id, a);

    await transferCustomers(a, input({ customerIds: [customer.id], toUserId: b.id, keepContracts: true }));

    expect(await prisma.contract.findUniqueOrThrow({ where: { id: contract.id } })).toMatchObject({
      ownerId: a.id,
      signedById: a.id,
      version: 1,
    });
    expect((await prisma.ownershipTransfer.findFirstOrThrow({ where: { customerId: customer.id } })).contractsMoved).toBe(0);
    expect(await prisma.auditLog.count({ where: { entity: "Contract", entityId: contract.id } })).toBe(0);
  });

  it("signedById never changes, even when the contract moves on a second time", async () => {
    const { a, b, manager } = await agency();
    const customer = await createCustomer(a, { status: "CLIENT" });
    const contract = await createContractRecord(customer.id, a);

    await transferCustomers(a, input({ customerIds: [customer.id], toUserId: b.id }));
    await transferCustomers(manager, input({ customerIds: [customer.id], toUserId: manager.id }));

    expect(await prisma.contract.findUniqueOrThrow({ where: { id: contract.id } })).toMatchObject({
      ownerId: manager.id,
      signedById: a.id,
      version: 3,
    });
  });
});

describe("ownership history", () => {
  it("lists every move newest first, in the reader's scope only", async () => {
    const { a, b, c, manager, it } = await agency();
    const customer = await createCustomer(a);
    await transferCustomers(a, input({ customerIds: [customer.id], toUserId: b.id, reason: "第一次转交" }));
    await transferCustomers(manager, input({ customerIds: [customer.id], toUserId: manager.id, reason: "经理接手" }));

    const history = await getOwnershipHistory(manager, customer.id);
    expect(history.map((h) => [h.fromUser.name, h.toUser.name, h.byUser.name, h.reason])).toEqual([
      ["顾问乙", "经理甲", "经理甲", "经理接手"],
      ["顾问甲", "顾问乙", "顾问甲", "第一次转交"],
    ]);
    expect(await getOwnershipHistory(it, customer.id)).toHaveLength(2);
    // The previous owners no longer see the customer, nor its history.
    expect(await getOwnershipHistory(a, customer.id)).toEqual([]);
    expect(await getOwnershipHistory(b, customer.id)).toEqual([]);
    expect(await getOwnershipHistory(c, customer.id)).toEqual([]);
  });
});

describe("notifications", () => {
  it("tell the receiver once per batch, quoting the first three names", async () => {
    const { a, b } = await agency();
    const names = ["赵一", "钱二", "孙三", "李四"];
    const customers = [];
    for (const name of names) customers.push(await createCustomer(a, { name }));

    await transferCustomers(a, input({ customerIds: customers.map((x) => x.id), toUserId: b.id, reason: "调整分工" }));

    const received = await notificationsOf(b.id);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      kind: "customersTransferred",
      params: { count: 4, byName: "顾问甲", reason: "调整分工", names: ["赵一", "钱二", "孙三"] },
      link: "/transfers/consultant",
      readAt: null,
    });
    // The owner moved them, so they need no message about it.
    expect(await notificationsOf(a.id)).toEqual([]);
  });

  it("link a single customer to its page, and tell the previous owner when someone else moved it", async () => {
    const { a, b, manager } = await agency();
    const prospect = await createCustomer(a, { name: "周五" });
    const client = await createCustomer(b, { name: "吴六", status: "CLIENT" });

    await transferCustomers(manager, input({ customerIds: [prospect.id], toUserId: b.id }));
    await transferCustomers(manager, input({ customerIds: [client.id], toUserId: a.id }));

    expect(await notificationsOf(b.id)).toEqual([
      expect.objectContaining({ kind: "customersTransferred", link: `/prospects/${prospect.id}` }),
      expect.objectContaining({
        kind: "customersTransferredAway",
        params: expect.objectContaining({ count: 1, toName: "顾问甲", byName: "经理甲", names: ["吴六"] }),
        link: null,
      }),
    ]);
    expect(await notificationsOf(a.id)).toEqual([
      expect.objectContaining({
        kind: "customersTransferredAway",
        params: expect.objectContaining({ count: 1, toName: "顾问乙", names: ["周五"] }),
      }),
      expect.objectContaining({ kind: "customersTransferred", link: `/clients/${client.id}` }),
    ]);
  });

  it("send nothing when every customer was skipped", async () => {
    const { b, manager } = await agency();
    const customer = await createCustomer(b);
    expect(await transferCustomers(manager, input({ customerIds: [customer.id], toUserId: b.id }))).toEqual({ moved: 0, skipped: 1 });
    expect(await notificationsOf(b.id)).toEqual([]);
  });

  it("are counted, listed newest first and marked read by their own reader only", async () => {
    const { a, b } = await agency();
    const first = await createCustomer(a);
    const second = await createCustomer(a);
    await transferCustomers(a, input({ customerIds: [first.id], toUserId: b.id, reason: "第一批" }));
    await transferCustomers(a, input({ customerIds: [second.id], toUserId: b.id, reason: "第二批" }));

    expect(await countUnread(b)).toBe(2);
    const { rows, total, unread } = await listNotifications(b, { page: 1 });
    expect(total).toBe(2);
    expect(unread).toBe(2);
    expect(rows.map((r) => (r.params as { reason: string }).reason)).toEqual(["第二批", "第一批"]);

    // Someone else's ids match nothing.
    expect(await markNotificationsRead(a, [rows[0].id])).toEqual({ count: 0 });
    expect(await countUnread(b)).toBe(2);

    expect(await markNotificationsRead(b, [rows[0].id])).toEqual({ count: 1 });
    expect(await countUnread(b)).toBe(1);
    expect(await prisma.auditLog.count({ where: { entity: "Notification", entityId: rows[0].id, action: "notification.read" } })).toBe(1);
    expect(await markNotificationsRead(b, "all")).toEqual({ count: 1 });
    expect(await countUnread(b)).toBe(0);
  });

  it.each(ROLES)("markNotificationsReadAction is open to %s, for their own notifications", async (role) => {
    const user = await createUser([role]);
    const other = await createUser(["CONSULTANT"]);
    const own = await prisma.notification.create({ data: { userId: user.id, kind: "customersTransferred", params: {} } });
    const theirs = await prisma.notification.create({ data: { userId: other.id, kind: "customersTransferred", params: {} } });
    session.user = user;

    expect(await markNotificationsReadAction({ ids: [own.id, theirs.id] })).toEqual({ ok: true, data: { count: 1 } });
    expect((await prisma.notification.findUniqueOrThrow({ where: { id: theirs.id } })).readAt).toBeNull();
    expect(await markNotificationsReadAction({ ids: "all" })).toEqual({ ok: true, data: { count: 0 } });
  });
});

describe("concurrency", () => {
  it("two transfers of the same customer at once: exactly one applies", async () => {
    const { a, b, c } = await agency();
    const customer = await createCustomer(a);

    const results = await Promise.allSettled([
      transferCustomers(a, input({ customerIds: [customer.id], toUserId: b.id })),
      transferCustomers(a, input({ customerIds: [customer.id], toUserId: c.id })),
    ]);

    const applied = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r) => r.status === "rejected");
    expect(applied).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect((refused[0] as PromiseRejectedResult).reason).toBeInstanceOf(DomainError);
    const winner = results[0].status === "fulfilled" ? b : c;
    expect(await snapshot(customer.id)).toMatchObject({ customer: { ownerId: winner.id, version: 2 }, transfers: 1, audits: 1 });
  });

  it("a manager's two identical batches at once: the second finds nothing left to move", async () => {
    const { a, b, manager } = await agency();
    const customers = [await createCustomer(a), await createCustomer(a)];
    const ids = customers.map((x) => x.id);

    const results = await Promise.all([
      transferCustomers(manager, input({ customerIds: ids, toUserId: b.id })),
      transferCustomers(manager, input({ customerIds: [...ids].reverse(), toUserId: b.id })),
    ]);

    expect(results.map((r) => r.moved).sort()).toEqual([0, 2]);
    for (const id of ids) expect(await snapshot(id)).toMatchObject({ customer: { ownerId: b.id, version: 2 }, transfers: 1 });
    expect(await notificationsOf(b.id)).toHaveLength(1);
  });
});

describe("转咨询 list and receivers", () => {
  it("lists prospects and clients in scope, filtered by status, owner and name or phone", async () => {
    const { a, b, c, manager } = await agency();
    const tag = `筛${Math.random().toString(36).slice(2, 7)}`;
    const p = await createCustomer(a, { name: `${tag}准` });
    const k = await createCustomer(b, { name: `${tag}签`, status: "CLIENT" });
    await createCustomer(c, { name: `${tag}外` });
    const base = { q: tag, status: "", owner: "", sort: "name", dir: "asc", page: 1, size: 20 } as const;

    const all = await listTransferCandidates(manager, base);
    expect(all.rows.map((r) => r.id).sort()).toEqual([k.id, p.id].sort());
    expect(all.total).toBe(2);
    expect((await listTransferCandidates(manager, { ...base, status: "CLIENT" })).rows.map((r) => r.id)).toEqual([k.id]);
    expect((await listTransferCandidates(manager, { ...base, owner: a.id })).rows.map((r) => r.id)).toEqual([p.id]);
    expect((await listTransferCandidates(manager, { ...base, q: p.phone.slice(-6) })).rows.map((r) => r.id)).toEqual([p.id]);
    // A consultant sees only their own; filtering by someone else's id adds nothing.
    expect((await listTransferCandidates(a, base)).rows.map((r) => r.id)).toEqual([p.id]);
    expect((await listTransferCandidates(a, { ...base, owner: b.id })).total).toBe(0);
  });

  it("offers only active consultants as receivers, sorted by team then name", async () => {
    const { a, b, c, manager, otherManager, it } = await agency();
    const inactive = await createUser(["CONSULTANT"], { active: false });
    const receivers = await listTransferReceivers();
    const ids = receivers.map((r) => r.id);
    for (const u of [a, b, c, manager]) expect(ids).toContain(u.id);
    for (const u of [otherManager, it, inactive]) expect(ids).not.toContain(u.id);
    expect(receivers.find((r) => r.id === a.id)).toMatchObject({ name: "顾问甲", teamName: expect.any(String) });
    // Grouped by team: the members of one team come one after another.
    const positions = [a, b, manager].map((u) => ids.indexOf(u.id)).sort((x, y) => x - y);
    expect(positions[2] - positions[0]).toBe(2);
  });
});
