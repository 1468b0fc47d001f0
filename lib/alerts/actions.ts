"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions/action";
import { alertSettingsSchema, stepAlertSchema } from "./schema";
import { saveAlertSettings } from "./save-settings";
import { stepAlert } from "./transition";

// The server actions of 预警监控 (issue 11 §2): each is `action()` (origin, user, permission, zod) around
// one service, which checks the scope and the lifecycle in its transaction.

/** 确认 / 处理 (note required) / 升级 on the board: `{ id, version, step, note }` in; `{ version }` out. */
export const stepAlertAction = action({ schema: stepAlertSchema, permission: "alert.monitor" }, async (input, user) => {
  const done = await stepAlert(user, input);
  revalidatePath("/alerts");
  revalidatePath("/alerts/[id]", "page");
  return done;
});

/** 信息中心 saves 预警设置: `{ rules: [{ code, enabled, threshold, severity }], escalateAfterDays, webhookUrl, version }`. */
export const saveAlertSettingsAction = action({ schema: alertSettingsSchema, permission: "alerts.settings" }, async (input, user) => {
  const saved = await saveAlertSettings(user, input);
  revalidatePath("/alerts/settings");
  return saved;
});
