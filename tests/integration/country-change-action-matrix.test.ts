import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import type { Role } from "@/lib/generated/prisma/enums";
import { prisma } from "@/lib/db";
import { createContractRecord, createCustomer, createDictionaryItem, createTeam, createUser } from "./fixtures";
import { createTemplate } from "./processes-fixtures";

// 转国家's server actions × every role (issue 10 §3): who may request and withdraw (transfer.country with
// the contract in the change scope: its consultant, the team's manager, IT), who decides the money
// (approval.finance with the audit scope: finance, IT), and the inbox's decideAction on the new kind.

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { requestCountryChangeAction, withdrawCountryChangeAction, decideCountryChangeMoneyAction } = await import("@/lib/country-change/actions");
const { decideAction } = await import("@/lib/approvals/actions");

const ROLES: Role[] = ["CONSULTANT", "DOCUMENT_OFFICER", "MANAGER", "FINANCE", "ARCHIVIST", "ADMIN_SECRETARY", "IT_ADMIN"];

async function setup() {
  const team = await createTeam();
  const owner = await createUser(["CONSULTANT"], { teamId: team.id });
  const customer = await createCustomer(owner, { status: "CLIENT" });
  const created = await createContractRecord(customer.id, owner, { status: "AUDITED" });
  const contract = await prisma.contract.update({ where: { id: created.id }, data: { firstReceived: "30000.00" } });
  const to = await createDictionaryItem("COUNTRY");
  const template = await createTemplate(to.id);
  const request = (status: "PENDING_MANAGER" | "APPROVED") =>
    prisma.countryChangeRequest.create({
      data: { contractId: contract.id, requesterId: owner.id, fromCountryId: contract.countryId, toCountryId: to.id, templateId: template.id, reason: "原因", status, decidedAt: status === "APPROVED" ? new Date() : null },
    });
  return { team, owner, contract, to, template, request };
}

describe("role × action matrix for 转国家", () => {
  let s: Awaited<ReturnType<typeof setup>>;
  beforeEach(async () => {
    s = await setup();
  });

  it.each(ROLES)("requestCountryChangeAction on another consultant's contract of the team as %s", async (role) => {
    session.user = await createUser([role], { teamId: s.team.id });
    const result = await requestCountryChangeAction({ contractId: s.contract.id, toCountryId: s.to.id, templateId: s.template.id, reason: "改申" });
    const count = await prisma.countryChangeRequest.count({ where: { contractId: s.contract.id } });
    if (role === "MANAGER" || role === "IT_ADMIN") {
      expect(result).toMatchObject({ ok: true });
      expect(count).toBe(1);
    } else {
      // A consultant of the team reaches only their own contracts; the others hold no transfer.country.
      expect(result).toEqual(role === "CONSULTANT" ? { ok: false, formError: "notFound" } : { ok: false, formError: "forbidden" });
      expect(count).toBe(0);
    }
  });

  it.each(ROLES)("withdrawCountryChangeAction on someone else's request as %s", async (role) => {
    const r = await s.request("PENDING_MANAGER");
    session.user = await createUser([role], { teamId: s.team.id });
    const result = await withdrawCountryChangeAction({ id: r.id, version: r.version });
    expect(result.ok).toBe(false);
    expect((await prisma.countryChangeRequest.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("PENDING_MANAGER");
  });

  it("withdrawCountryChangeAction by its requester", async () => {
    const r = await s.request("PENDING_MANAGER");
    session.user = s.owner;
    expect(await withdrawCountryChangeAction({ id: r.id, version: r.version })).toMatchObject({ ok: true });
  });

  it.each(ROLES)("decideCountryChangeMoneyAction as %s", async (role) => {
    const r = await s.request("APPROVED");
    session.user = await createUser([role], { teamId: s.team.id });
    const result = await decideCountryChangeMoneyAction({ id: r.id, version: r.version, decision: "CARRY_OVER", note: "" });
    const decided = (await prisma.countryChangeRequest.findUniqueOrThrow({ where: { id: r.id } })).moneyDecision;
    if (role === "FINANCE" || role === "IT_ADMIN") {
      expect(result).toMatchObject({ ok: true });
      expect(decided).toBe("CARRY_OVER");
    } else {
      expect(result).toEqual({ ok: false, formError: "forbidden" });
      expect(decided).toBeNull();
    }
  });

  it.each(ROLES)("decideAction (COUNTRY_CHANGE, 驳回) as %s of the team", async (role) => {
    const r = await s.request("PENDING_MANAGER");
    session.user = await createUser([role], { teamId: s.team.id });
    const result = await decideAction({ kind: "COUNTRY_CHANGE", id: r.id, version: r.version, decision: "REJECTED", comment: "不同意" });
    const status = (await prisma.countryChangeRequest.findUniqueOrThrow({ where: { id: r.id } })).status;
    if (role === "MANAGER") {
      expect(result).toMatchObject({ ok: true });
      expect(status).toBe("REJECTED");
    } else {
      // IT holds every permission but is no manager: deciders are the team's managers (lib/approvals/deciders.ts).
      expect(result.ok).toBe(false);
      expect(status).toBe("PENDING_MANAGER");
    }
  });
});
