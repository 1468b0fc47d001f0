import { describe, expect, it } from "vitest";
import { can, permissionsOf, ROLE_PERMISSIONS } from "@/lib/auth/permissions";
import { menuFor } from "@/lib/navigation/menu";

describe("role permissions", () => {
  it("lets only consultants (and IT) create prospects", () => {
    const creators = Object.entries(ROLE_PERMISSIONS)
      .filter(([, perms]) => perms.includes("prospect.create"))
      .map(([role]) => role)
      .sort();
    expect(creators).toEqual(["CONSULTANT", "IT_ADMIN"]);
  });

  it("gives a manager who also consults the union of both roles", () => {
    expect(can(["MANAGER"], "prospect.create")).toBe(false);
    expect(can(["MANAGER", "CONSULTANT"], "prospect.create")).toBe(true);
    expect(permissionsOf(["MANAGER", "CONSULTANT"]).has("approval.manager")).toBe(true);
  });

  it("lets consultants and IT sign contracts, and managers only change their team's", () => {
    const holders = (perm: Parameters<typeof can>[1]) =>
      Object.entries(ROLE_PERMISSIONS)
        .filter(([, perms]) => perms.includes(perm))
        .map(([role]) => role)
        .sort();
    expect(holders("contract.create")).toEqual(["CONSULTANT", "IT_ADMIN"]);
    expect(holders("contract.update")).toEqual(["CONSULTANT", "IT_ADMIN", "MANAGER"]);
    expect(holders("transfer.consultant")).toEqual(["CONSULTANT", "IT_ADMIN", "MANAGER"]);
    expect(holders("client.update")).toEqual(["CONSULTANT", "IT_ADMIN", "MANAGER"]);
    expect(holders("notification.read")).toHaveLength(7);
  });

  it("lets only 信息中心 keep the working-day calendar, from its menu", () => {
    const holders = Object.entries(ROLE_PERMISSIONS)
      .filter(([, perms]) => perms.includes("calendar.manage"))
      .map(([role]) => role);
    expect(holders).toEqual(["IT_ADMIN"]);
    expect(menuFor(["IT_ADMIN"]).map((e) => e.href)).toContain("/calendar");
    expect(menuFor(["MANAGER", "CONSULTANT", "FINANCE"]).map((e) => e.href)).not.toContain("/calendar");
  });

  it("builds the menu from permissions only", () => {
    const keys = (roles: Parameters<typeof menuFor>[0]) => menuFor(roles).map((e) => e.href);
    expect(keys(["FINANCE"])).toContain("/approvals/finance");
    expect(keys(["FINANCE"])).not.toContain("/prospects/new");
    expect(keys(["DOCUMENT_OFFICER"])).toContain("/document-work");
    expect(keys([])).toEqual([]);
  });
});
