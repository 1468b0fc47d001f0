"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions/action";
import { bindProcess } from "./bind";
import { addProcessNote } from "./notes";
import { reassignProcess } from "./reassign";
import {
  bindProcessSchema,
  completeStepSchema,
  processNoteSchema,
  reassignProcessSchema,
  startProcessSchema,
  stepReasonSchema,
  stepVersionSchema,
  stopProcessSchema,
  toggleChecklistSchema,
} from "./schema";
import { startProcess } from "./start";
import { completeStep, reopenStep, skipStep, startStep, toggleChecklistItem } from "./steps";
import { stopProcess } from "./stop";

// The server actions of 流程管理, 合同流程进度 and 文案操作 (issue 9 §3–§4). Each is `action()` (origin,
// user, permission, zod) around one service of this folder, which checks the scope and the rules in
// its transaction. Processes show on the contract page, the progress page and the 文案 queue.
function revalidateProcesses() {
  revalidatePath("/contracts/[id]", "page");
  revalidatePath("/contracts/[id]/processes/[processId]", "page");
  revalidatePath("/document-work");
}

/** 绑定 a template to a contract: `{ contractId, templateId }` in; `{ processId }` out. */
export const bindProcessAction = action({ schema: bindProcessSchema, permission: "process.manage" }, async (input, user) => {
  const bound = await bindProcess(user, input);
  revalidateProcesses();
  return bound;
});

/** 启动 a bound process: `{ processId, version, documentOfficerId?, courseStartOn? }` in; `{ processId, version }` out. */
export const startProcessAction = action({ schema: startProcessSchema, permission: "process.start" }, async (input, user) => {
  const started = await startProcess(user, input);
  revalidateProcesses();
  return started;
});

/** 停止 a process with a reason: `{ processId, version, reason }` in; `{ processId, version }` out. */
export const stopProcessAction = action({ schema: stopProcessSchema, permission: "process.manage" }, async (input, user) => {
  const stopped = await stopProcess(user, input);
  revalidateProcesses();
  return stopped;
});

/** 开始 a step: `{ stepId, version }` in; `{ stepId, version, processCompleted }` out. */
export const startStepAction = action({ schema: stepVersionSchema, permission: "process.step" }, async (input, user) => {
  const done = await startStep(user, input);
  revalidateProcesses();
  return done;
});

/**
 * 完成 a step: `{ stepId, version, completedOn, results, confirmMissing? }` in; `{ stepId, version,
 * processCompleted }` out. Unticked required documents without confirmMissing: formError
 * "missingDocuments" with details.missing.
 */
export const completeStepAction = action({ schema: completeStepSchema, permission: "process.step" }, async (input, user) => {
  const done = await completeStep(user, input);
  revalidateProcesses();
  return done;
});

/** 跳过 a step with a reason: `{ stepId, version, reason }` in; `{ stepId, version, processCompleted }` out. */
export const skipStepAction = action({ schema: stepReasonSchema, permission: "process.step" }, async (input, user) => {
  const done = await skipStep(user, input);
  revalidateProcesses();
  return done;
});

/** 重开 a finished step with a reason: `{ stepId, version, reason }` in; `{ stepId, version, processCompleted }` out. */
export const reopenStepAction = action({ schema: stepReasonSchema, permission: "process.step" }, async (input, user) => {
  const done = await reopenStep(user, input);
  revalidateProcesses();
  return done;
});

/** Tick or untick a required document: `{ stepId, version, item, done }` in; `{ stepId, version }` out. */
export const toggleChecklistItemAction = action({ schema: toggleChecklistSchema, permission: "process.step" }, async (input, user) => {
  const done = await toggleChecklistItem(user, input);
  revalidateProcesses();
  return done;
});

/** 备注 on a process or one of its steps: `{ processId, stepId?, body }` in; `{ noteId }` out. */
export const addProcessNoteAction = action({ schema: processNoteSchema, permission: "process.step" }, async (input, user) => {
  const added = await addProcessNote(user, input);
  revalidateProcesses();
  return added;
});

/** 更换文案 with a reason: `{ processId, version, documentOfficerId, reason }` in; `{ processId, version }` out. */
export const reassignProcessAction = action({ schema: reassignProcessSchema, permission: "process.assign" }, async (input, user) => {
  const moved = await reassignProcess(user, input);
  revalidateProcesses();
  return moved;
});
