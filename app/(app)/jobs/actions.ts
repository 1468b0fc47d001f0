"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions/action";
import { runJobNow } from "@/lib/jobs/run-now";
import { runJobNowSchema } from "@/lib/jobs/schema";

// 定时任务 (信息中心). The rules are in lib/jobs.

/** 立即运行 one scheduled job (jobs.run); audited, recorded in JobRun. */
export const runJobNowAction = action({ schema: runJobNowSchema, permission: "jobs.run" }, async (input, user) => {
  const result = await runJobNow(user, input.name);
  revalidatePath("/jobs");
  return result;
});
