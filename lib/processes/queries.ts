import "server-only";
import { prisma } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { getWorkingCalendar } from "@/lib/calendar/loader";
import type { ProcessEvent, ProcessStatus, StepRole, StepStatus } from "@/lib/generated/prisma/enums";
import { isoDateOnly, shanghaiToday } from "@/lib/time";
import { contractRights, mayReadProcess, startsAsCaseOfficer } from "./access";
import { EVENT_REQUIRED_RESULTS } from "./events";
import { ACTIVE_DOCUMENT_OFFICER } from "./officers";
import { allowedProcessActions, allowedStepActions, mayWorkStep, PROCESS_CONTRACT_STATUSES, type ProcessAction, type StepAction } from "./lifecycle";
import { overdueDays } from "./planned-dates";
import { parseChecklist, parseResultFields, parseResults, type ChecklistItem, type ResultField } from "./results";

// The reads of 流程管理 (the contract page's card) and 合同流程进度 (the progress page). They never select
// a money column (firstFee, secondFee, *Received, refunded, receipts, refunds): the 文案 reads them too
// (tests/integration/processes-money.test.ts proves it). Dates are "YYYY-MM-DD" (Asia/Shanghai).

/** What 流程管理 and 合同流程进度 both show of a process. */
export type ProcessHead = {
  id: string;
  name: string;
  status: ProcessStatus;
  version: number;
  documentOfficer: { id: string; name: string } | null;
  boundAt: Date;
  startedAt: Date | null;
  endedAt: Date | null;
  stopReason: string | null;
};

export type ProcessSummary = ProcessHead & {
  currentStepName: string | null;
  currentDueOn: string | null;
  /** Working days the current step is late (0 when not). */
  currentOverdueDays: number;
  stepCount: number;
  closedStepCount: number;
  allowedActions: ProcessAction[];
};

export type ContractProcesses = {
  processes: ProcessSummary[];
  /** Templates that may be bound: not retired, the contract's country, and its programme (or every programme). */
  templates: { id: string; name: string; countryId: string }[];
  allowed: { bind: boolean; start: boolean; stop: boolean; assign: boolean };
  /** Active 文案 to choose from at 启动 / 更换文案 (only when `allowed.assign`). */
  documentOfficers: { id: string; name: string }[];
};

/**
 * 流程管理 on contract `contractId`: its processes (oldest bound first), the templates the user may bind
 * and what the user may do. A contract reader sees every process; the assigned 文案 only theirs.
 * Null when the user may read neither the contract nor any of its processes (the page's 404).
 */
export async function findContractProcesses(user: SessionUser, contractId: string, now: Date = new Date()): Promise<ContractProcesses | null> {
  const contract = await prisma.contract.findUnique({ where: { id: contractId }, select: { id: true, status: true, countryId: true, programId: true, documentOfficerId: true } });
  if (!contract) return null;
  const rights = await contractRights(user, contractId);
  const rows = await prisma.contractProcess.findMany({
    where: { contractId, ...(rights.read ? {} : { documentOfficerId: user.id }) },
    orderBy: [{ boundAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      status: true,
      version: true,
      boundAt: true,
      startedAt: true,
      endedAt: true,
      stopReason: true,
      currentStepName: true,
      currentDueOn: true,
      documentOfficerId: true,
      documentOfficer: { select: { id: true, name: true } },
      steps: { select: { status: true } },
    },
  });
  if (!rights.read && rows.length === 0) return null;
  const calendar = await getWorkingCalendar();
  const today = shanghaiToday(now);
  const contractOpen = (PROCESS_CONTRACT_STATUSES as readonly string[]).includes(contract.status);
  const inProgress = rows.find((r) => r.status === "IN_PROGRESS")?.id ?? null;
  const processes: ProcessSummary[] = rows.map((r) => {
    const dueOn = r.currentDueOn ? isoDateOnly(r.currentDueOn) : null;
    return {
      id: r.id,
      name: r.name,
      status: r.status,
      version: r.version,
      documentOfficer: r.documentOfficer,
      boundAt: r.boundAt,
      startedAt: r.startedAt,
      endedAt: r.endedAt,
      stopReason: r.stopReason,
      currentStepName: r.currentStepName,
      currentDueOn: dueOn,
      currentOverdueDays: r.status === "IN_PROGRESS" ? overdueDays({ plannedDueOn: dueOn, completedOn: null }, today, calendar) : 0,
      stepCount: r.steps.length,
      closedStepCount: r.steps.filter((s) => s.status === "DONE" || s.status === "SKIPPED").length,
      allowedActions: allowedProcessActions(r, {
        manage: rights.manage,
        assign: rights.assign,
        otherInProgress: inProgress !== null && inProgress !== r.id,
        contractOpen,
        start: rights.manage || startsAsCaseOfficer(user, contract, r),
      }),
    };
  });
  const bind = rights.manage && contractOpen;
  const templates = bind
    ? await prisma.processTemplate.findMany({
        where: {
          countryId: contract.countryId,
          retiredAt: null,
          OR: [{ programIds: { isEmpty: true } }, { programIds: { has: contract.programId } }],
        },
        orderBy: { name: "asc" },
        select: { id: true, name: true, countryId: true },
      })
    : [];
  return {
    processes,
    templates,
    allowed: {
      bind,
      start: processes.some((p) => p.allowedActions.includes("start")),
      stop: processes.some((p) => p.allowedActions.includes("stop")),
      assign: rights.assign,
    },
    documentOfficers: rights.assign ? await activeDocumentOfficers() : [],
  };
}

/** The active 文案 (DOCUMENT_OFFICER users), by name: the choices at 启动 and 更换文案. */
export async function activeDocumentOfficers(): Promise<{ id: string; name: string }[]> {
  return prisma.user.findMany({
    where: ACTIVE_DOCUMENT_OFFICER,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true },
  });
}

export type StepView = {
  id: string;
  position: number;
  name: string;
  role: StepRole;
  status: StepStatus;
  version: number;
  owner: { id: string; name: string } | null;
  plannedStartOn: string | null;
  plannedDueOn: string | null;
  startedOn: string | null;
  completedOn: string | null;
  /** Working days late: today (open) or the completion date (done) against the planned due date. */
  overdueDays: number;
  skipReason: string | null;
  checklist: ChecklistItem[];
  resultFields: ResultField[];
  results: Record<string, string>;
  missingConfirmed: string[];
  event: ProcessEvent | null;
  documents: { id: string; fileName: string; category: string; size: number; contentType: string; createdAt: Date; uploadedBy: string }[];
  notes: { id: string; body: string; author: string; createdAt: Date }[];
  allowedActions: StepAction[];
};

export type HistoryRow = {
  id: string;
  action: string;
  stepId: string | null;
  stepName: string | null;
  actor: string | null;
  comment: string | null;
  data: unknown;
  at: Date;
};

export type ProcessProgress = {
  process: ProcessHead & { currentStepId: string | null };
  contract: { id: string; number: string; customerName: string; countryName: string; courseStartOn: string | null };
  steps: StepView[];
  /** Notes on the process itself (not on a step), newest first. */
  notes: { id: string; body: string; author: string; createdAt: Date }[];
  history: HistoryRow[];
  allowed: { actions: ProcessAction[]; note: boolean };
  /** Active 文案 to choose from (only when the user may assign). */
  documentOfficers: { id: string; name: string }[];
};

/**
 * 合同流程进度 of process `processId`: the process, its contract's money-free summary, every step with its
 * owner, dates, overdue working days, checklist, result fields and values, documents, notes and the
 * actions the user may take, and the timeline (newest first). Null when the process does not exist or
 * the user may not read it (404): readers are the contract's readers and the assigned 文案.
 */
export async function getProcessProgress(user: SessionUser, processId: string, now: Date = new Date()): Promise<ProcessProgress | null> {
  const p = await prisma.contractProcess.findUnique({
    where: { id: processId },
    select: {
      id: true,
      name: true,
      status: true,
      version: true,
      boundAt: true,
      startedAt: true,
      endedAt: true,
      stopReason: true,
      currentStepId: true,
      contractId: true,
      documentOfficerId: true,
      documentOfficer: { select: { id: true, name: true } },
      contract: {
        select: {
          id: true,
          number: true,
          customerName: true,
          status: true,
          courseStartOn: true,
          documentOfficerId: true,
          country: { select: { labelZh: true, labelEn: true } },
        },
      },
    },
  });
  if (!p) return null;
  const rights = await contractRights(user, p.contractId);
  if (!mayReadProcess(user, p, rights)) return null;
  const [steps, history, notes, otherInProgress, calendar] = await Promise.all([
    prisma.processStep.findMany({
      where: { processId },
      orderBy: { position: "asc" },
      select: {
        id: true,
        position: true,
        name: true,
        role: true,
        status: true,
        version: true,
        ownerId: true,
        owner: { select: { id: true, name: true } },
        plannedStartOn: true,
        plannedDueOn: true,
        startedOn: true,
        completedOn: true,
        skipReason: true,
        checklist: true,
        resultFields: true,
        results: true,
        missingConfirmed: true,
        event: true,
        documents: {
          where: { deletedAt: null },
          orderBy: { createdAt: "desc" },
          select: { id: true, fileName: true, category: true, size: true, contentType: true, createdAt: true, uploadedBy: { select: { name: true } } },
        },
      },
    }),
    prisma.processHistory.findMany({
      where: { processId },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      take: 500,
      select: { id: true, action: true, stepId: true, step: { select: { name: true } }, actor: { select: { name: true } }, comment: true, data: true, at: true },
    }),
    prisma.processNote.findMany({
      where: { processId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true, stepId: true, body: true, author: { select: { name: true } }, createdAt: true },
    }),
    prisma.contractProcess.count({ where: { contractId: p.contractId, status: "IN_PROGRESS", id: { not: p.id } } }),
    getWorkingCalendar(),
  ]);
  const today = shanghaiToday(now);
  const locale = user.locale === "en" ? "en" : "zh-CN";
  const contractOpen = (PROCESS_CONTRACT_STATUSES as readonly string[]).includes(p.contract.status);
  const stepViews: StepView[] = steps.map((s) => {
    const plannedDueOn = s.plannedDueOn ? isoDateOnly(s.plannedDueOn) : null;
    const completedOn = s.completedOn ? isoDateOnly(s.completedOn) : null;
    const checklist = parseChecklist(s.checklist);
    const mayWork = mayWorkStep(user, s, p, { change: rights.change, audit: rights.audit }) && can(user.roles, "process.step");
    return {
      id: s.id,
      position: s.position,
      name: s.name,
      role: s.role,
      status: s.status,
      version: s.version,
      owner: s.owner,
      plannedStartOn: s.plannedStartOn ? isoDateOnly(s.plannedStartOn) : null,
      plannedDueOn,
      startedOn: s.startedOn ? isoDateOnly(s.startedOn) : null,
      completedOn,
      overdueDays: overdueDays({ plannedDueOn, completedOn, skipped: s.status === "SKIPPED" }, today, calendar),
      skipReason: s.skipReason,
      checklist,
      // A field the step's event needs (an offer's school and type) is required in the 完成 form too.
      resultFields: parseResultFields(s.resultFields).map((f) =>
        s.event && EVENT_REQUIRED_RESULTS[s.event].includes(f.key) ? { ...f, required: true } : f,
      ),
      results: parseResults(s.results),
      missingConfirmed: s.missingConfirmed,
      event: s.event,
      documents: s.documents.map((d) => ({ ...d, uploadedBy: d.uploadedBy.name })),
      notes: notes.filter((n) => n.stepId === s.id).map((n) => ({ id: n.id, body: n.body, author: n.author.name, createdAt: n.createdAt })),
      allowedActions: allowedStepActions(p.status, { status: s.status, hasChecklist: checklist.length > 0 }, mayWork),
    };
  });
  const mayNote = can(user.roles, "process.step") && (rights.change || rights.audit || p.documentOfficerId === user.id);
  return {
    process: {
      id: p.id,
      name: p.name,
      status: p.status,
      version: p.version,
      documentOfficer: p.documentOfficer,
      boundAt: p.boundAt,
      startedAt: p.startedAt,
      endedAt: p.endedAt,
      stopReason: p.stopReason,
      currentStepId: p.currentStepId,
    },
    contract: {
      id: p.contract.id,
      number: p.contract.number,
      customerName: p.contract.customerName,
      countryName: locale === "en" ? p.contract.country.labelEn : p.contract.country.labelZh,
      courseStartOn: p.contract.courseStartOn ? isoDateOnly(p.contract.courseStartOn) : null,
    },
    steps: stepViews,
    notes: notes.filter((n) => n.stepId === null).map((n) => ({ id: n.id, body: n.body, author: n.author.name, createdAt: n.createdAt })),
    history: history.map((h) => ({
      id: h.id,
      action: h.action,
      stepId: h.stepId,
      stepName: h.step?.name ?? null,
      actor: h.actor?.name ?? null,
      comment: h.comment,
      data: h.data,
      at: h.at,
    })),
    allowed: {
      actions: allowedProcessActions(p, {
        manage: rights.manage,
        assign: rights.assign,
        otherInProgress: otherInProgress > 0,
        contractOpen,
        start: rights.manage || startsAsCaseOfficer(user, p.contract, p),
      }),
      note: mayNote,
    },
    documentOfficers: rights.assign ? await activeDocumentOfficers() : [],
  };
}
