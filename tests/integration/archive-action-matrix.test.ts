import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import type { Role } from "@/lib/generated/prisma/enums";
import { prisma } from "@/lib/db";
import { createContractRecord, createCustomer, createTeam, createUser } from "./fixtures";
import { useOfficialCalendar } from "./processes-fixtures";

// Role × action for 档案中心转案 (issue 10 §1), through the real server actions with only "who is signed
// in" and Next's cache swapped out. Each role acts on a teammate consultant's audited contract: 接收 and
// 补收 are the archive centre's (and IT's); 发起转案 and 撤回 need the contract in the change scope (a
// consultant reaches only their own: notFound); 签收 is the addressed 文案's; the settings are IT's.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const actions = await import("@/lib/archive/actions");

const ROLES: Role[] = ["CONSULTANT", "DOCUMENT_OFFICER", "MANAGER", "FINANCE", "ARCHIVIST", "ADMIN_SECRETARY", "IT_ADMIN"];
type Outcome = "ok" | "forbidden" | "notFound";
const outcome = (r: { ok: boolean; formError?: string }): string => (r.ok ? "ok" : (r.formError ?? "?"));

let teamId: string;
let officer: SessionUser;
beforeAll(async () => {
  await useOfficialCalendar();
  teamId = (await createTeam()).id;
  officer = await createUser(["DOCUMENT_OFFICER"]);
});

// A teammate's audited contract waiting for the archive centre; the acting user of `role` in the team.
async function caseFor(role: Role) {
  const owner = await createUser(["CONSULTANT"], { teamId });
  const actor = role === "DOCUMENT_OFFICER" ? officer : await createUser([role], { teamId });
  const customer = await createCustomer(owner, { status: "CLIENT" });
  const contract = await createContractRecord(customer.id, owner, { status: "AUDITED" });
  await prisma.dictionaryItem.update({ where: { id: contract.countryId }, data: { code: `M${randomUUID().slice(0, 5)}` } });
  await prisma.contract.update({ where: { id: contract.id }, data: { auditedAt: new Date() } });
  session.user = actor;
  return { contract, owner, customer };
}

async function transfer(contractId: string, customerId: string, senderId: string, to: "ARCHIVE" | "DOCUMENT", signed = false) {
  return prisma.caseTransfer.create({
    data: {
      contractId,
      customerId,
      fromDepartment: to === "ARCHIVE" ? "CONSULTING" : "ARCHIVE",
      toDepartment: to,
      senderId,
      receiverId: to === "DOCUMENT" ? officer.id : null,
      sentAt: new Date(),
      dueOn: new Date(),
      ...(signed ? { status: "SIGNED" as const, signedAt: new Date(), signedById: senderId } : {}),
      items: { create: [{ item: "PHOTO" }] },
    },
  });
}

const ARCHIVE: Record<Role, Outcome> = {
  CONSULTANT: "forbidden",
  DOCUMENT_OFFICER: "forbidden",
  MANAGER: "forbidden",
  FINANCE: "forbidden",
  ARCHIVIST: "ok",
  ADMIN_SECRETARY: "forbidden",
  IT_ADMIN: "ok",
};
const CHANGE: Record<Role, Outcome> = { ...ARCHIVE, CONSULTANT: "notFound", MANAGER: "ok", ARCHIVIST: "forbidden" };
const SIGN: Record<Role, Outcome> = { ...ARCHIVE, DOCUMENT_OFFICER: "ok", ARCHIVIST: "forbidden", IT_ADMIN: "notFound" };
const SETTINGS: Record<Role, Outcome> = { ...ARCHIVE, ARCHIVIST: "forbidden" };

describe("role × action matrix for 档案中心转案", () => {
  it.each(ROLES)("receiveCaseAction as %s", async (role) => {
    const { contract } = await caseFor(role);
    const result = await actions.receiveCaseAction({
      contractId: contract.id,
      items: [{ item: "CONTRACT_ORIGINAL", state: "RECEIVED", note: "" }],
      documentOfficerId: officer.id,
      note: "",
    });
    expect(outcome(result)).toBe(ARCHIVE[role]);
    const after = await prisma.contract.findUniqueOrThrow({ where: { id: contract.id } });
    expect(after.archiveNumber !== null).toBe(result.ok);
  });

  it.each(ROLES)("sendTransferAction and cancelTransferAction as %s", async (role) => {
    const { contract, owner, customer } = await caseFor(role);
    const sent = await actions.sendTransferAction({ contractId: contract.id, items: [{ item: "CONTRACT_ORIGINAL", note: "" }], note: "" });
    expect(outcome(sent)).toBe(CHANGE[role]);
    const open = await transfer(contract.id, customer.id, owner.id, "ARCHIVE").catch(() => prisma.caseTransfer.findFirstOrThrow({ where: { contractId: contract.id, status: "SENT" } }));
    const cancelled = await actions.cancelTransferAction({ transferId: open.id, version: open.version });
    expect(outcome(cancelled)).toBe(CHANGE[role]);
    expect((await prisma.caseTransfer.findUniqueOrThrow({ where: { id: open.id } })).status).toBe(cancelled.ok ? "CANCELLED" : "SENT");
  });

  it.each(ROLES)("signTransferAction as %s (a hand-off to the 文案)", async (role) => {
    const { contract, customer } = await caseFor(role);
    const it = await createUser(["IT_ADMIN"]);
    const handoff = await transfer(contract.id, customer.id, it.id, "DOCUMENT");
    const result = await actions.signTransferAction({ transferId: handoff.id, version: 1 });
    expect(outcome(result)).toBe(SIGN[role]);
    expect((await prisma.caseTransfer.findUniqueOrThrow({ where: { id: handoff.id } })).status).toBe(result.ok ? "SIGNED" : "SENT");
  });

  it.each(ROLES)("collectItemsAction as %s", async (role) => {
    const { contract, customer, owner } = await caseFor(role);
    const handoff = await transfer(contract.id, customer.id, owner.id, "ARCHIVE", true);
    const result = await actions.collectItemsAction({ transferId: handoff.id, version: 1, items: ["PHOTO"] });
    expect(outcome(result)).toBe(ARCHIVE[role]);
    const item = await prisma.caseTransferItem.findFirstOrThrow({ where: { transferId: handoff.id } });
    expect(item.receivedAt !== null).toBe(result.ok);
  });

  it.each(ROLES)("saveArchiveSettingsAction as %s", async (role) => {
    session.user = await createUser([role], { teamId });
    const row = await prisma.systemSetting.findUnique({ where: { key: "archive" } });
    const result = await actions.saveArchiveSettingsAction({ numberPattern: "{国家代码}{yyyy}{seq:5}", toArchiveDays: 3, toDocumentDays: 2, version: row?.version ?? 0 });
    expect(outcome(result)).toBe(SETTINGS[role]);
  });
});
