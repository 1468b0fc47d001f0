import { prisma } from "@/lib/db";
import { getWorkingCalendar } from "@/lib/calendar/loader";
import { syncAlerts } from "@/lib/alerts/sync";
import type { AlertFinding, AlertRule } from "@/lib/alerts/rules/rule";
import { shanghaiToday } from "@/lib/time";
import type { ContractStatus } from "@/lib/generated/prisma/enums";
import { createContractRecord, createCustomer, createTeam, createUser } from "./fixtures";
import { createTemplate } from "./processes-fixtures";

// What the 预警监控 tests build on (issue 11 §2): a team (consultant, manager), a 文案, and helpers that
// write contracts, processes, steps and hand-offs straight to the database in the state a rule looks for.

export async function buildAlertWorld() {
  const team = await createTeam();
  const consultant = await createUser(["CONSULTANT"], { teamId: team.id, name: "预警顾问" });
  const manager = await createUser(["MANAGER"], { teamId: team.id, name: "预警经理" });
  const wen = await createUser(["DOCUMENT_OFFICER"], { name: "预警文案" });
  const customer = await createCustomer(consultant, { status: "CLIENT", name: "预警学生" });
  return { team, consultant, manager, wen, customer };
}
export type AlertWorld = Awaited<ReturnType<typeof buildAlertWorld>>;

export const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A contract of the world's consultant in `status`, with `data` written over it. */
export async function contractOf(w: AlertWorld, status: ContractStatus, data: Record<string, unknown> = {}) {
  const created = await createContractRecord(w.customer.id, w.consultant, { status });
  return prisma.contract.update({ where: { id: created.id }, data });
}

/**
 * A process 执行中 on `contractId` with one open step (the current one) due `dueOn`, owned by `ownerId`,
 * with `resultFields`; its timeline has one START row at `startedAt`.
 */
export async function processWithStep(
  contract: { id: string; countryId: string; ownerId: string },
  opts: { dueOn: string; ownerId: string | null; officerId?: string | null; resultFields?: object[]; startedAt?: Date; status?: "IN_PROGRESS" | "COMPLETED" },
) {
  const template = await createTemplate(contract.countryId);
  const version = await prisma.processTemplateVersion.findFirstOrThrow({ where: { templateId: template.id } });
  const startedAt = opts.startedAt ?? day("2026-09-01");
  const process = await prisma.contractProcess.create({
    data: { contractId: contract.id, templateVersionId: version.id, name: "英国授课型硕士", status: opts.status ?? "IN_PROGRESS", boundById: contract.ownerId, startedAt, documentOfficerId: opts.officerId ?? null },
  });
  const step = await prisma.processStep.create({
    data: {
      processId: process.id, position: 1, name: "递交申请", role: "DOCUMENT_OFFICER", status: "IN_PROGRESS", ownerId: opts.ownerId,
      plannedDays: 3, plannedDueOn: day(opts.dueOn), resultFields: opts.resultFields ?? [],
    },
  });
  await prisma.contractProcess.update({ where: { id: process.id }, data: { currentStepId: step.id, currentStepName: step.name, currentDueOn: day(opts.dueOn) } });
  await prisma.processHistory.create({ data: { processId: process.id, action: "START", at: startedAt } });
  return { process, step };
}

/** `rule`'s findings at `now` with `threshold` (default: the rule's), on the table's calendar. */
export async function findAt(rule: AlertRule, now: Date, threshold = rule.defaultThreshold): Promise<AlertFinding[]> {
  const calendar = await getWorkingCalendar();
  return prisma.$transaction((tx) => rule.find(tx, { now, today: shanghaiToday(now), calendar, threshold }));
}

/** Finds and syncs `rule` at `now` (as a rule run does), returning the sync's result. */
export async function runAt(rule: AlertRule, now: Date, threshold = rule.defaultThreshold) {
  const findings = await findAt(rule, now, threshold);
  return prisma.$transaction((tx) => syncAlerts(tx, rule, findings, rule.defaultSeverity, now));
}

/** The unresolved alert of `rule` on `subjectId`, or null. */
export const openAlert = (rule: AlertRule, subjectId: string) =>
  prisma.alert.findFirst({ where: { rule: rule.code, subjectId, status: { not: "RESOLVED" } } });
