import { describe, expect, it } from "vitest";
import { contractSchema, EMPTY_CONTRACT } from "@/lib/contracts/schema";
import {
  CONTRACT_STATUSES,
  CONTRACT_TRANSITIONS,
  editRefusal,
  isLocked,
  isRejection,
  nextStatus,
  type ContractTransition,
} from "@/lib/contracts/lifecycle";
import type { ContractStatus } from "@/lib/generated/prisma/enums";
import { shanghaiToday } from "@/lib/time";

const valid = {
  ...EMPTY_CONTRACT,
  countryId: "country-1",
  programId: "program-1",
  number: "BJ-2026-0001",
  signedOn: "2026-01-15",
  school: "伦敦大学学院",
  course: "计算机科学硕士",
  firstFee: "30000",
  secondFee: "20000.5",
};

const parse = (over: Partial<typeof valid>) => contractSchema.safeParse({ ...valid, ...over });
const errorsOf = (over: Partial<typeof valid>) => {
  const result = parse(over);
  const errors: Record<string, string> = {};
  // Joined, so a field that got two messages shows up as such.
  for (const i of result.error?.issues ?? []) errors[i.path.join(".")] = [errors[i.path.join(".")], i.message].filter(Boolean).join(",");
  return errors;
};

describe("contract lifecycle", () => {
  it("follows the manual's life: each move only from its state", () => {
    const table: Record<ContractTransition, [ContractStatus, ContractStatus]> = {
      submit: ["DRAFT", "PENDING_MANAGER"],
      withdraw: ["PENDING_MANAGER", "DRAFT"],
      managerApprove: ["PENDING_MANAGER", "PENDING_FINANCE"],
      managerReject: ["PENDING_MANAGER", "DRAFT"],
      financeApprove: ["PENDING_FINANCE", "AUDITED"],
      financeReject: ["PENDING_FINANCE", "DRAFT"],
      startService: ["AUDITED", "IN_SERVICE"],
      complete: ["IN_SERVICE", "COMPLETED"],
    };
    expect(Object.keys(CONTRACT_TRANSITIONS).sort()).toEqual(Object.keys(table).sort());
    for (const [action, [from, to]] of Object.entries(table) as [ContractTransition, [ContractStatus, ContractStatus]][]) {
      for (const status of CONTRACT_STATUSES) {
        expect(nextStatus(status, action), `${action} from ${status}`).toBe(status === from ? to : null);
      }
    }
  });

  it("edits only a DRAFT; under review it must be withdrawn, audited and later it is locked", () => {
    expect(CONTRACT_STATUSES.filter((s) => editRefusal(s) === null)).toEqual(["DRAFT"]);
    expect(CONTRACT_STATUSES.filter(isLocked)).toEqual(["AUDITED", "IN_SERVICE", "COMPLETED", "TERMINATED"]);
    expect(Object.fromEntries(CONTRACT_STATUSES.map((s) => [s, editRefusal(s)]))).toEqual({
      DRAFT: null,
      PENDING_MANAGER: "contractUnderReview",
      PENDING_FINANCE: "contractUnderReview",
      AUDITED: "contractLocked",
      IN_SERVICE: "contractLocked",
      COMPLETED: "contractLocked",
      TERMINATED: "contractLocked",
    });
  });

  it("reads a return to 草稿 with a reason from a review step as a rejection, and a 撤回 as none", () => {
    expect(isRejection({ from: "PENDING_MANAGER", to: "DRAFT", comment: "学校名称有误" })).toBe(true);
    expect(isRejection({ from: "PENDING_FINANCE", to: "DRAFT", comment: "一期费不符" })).toBe(true);
    expect(isRejection({ from: "PENDING_MANAGER", to: "DRAFT", comment: null })).toBe(false);
    expect(isRejection({ from: null, to: "DRAFT", comment: "新建" })).toBe(false);
    expect(isRejection({ from: "DRAFT", to: "PENDING_MANAGER", comment: "x" })).toBe(false);
  });
});

describe("contract schema", () => {
  it("requires every field except 备注", () => {
    const result = contractSchema.safeParse(EMPTY_CONTRACT);
    expect(result.success).toBe(false);
    const fields = result.error!.issues.map((i) => i.path.join(".")).sort();
    expect(fields).toEqual(["countryId", "course", "firstFee", "number", "programId", "school", "secondFee", "signedOn"]);
    expect(result.error!.issues.every((i) => i.message === "required")).toBe(true);
    expect(parse({ remark: "" }).data?.remark).toBeNull();
  });

  it.each([
    ["30000", "30000.00"],
    ["20000.5", "20000.50"],
    ["1,234.5", "1234.50"],
    ["1，234，567.89", "1234567.89"],
    [" 12 345 ", "12345.00"],
    ["0", "0.00"],
    ["0.5", "0.50"],
    ["12345678.90", "12345678.90"],
    ["9999999999.99", "9999999999.99"],
  ])("keeps the fee %s exact as %s", (typed, stored) => {
    expect(parse({ firstFee: typed }).data?.firstFee).toBe(stored);
  });

  it.each(["-1", "-0.01", "1.234", "12a", "abc", "1e5", "1.2.3", ".5", "１２３"])("refuses the fee %s", (typed) => {
    expect(errorsOf({ secondFee: typed })).toEqual({ secondFee: "feeInvalid" });
  });

  it.each([
    ["007.10", "amountLeadingZero"],
    ["1,00", "amountGrouping"],
    ["99999999999", "amountTooLarge"],
  ])("refuses the fee %s with %s, as every money input does", (typed, message) => {
    expect(errorsOf({ secondFee: typed })).toEqual({ secondFee: message });
  });

  it("stores 合同号 upper-case and refuses odd characters", () => {
    expect(parse({ number: " bj-2026-0001 " }).data?.number).toBe("BJ-2026-0001");
    expect(parse({ number: "sh/2026_07" }).data?.number).toBe("SH/2026_07");
    expect(errorsOf({ number: "合同一" })).toEqual({ number: "contractNumberInvalid" });
    expect(errorsOf({ number: "AB" })).toEqual({ number: "contractNumberInvalid" });
    expect(errorsOf({ number: "-AB1" })).toEqual({ number: "contractNumberInvalid" });
  });

  it("takes 签约时间 between 2000-01-01 and today in Shanghai", () => {
    const today = shanghaiToday();
    const [y, m, d] = today.split("-").map(Number);
    const tomorrow = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
    expect(parse({ signedOn: today }).success).toBe(true);
    expect(parse({ signedOn: "2000-01-01" }).success).toBe(true);
    expect(errorsOf({ signedOn: tomorrow })).toEqual({ signedOn: "signedOnRange" });
    expect(errorsOf({ signedOn: "1999-12-31" })).toEqual({ signedOn: "signedOnRange" });
    expect(errorsOf({ signedOn: "2026-02-30" })).toEqual({ signedOn: "dateInvalid" });
    expect(errorsOf({ signedOn: "15/01/2026" })).toEqual({ signedOn: "dateInvalid" });
  });
});
