import "server-only";
import { prisma } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { writeAudit } from "@/lib/audit/audit";
import { ConflictError, DomainError } from "@/lib/errors";
import { ruleByCode } from "./rules";
import type { AlertSettingsInput } from "./schema";
import { ALERT_SETTINGS_KEY, getAlertSettings } from "./settings";
import { webhookUrlError } from "./webhook-url";

// Saving 预警设置 (issue 11 §2), as lib/archive/settings.ts saves 档案设置: one SystemSetting row, versioned,
// audited (entity SystemSetting, id "alerts", action settings.alerts). The next rule run and escalation
// use the new values; open alerts keep theirs until the next run refreshes them.

/**
 * Saves the alert settings as `user` (信息中心, permission alerts.settings) at `input.version` (0: never
 * saved). Every rule named must exist (DomainError "invalidInput" on rules.N.code otherwise); rules not
 * named keep what was stored. The webhook URL is checked again (webhook-url.ts). A stale version is
 * ConflictError. Returns the new version.
 */
export async function saveAlertSettings(user: SessionUser, input: AlertSettingsInput): Promise<{ version: number }> {
  input.rules.forEach((rule, i) => {
    if (!ruleByCode(rule.code)) throw new DomainError("invalidInput", { [`rules.${i}.code`]: ["invalid"] });
  });
  if (input.webhookUrl && webhookUrlError(input.webhookUrl)) throw new DomainError("invalidInput", { webhookUrl: [webhookUrlError(input.webhookUrl)!] });
  return prisma.$transaction(async (tx) => {
    const before = await getAlertSettings(tx);
    if (before.version !== input.version) throw new ConflictError();
    const rules = { ...before.rules };
    for (const { code, enabled, threshold, severity } of input.rules) rules[code] = { enabled, threshold, severity };
    const value = { rules, escalateAfterDays: input.escalateAfterDays, webhookUrl: input.webhookUrl };
    if (input.version === 0) {
      const inserted = await tx.$executeRaw`
        INSERT INTO "SystemSetting" ("key", "value", "version", "updatedAt", "updatedById")
        VALUES (${ALERT_SETTINGS_KEY}, ${JSON.stringify(value)}::jsonb, 1, now(), ${user.id})
        ON CONFLICT ("key") DO NOTHING`;
      if (inserted === 0) throw new ConflictError();
    } else {
      const { count } = await tx.systemSetting.updateMany({
        where: { key: ALERT_SETTINGS_KEY, version: input.version },
        data: { value, version: { increment: 1 }, updatedById: user.id },
      });
      if (count === 0) throw new ConflictError();
    }
    const { version: _v, ...old } = before;
    await writeAudit(tx, { actorId: user.id, action: "settings.alerts", entity: "SystemSetting", entityId: ALERT_SETTINGS_KEY, before: old, after: value });
    return { version: input.version + 1 };
  });
}
