import "server-only";
import { prisma, type Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { writeAudit } from "@/lib/audit/audit";
import { getWorkingCalendar } from "@/lib/calendar/loader";
import { ConflictError, DomainError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { StepStatus } from "@/lib/generated/prisma/enums";
import { notify } from "@/lib/notifications/service";
import { dateOnly, isoDateOnly, shanghaiToday } from "@/lib/time";
import { applyProcessEvent, EVENT_REQUIRED_RESULTS, eventDateKey } from "./events";
import { recordProcessHistory, type HistoryAction } from "./history";
import { nextStepStatus, type StepTransition } from "./lifecycle";
import { processLink, processTitle } from "./officers";
import { refreshProcessProgress } from "./progress";
import { parseChecklist, parseResultFields, validateResults } from "./results";
import { loadStepForWork, type StepContext } from "./step-context";

// The step actions of 文案操作 and 合同流程进度 (issue 9 §4; manual section 5): 开始, 完成, 跳过, 重开 and
// the checklist. Each runs in one transaction with the process locked, checks who may work the step
// (lifecycle.ts mayWorkStep), the step's version and the transition table, writes a history row and an
// audit row, and ends by bringing the process's current step up to date (progress.ts), which completes
// the process — and its contract — when no step is left open.

export type StepResult = { stepId: string; version: number; processCompleted: boolean };

// Writes the step's new state where its version still matches; a lost race changes nothing.
async function writeStep(tx: Tx, ctx: StepContext, data: Prisma.ProcessStepUncheckedUpdateManyInput): Promise<void> {
  const { count } = await tx.processStep.updateMany({ where: { id: ctx.step.id, version: ctx.step.version }, data: { ...data, version: { increment: 1 } } });
  if (count === 0) throw new ConflictError();
}

async function logStep(
  tx: Tx,
  user: SessionUser,
  ctx: StepContext,
  action: HistoryAction,
  change: { from: StepStatus; to: StepStatus; comment?: string | null; data?: Prisma.InputJsonObject },
) {
  await recordProcessHistory(tx, { processId: ctx.process.id, stepId: ctx.step.id, actorId: user.id, action, comment: change.comment, data: { from: change.from, to: change.to, ...change.data } });
  await writeAudit(tx, {
    actorId: user.id,
    action: `processStep.${action.toLowerCase()}`,
    entity: "ProcessStep",
    entityId: ctx.step.id,
    before: { status: change.from },
    after: { status: change.to, ...(change.comment ? { comment: change.comment } : {}), ...change.data },
  });
}

function requireTransition(ctx: StepContext, action: StepTransition): StepStatus {
  const to = nextStepStatus(ctx.step.status, action);
  if (!to) throw new DomainError("invalidTransition");
  return to;
}

/**
 * 开始 step `stepId` (at `version`): 待开始 → 进行中, startedOn today (Asia/Shanghai). Errors:
 * NotFoundError, ForbiddenError, ConflictError, DomainError "processNotInProgress" / "invalidTransition".
 */
export async function startStep(user: SessionUser, input: { stepId: string; version: number }, now: Date = new Date()): Promise<StepResult> {
  return prisma.$transaction(async (tx) => {
    const ctx = await loadStepForWork(tx, user, input.stepId, input.version);
    const to = requireTransition(ctx, "start");
    await writeStep(tx, ctx, { status: to, startedOn: dateOnly(shanghaiToday(now)) });
    await logStep(tx, user, ctx, "STEP_START", { from: ctx.step.status, to });
    await refreshProcessProgress(tx, user, ctx.process.id);
    return { stepId: ctx.step.id, version: input.version + 1, processCompleted: false };
  });
}

/**
 * 完成 step `stepId` (at `version`) on `completedOn` ("YYYY-MM-DD", Asia/Shanghai: not in the future,
 * not before the day the process started) with `results` (validated by the step's field types,
 * results.ts; an OFFER step needs school and offer type). Required documents not ticked need
 * `confirmMissing`: without it DomainError "missingDocuments" with details.missing (the names); with
 * it their names are recorded in missingConfirmed and the history row. Then the step's event (events.ts),
 * the next 待开始 step (by position) becomes 进行中 — its owner is notified when it is not the actor —
 * and the process completes when no step is left open. Errors also: field errors "stepCompletedOnRange"
 * (completedOn) and the results' (DomainError "invalidInput"), and those of startStep.
 */
export async function completeStep(
  user: SessionUser,
  input: { stepId: string; version: number; completedOn: string; results: Record<string, string>; confirmMissing?: boolean },
  now: Date = new Date(),
): Promise<StepResult> {
  // Read before the transaction (the 获签 event counts a working day): see start.ts.
  const calendar = await getWorkingCalendar();
  return prisma.$transaction(async (tx) => {
    const ctx = await loadStepForWork(tx, user, input.stepId, input.version);
    const to = requireTransition(ctx, "complete");
    const today = shanghaiToday(now);
    const processStart = ctx.process.startedAt ? shanghaiToday(ctx.process.startedAt) : today;
    // Not before the process started, nor before this step did (实际开始 ≤ 实际完成).
    const stepStart = ctx.step.startedOn ? isoDateOnly(ctx.step.startedOn) : processStart;
    if (input.completedOn > today || input.completedOn < processStart) {
      throw new DomainError("invalidInput", { completedOn: ["stepCompletedOnRange"] });
    }
    if (input.completedOn < stepStart) throw new DomainError("invalidInput", { completedOn: ["stepCompletedBeforeStart"] });
    if (ctx.step.event) await requireEarlierEventsClosed(tx, ctx.step);
    const fields = parseResultFields(ctx.step.resultFields);
    const checked = validateResults(fields, input.results, ctx.step.event ? EVENT_REQUIRED_RESULTS[ctx.step.event] : []);
    if (!checked.ok) throw new DomainError("invalidInput", checked.fieldErrors);
    // The date an event records (获签, 已出行) drives money (the 二期 due date): a day that has happened,
    // not before the process started.
    if (ctx.step.event && ctx.step.event !== "OFFER") {
      const key = eventDateKey(fields, checked.values, ctx.step.event);
      const date = key ? checked.values[key] : input.completedOn;
      if (key && (date > today || date < processStart)) throw new DomainError("invalidInput", { [`results.${key}`]: ["eventDateRange"] });
    }
    const missing = parseChecklist(ctx.step.checklist).filter((i) => !i.done).map((i) => i.name);
    if (missing.length > 0 && !input.confirmMissing) throw new DomainError("missingDocuments", undefined, { missing });

    await writeStep(tx, ctx, {
      status: to,
      completedOn: dateOnly(input.completedOn),
      startedOn: ctx.step.startedOn ?? dateOnly(input.completedOn),
      results: checked.values,
      missingConfirmed: missing,
      skipReason: null,
    });
    await logStep(tx, user, ctx, "STEP_COMPLETE", {
      from: ctx.step.status,
      to,
      data: { completedOn: input.completedOn, results: checked.values, ...(missing.length ? { missingConfirmed: missing } : {}) },
    });
    if (ctx.step.event) {
      await applyProcessEvent(tx, {
        actor: user,
        event: ctx.step.event,
        step: ctx.step,
        process: ctx.process,
        contract: ctx.process.contract,
        fields,
        results: checked.values,
        completedOn: input.completedOn,
        calendar,
      });
    }
    // The next step starts the day this one was actually done (实际完成 → 实际开始), backdated or not.
    await startNextStep(tx, user, ctx, input.completedOn);
    const { completed } = await refreshProcessProgress(tx, user, ctx.process.id);
    return { stepId: ctx.step.id, version: input.version + 1, processCompleted: completed };
  });
}

// The first 待开始 step after the one just closed becomes 进行中 today; its owner hears of it.
async function startNextStep(tx: Tx, user: SessionUser, ctx: StepContext, today: string): Promise<void> {
  const next = await tx.processStep.findFirst({
    where: { processId: ctx.process.id, position: { gt: ctx.step.position }, status: "PENDING" },
    orderBy: { position: "asc" },
    select: { id: true, name: true, ownerId: true, version: true },
  });
  if (!next) return;
  await tx.processStep.update({ where: { id: next.id }, data: { status: "IN_PROGRESS", startedOn: dateOnly(today), version: { increment: 1 } } });
  await recordProcessHistory(tx, { processId: ctx.process.id, stepId: next.id, actorId: user.id, action: "STEP_START", data: { from: "PENDING", to: "IN_PROGRESS", automatic: true } });
  if (next.ownerId && next.ownerId !== user.id) {
    await notify(tx, {
      userId: next.ownerId,
      kind: "stepAssigned",
      params: { title: processTitle(ctx.process.contract, ctx.process.name), stepName: next.name },
      link: processLink(ctx.process.contract.id, ctx.process.id),
    });
  }
}

/**
 * 跳过 step `stepId` (at `version`) with `reason` (stored as skipReason and in the timeline); the next
 * 待开始 step starts as after 完成. Errors as startStep.
 */
export async function skipStep(user: SessionUser, input: { stepId: string; version: number; reason: string }, now: Date = new Date()): Promise<StepResult> {
  return prisma.$transaction(async (tx) => {
    const ctx = await loadStepForWork(tx, user, input.stepId, input.version);
    const to = requireTransition(ctx, "skip");
    await writeStep(tx, ctx, { status: to, skipReason: input.reason, completedOn: null });
    await logStep(tx, user, ctx, "STEP_SKIP", { from: ctx.step.status, to, comment: input.reason });
    await startNextStep(tx, user, ctx, shanghaiToday(now));
    const { completed } = await refreshProcessProgress(tx, user, ctx.process.id);
    return { stepId: ctx.step.id, version: input.version + 1, processCompleted: completed };
  });
}

/**
 * 重开 step `stepId` (at `version`), 已完成 or 已跳过, with `reason`: back to 进行中 (completion date and
 * skip reason cleared, results kept to edit). Refused on a process that is no longer 执行中 (a 已完成
 * process is never reopened: DomainError "processNotInProgress"). Errors as startStep.
 */
export async function reopenStep(user: SessionUser, input: { stepId: string; version: number; reason: string }, now: Date = new Date()): Promise<StepResult> {
  return prisma.$transaction(async (tx) => {
    const ctx = await loadStepForWork(tx, user, input.stepId, input.version);
    const to = requireTransition(ctx, "reopen");
    await writeStep(tx, ctx, { status: to, skipReason: null, completedOn: null, missingConfirmed: [], startedOn: dateOnly(shanghaiToday(now)) });
    await logStep(tx, user, ctx, "STEP_REOPEN", {
      from: ctx.step.status,
      to,
      comment: input.reason,
      data: { completedOn: ctx.step.completedOn ? isoDateOnly(ctx.step.completedOn) : null },
    });
    await refreshProcessProgress(tx, user, ctx.process.id);
    return { stepId: ctx.step.id, version: input.version + 1, processCompleted: false };
  });
}

/**
 * Ticks (`done` true) or unticks required document `item` of step `stepId` (at `version`) while the
 * step is open; the item records who and when (ISO instant), and the timeline gets a CHECK / UNCHECK
 * row. DomainError "checklistItemUnknown" for a name the checklist lacks, "invalidTransition" on a
 * closed step; the errors of startStep.
 */
export async function toggleChecklistItem(
  user: SessionUser,
  input: { stepId: string; version: number; item: string; done: boolean },
  now: Date = new Date(),
): Promise<{ stepId: string; version: number }> {
  return prisma.$transaction(async (tx) => {
    const ctx = await loadStepForWork(tx, user, input.stepId, input.version);
    if (ctx.step.status === "DONE" || ctx.step.status === "SKIPPED") throw new DomainError("invalidTransition");
    const checklist = parseChecklist(ctx.step.checklist);
    const index = checklist.findIndex((i) => i.name === input.item);
    if (index < 0) throw new DomainError("checklistItemUnknown");
    const updated = checklist.map((item, i) =>
      i === index ? (input.done ? { name: item.name, done: true, by: user.name, at: now.toISOString() } : { name: item.name, done: false, by: user.name, at: now.toISOString() }) : item,
    );
    await writeStep(tx, ctx, { checklist: updated });
    const action = input.done ? "CHECK" : "UNCHECK";
    await recordProcessHistory(tx, { processId: ctx.process.id, stepId: ctx.step.id, actorId: user.id, action, data: { item: input.item } });
    await writeAudit(tx, {
      actorId: user.id,
      action: `processStep.${action.toLowerCase()}`,
      entity: "ProcessStep",
      entityId: ctx.step.id,
      before: { [input.item]: checklist[index].done },
      after: { [input.item]: input.done },
    });
    return { stepId: ctx.step.id, version: input.version + 1 };
  });
}

// The milestones follow each other: a step raising an event (获得录取, 获签, 已出行) completes only once
// every earlier step raising one is 已完成 or 已跳过 — no 获签 recorded before the offer. Other steps may be
// worked in any order (文书 while the consultant still collects materials). DomainError "eventOutOfOrder"
// with details.waitingFor, the earlier step's name.
async function requireEarlierEventsClosed(tx: Tx, step: { processId: string; position: number }): Promise<void> {
  const open = await tx.processStep.findFirst({
    where: { processId: step.processId, position: { lt: step.position }, event: { not: null }, status: { notIn: ["DONE", "SKIPPED"] } },
    orderBy: { position: "asc" },
    select: { name: true },
  });
  if (open) throw new DomainError("eventOutOfOrder", undefined, { waitingFor: open.name });
}
