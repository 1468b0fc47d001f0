"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions/action";
import { alarmStepSchema } from "./schema";
import { stepContractAlarm } from "./step-alarm";

// The server action of 合同报警 (issue 11 §3): `action()` (origin, user, alarm.contract, zod) around the
// service, which checks the scope and the lifecycle in its transaction.

/** 已检查 / 已处理 / 已升级: `{ id, version, step, note }` in; `{ version }` out. */
export const stepContractAlarmAction = action({ schema: alarmStepSchema, permission: "alarm.contract" }, async (input, user) => {
  const done = await stepContractAlarm(user, input);
  revalidatePath("/contract-alarms");
  revalidatePath("/contract-alarms/[id]", "page");
  return done;
});
