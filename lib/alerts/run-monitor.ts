// No "server-only": the scheduled jobs (and the seed) run this outside Next.js, as lib/db.ts.
import type { Db } from "@/lib/db";
import { escalateOverdueAlerts } from "./escalate-overdue";
import { AlertRunError, runAlertRules, type AlertRunResult } from "./run-rules";
import type { AlertRule } from "./rules/rule";
import { getAlertSettings } from "./settings";
import { postAlertsToWebhook, type WebhookResult } from "./webhook";

// The two 预警监控 jobs (issue 11 §2) the job queue runs (lib/jobs registers them): the rule run, then
// the webhook with what it opened; and the escalation of alerts left unresolved. Each returns the job's
// summary ({ message, counts }).

export type MonitorJobSummary = { message?: string; counts?: Record<string, number> };

function summarise(run: AlertRunResult, webhook: WebhookResult | null): MonitorJobSummary {
  const counts: Record<string, number> = {
    opened: run.opened.length,
    autoResolved: run.results.reduce((n, r) => n + r.autoResolved, 0),
    stillOpen: run.results.reduce((n, r) => n + r.stillOpen, 0),
    rulesFailed: run.results.filter((r) => r.error).length,
  };
  if (webhook) counts[webhook.sent ? "webhookSent" : "webhookFailed"] = 1;
  const parts = [`${counts.opened} opened, ${counts.autoResolved} resolved by themselves, ${counts.stillOpen} still open`];
  if (webhook && !webhook.sent) parts.push(`webhook failed: ${webhook.error ?? "not sent"}`);
  return { message: parts.join("; "), counts };
}

/**
 * Runs the enabled 预警监控 rules at `now` (runAlertRules, MONITOR), then — after their transactions have
 * committed — POSTs the opened alerts to the webhook 信息中心 set (if any). A webhook failure is in the
 * summary (counts.webhookFailed, the message) and never undoes an alert. When a rule failed, the
 * webhook still carries what the others opened, then the AlertRunError is thrown again (the job retries).
 */
export async function runMonitorRules(db: Db, now: Date, options: { /** Tests only. */ rules?: readonly AlertRule[] } = {}): Promise<MonitorJobSummary> {
  let run: AlertRunResult;
  let failure: AlertRunError | null = null;
  try {
    run = await runAlertRules(now, { db, audience: "MONITOR", rules: options.rules });
  } catch (error) {
    if (!(error instanceof AlertRunError)) throw error;
    failure = error;
    run = error.run;
  }
  const { webhookUrl } = await getAlertSettings(db);
  const webhook = webhookUrl && run.opened.length > 0 ? await postAlertsToWebhook(webhookUrl, run.opened) : null;
  if (webhook && !webhook.sent) console.warn(`[alerts] webhook failed: ${webhook.error}`);
  const summary = summarise(run, webhook);
  if (failure) throw new AlertRunError(`${failure.message} (${summary.message})`, run);
  return summary;
}

/**
 * The escalation job at `now` (escalateOverdueAlerts): alerts 未处理 / 已确认 longer than the working days
 * 信息中心 set go to the owner's manager. Returns counts escalated and noTarget.
 */
export async function escalateAlerts(db: Db, now: Date): Promise<MonitorJobSummary> {
  const { escalated, noTarget } = await escalateOverdueAlerts(now, db);
  return { message: `${escalated} escalated, ${noTarget} without a manager to go to`, counts: { escalated, noTarget } };
}
