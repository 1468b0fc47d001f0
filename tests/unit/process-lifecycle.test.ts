import { describe, expect, it } from "vitest";
import {
  PROCESS_STATUSES,
  PROCESS_TRANSITIONS,
  STEP_STATUSES,
  allowedProcessActions,
  allowedStepActions,
  mayWorkStep,
  nextProcessStatus,
  nextStepStatus,
  type ProcessTransition,
  type StepTransition,
} from "@/lib/processes/lifecycle";
import { validateResults, type ResultField } from "@/lib/processes/results";

describe("process lifecycle tables", () => {
  it("moves a process 未启动 → 执行中 → 已完成 / 已停止 and nowhere else", () => {
    const table: Record<ProcessTransition, [string[], string]> = {
      start: [["NOT_STARTED"], "IN_PROGRESS"],
      stop: [["NOT_STARTED", "IN_PROGRESS"], "STOPPED"],
      complete: [["IN_PROGRESS"], "COMPLETED"],
    };
    expect(Object.keys(PROCESS_TRANSITIONS).sort()).toEqual(Object.keys(table).sort());
    for (const [action, [from, to]] of Object.entries(table) as [ProcessTransition, [string[], string]][]) {
      for (const status of PROCESS_STATUSES) expect(nextProcessStatus(status, action)).toBe(from.includes(status) ? to : null);
    }
    expect(PROCESS_TRANSITIONS.stop.reason).toBe("required");
  });

  it("moves a step 待开始 → 进行中 → 已完成 / 已跳过, and 重开 back to 进行中", () => {
    const table: Record<StepTransition, [string[], string]> = {
      start: [["PENDING"], "IN_PROGRESS"],
      complete: [["PENDING", "IN_PROGRESS"], "DONE"],
      skip: [["PENDING", "IN_PROGRESS"], "SKIPPED"],
      reopen: [["DONE", "SKIPPED"], "IN_PROGRESS"],
    };
    for (const [action, [from, to]] of Object.entries(table) as [StepTransition, [string[], string]][]) {
      for (const status of STEP_STATUSES) expect(nextStepStatus(status, action)).toBe(from.includes(status) ? to : null);
    }
  });

  it("offers step actions only while the process is 执行中 and to those who may work the step", () => {
    expect(allowedStepActions("IN_PROGRESS", { status: "IN_PROGRESS" }, true)).toEqual(["complete", "skip", "check", "upload", "note"]);
    expect(allowedStepActions("IN_PROGRESS", { status: "DONE" }, true)).toEqual(["reopen", "upload", "note"]);
    expect(allowedStepActions("COMPLETED", { status: "DONE" }, true)).toEqual([]);
    expect(allowedStepActions("IN_PROGRESS", { status: "PENDING" }, false)).toEqual([]);
  });

  it("offers 启动 only with no other process 执行中 on an open contract", () => {
    const may = { manage: true, assign: true, otherInProgress: false, contractOpen: true };
    expect(allowedProcessActions({ status: "NOT_STARTED" }, may)).toEqual(["start", "stop", "assign"]);
    expect(allowedProcessActions({ status: "NOT_STARTED" }, { ...may, otherInProgress: true })).toEqual(["stop", "assign"]);
    expect(allowedProcessActions({ status: "COMPLETED" }, may)).toEqual([]);
    expect(allowedProcessActions({ status: "IN_PROGRESS" }, { ...may, assign: false })).toEqual(["stop"]);
  });

  it("lets the owner, the case's 文案 on 文案 steps, the change scope, and finance on 财务 steps work a step", () => {
    const none = { change: false, audit: false };
    const process = { documentOfficerId: "wen" };
    expect(mayWorkStep({ id: "wen" }, { role: "DOCUMENT_OFFICER", ownerId: null }, process, none)).toBe(true);
    expect(mayWorkStep({ id: "wen" }, { role: "CONSULTANT", ownerId: "c1" }, process, none)).toBe(false);
    expect(mayWorkStep({ id: "other" }, { role: "DOCUMENT_OFFICER", ownerId: "wen" }, process, none)).toBe(false);
    expect(mayWorkStep({ id: "c1" }, { role: "CONSULTANT", ownerId: "c1" }, process, none)).toBe(true);
    expect(mayWorkStep({ id: "m" }, { role: "DOCUMENT_OFFICER", ownerId: "wen" }, process, { change: true, audit: false })).toBe(true);
    expect(mayWorkStep({ id: "f" }, { role: "FINANCE", ownerId: null }, process, { change: false, audit: true })).toBe(true);
    expect(mayWorkStep({ id: "f" }, { role: "DOCUMENT_OFFICER", ownerId: "wen" }, process, { change: false, audit: true })).toBe(false);
  });
});

describe("result fields", () => {
  const fields: ResultField[] = [
    { key: "school", label: "录取学校", type: "school" },
    { key: "offerType", label: "录取类型", type: "choice", choices: ["无条件", "有条件"] },
    { key: "visaDate", label: "获签日期", type: "date" },
    { key: "note", label: "说明", type: "text", required: true },
  ];

  it("checks each value by its type and the required ones", () => {
    expect(validateResults(fields, { school: " 伦敦大学学院 ", offerType: "有条件", visaDate: "2026-07-01", note: "第一行\n第二行" })).toEqual({
      ok: true,
      values: { school: "伦敦大学学院", offerType: "有条件", visaDate: "2026-07-01", note: "第一行\n第二行" },
    });
    expect(validateResults(fields, { offerType: "maybe", visaDate: "2026-02-30", extra: "x" }, ["school"])).toEqual({
      ok: false,
      fieldErrors: {
        "results.extra": ["invalid"],
        "results.school": ["required"],
        "results.offerType": ["invalidChoice"],
        "results.visaDate": ["dateInvalid"],
        "results.note": ["required"],
      },
    });
  });
});
