import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import type { Role } from "@/lib/generated/prisma/enums";
import { prisma } from "@/lib/db";
import { createCustomer, createTeam, createUser } from "./fixtures";

// 移交工作's server actions × every role (issue 11 §4): who may preview and request a handover of a
// teammate's work (handover.manage with the source in reach: the team's manager, IT — a consultant
// only their own), who may withdraw (its requester only), and the inbox's decideAction on the new kind
// (the source's managers only).

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { previewHandoverAction, requestHandoverAction, withdrawHandoverAction } = await import("@/lib/handover/actions");
const { decideAction } = await import("@/lib/approvals/actions");

const ROLES: Role[] = ["CONSULTANT", "DOCUMENT_OFFICER", "MANAGER", "FINANCE", "ARCHIVIST", "ADMIN_SECRETARY", "IT_ADMIN"];

async function setup() {
  const team = await createTeam();
  const source = await createUser(["CONSULTANT"], { teamId: team.id, name: "矩阵移交人" });
  const receiver = await createUser(["CONSULTANT"], { teamId: team.id, name: "矩阵接收人" });
  const prospect = await createCustomer(source);
  const plan = { fromUserId: source.id, receiverIds: [receiver.id], kinds: ["prospects" as const], split: "EVENLY" as const, byType: {} };
  const pending = () =>
    prisma.handover.create({ data: { fromUserId: source.id, requesterId: source.id, reason: "离职", split: "EVENLY", receiverIds: [receiver.id], kinds: ["prospects"], preview: { prospects: { [receiver.id]: 1 } } } });
  return { team, source, receiver, prospect, plan, pending };
}

describe("role × action matrix for 移交工作", () => {
  let s: Awaited<ReturnType<typeof setup>>;
  beforeEach(async () => {
    s = await setup();
  });

  it.each(ROLES)("previewHandoverAction and requestHandoverAction on a teammate's work as %s", async (role) => {
    session.user = await createUser([role], { teamId: s.team.id });
    const preview = await previewHandoverAction(s.plan);
    const result = await requestHandoverAction({ ...s.plan, reason: "离职交接", deactivateSource: true });
    const count = await prisma.handover.count({ where: { fromUserId: s.source.id } });
    if (role === "MANAGER" || role === "IT_ADMIN") {
      expect(preview).toMatchObject({ ok: true, data: { total: 1 } });
      expect(result).toMatchObject({ ok: true });
      expect(count).toBe(1);
    } else {
      // A consultant of the team hands over only their own work; the others hold no handover.manage.
      const refusal = role === "CONSULTANT" ? { ok: false, formError: "invalidInput", fieldErrors: { fromUserId: ["handoverSourceInvalid"] } } : { ok: false, formError: "forbidden" };
      expect(preview).toEqual(refusal);
      expect(result).toEqual(refusal);
      expect(count).toBe(0);
    }
    expect((await prisma.customer.findUniqueOrThrow({ where: { id: s.prospect.id } })).ownerId).toBe(s.source.id);
  });

  it.each(ROLES)("withdrawHandoverAction on someone else's handover as %s", async (role) => {
    const h = await s.pending();
    session.user = await createUser([role], { teamId: s.team.id });
    expect((await withdrawHandoverAction({ id: h.id, version: 1 })).ok).toBe(false);
    expect((await prisma.handover.findUniqueOrThrow({ where: { id: h.id } })).status).toBe("PENDING_MANAGER");
  });

  it("withdrawHandoverAction by its requester", async () => {
    const h = await s.pending();
    session.user = s.source;
    expect(await withdrawHandoverAction({ id: h.id, version: 1 })).toMatchObject({ ok: true });
  });

  it.each(ROLES)("decideAction (HANDOVER, 通过) as %s of the team", async (role) => {
    const h = await s.pending();
    session.user = await createUser([role], { teamId: s.team.id });
    const result = await decideAction({ kind: "HANDOVER", id: h.id, version: 1, decision: "APPROVED", comment: "" });
    const owner = (await prisma.customer.findUniqueOrThrow({ where: { id: s.prospect.id } })).ownerId;
    if (role === "MANAGER") {
      expect(result).toMatchObject({ ok: true });
      expect(owner).toBe(s.receiver.id);
    } else {
      // IT holds every permission but is no manager: deciders are the team's managers.
      expect(result.ok).toBe(false);
      expect(owner).toBe(s.source.id);
      expect((await prisma.handover.findUniqueOrThrow({ where: { id: h.id } })).status).toBe("PENDING_MANAGER");
    }
  });

  it("a handover is never approved in bulk", async () => {
    const h = await s.pending();
    const { approveManyAction } = await import("@/lib/approvals/actions");
    session.user = await createUser(["MANAGER"], { teamId: s.team.id });
    const result = await approveManyAction({ items: [{ kind: "HANDOVER", id: h.id, version: 1 }], comment: "" });
    expect(result).toMatchObject({ ok: true, data: [{ ok: false, error: "invalidInput" }] });
    expect((await prisma.handover.findUniqueOrThrow({ where: { id: h.id } })).status).toBe("PENDING_MANAGER");
  });
});
