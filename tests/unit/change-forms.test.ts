import { describe, expect, it } from "vitest";
import { ROLE_PERMISSIONS } from "@/lib/auth/permissions";
import { canStep, isOpen } from "@/lib/change-forms/lifecycle";
import { formatFormNumber } from "@/lib/change-forms/numbering";
import { CHANGE_FIELD_KEYS, fileChangeFormSchema } from "@/lib/change-forms/schema";
import { menuFor } from "@/lib/navigation/menu";

describe("技术维护单", () => {
  it("is applied by IT only, whose menu has the queue", () => {
    const holders = Object.entries(ROLE_PERMISSIONS)
      .filter(([, perms]) => perms.includes("changeForm.apply"))
      .map(([role]) => role);
    expect(holders).toEqual(["IT_ADMIN"]);
    expect(menuFor(["IT_ADMIN"]).map((e) => e.href)).toContain("/change-forms");
    expect(menuFor(["CONSULTANT", "MANAGER"]).map((e) => e.href)).not.toContain("/change-forms");
  });

  it("numbers forms XX-08-<year>-<4 digits>", () => {
    expect(formatFormNumber("2026", 1)).toBe("XX-08-2026-0001");
    expect(formatFormNumber("2026", 12345)).toBe("XX-08-2026-12345");
  });

  it("is open while it waits for the manager or IT; each step starts from one state", () => {
    expect(["PENDING_MANAGER", "APPROVED"].every((s) => isOpen(s as never))).toBe(true);
    expect(["REJECTED", "APPLIED", "DECLINED", "WITHDRAWN"].some((s) => isOpen(s as never))).toBe(false);
    expect(canStep("PENDING_MANAGER", "withdraw")).toBe(true);
    expect(canStep("APPROVED", "withdraw")).toBe(false);
    expect(canStep("APPROVED", "apply")).toBe(true);
    expect(canStep("APPLIED", "decline")).toBe(false);
  });

  it("offers the contract's fields and the client's signing fields, and refuses any other", () => {
    expect(CHANGE_FIELD_KEYS).toContain("contract.firstFee");
    expect(CHANGE_FIELD_KEYS).toContain("customer.idCard");
    const parsed = fileChangeFormSchema.safeParse({
      contractId: "c1",
      contractVersion: 1,
      customerVersion: 1,
      selected: ["customer.ownerId"],
      contract: {},
      customer: {},
      reason: "x",
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ["selected", 0], message: "invalidChoice" });
  });
});
