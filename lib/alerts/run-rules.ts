// No "server-only": the scheduled jobs (and the seed) run this outside Next.js, as lib/db.ts.
import { prisma, type Db } from "@/lib/db";
import type { AlertAudience } from "@/lib/generated/prisma/enums";
import { createWorkingCalendar, type WorkingCalendar } from "@/lib/calendar/working-days";
import { isoDateOnly, shanghaiToday } from "@/lib/time";
import { ALERT_RULES } from "./rules";
import type { AlertRule } from "./rules/rule";
import { getAlertSettings } from "./settings";
import { syncAlerts, type OpenedAlert } from "./sync";

// One run of the alert rules (issue 11 §2, §3), what the scheduled job calls: each enabled rule finds
// its records and syncs them (lib/alerts/sync.ts) in a transaction of its own, so one failing rule does
// not hold back the others; the owners of newly opened alerts are notified in the same transaction.

export type RuleRunResult = { rule: string; opened: number; autoResolved: number; stillOpen: number; error?: string };
export type AlertRunResult = { results: RuleRunResult[]; opened: OpenedAlert[] };

/** A run in which some rules failed; `run` holds what every rule did (the others committed). */
export class AlertRunError extends Error {
  constructor(message: string, readonly run: AlertRunResult) {
    super(message);
    this.name = "AlertRunError";
  }
}

async function readCalendar(db: Db): Promise<WorkingCalendar> {
  const rows = await db.calendarDay.findMany({ select: { date: true, kind: true } });
  return createWorkingCalendar(rows.map((row) => ({ date: isoDateOnly(row.date), kind: row.kind })));
}

/**
 * Runs every enabled rule (of `audience`, or all) at `now` on `db`. Returns per rule how many alerts it
 * opened, resolved by itself and left open (or the error it failed with), and the opened alerts. Throws
 * an AlertRunError naming the failed rules (with the whole run) after running all the others, so the job
 * is recorded as failed and retried. A disabled rule resolves nothing: its open alerts wait until it runs again.
 */
export async function runAlertRules(
  now: Date,
  options: { db?: Db; audience?: AlertAudience; /** Tests only: run these rules instead of ALERT_RULES. */ rules?: readonly AlertRule[] } = {},
): Promise<AlertRunResult> {
  const db = options.db ?? prisma;
  const settings = await getAlertSettings(db);
  const calendar = await readCalendar(db);
  const today = shanghaiToday(now);
  const results: RuleRunResult[] = [];
  const opened: OpenedAlert[] = [];
  for (const rule of options.rules ?? ALERT_RULES) {
    if (options.audience && rule.audience !== options.audience) continue;
    const setting = settings.rules[rule.code] ?? { enabled: true, threshold: rule.defaultThreshold, severity: rule.defaultSeverity };
    if (!setting.enabled) continue;
    try {
      const result = await db.$transaction(async (tx) => {
        const findings = await rule.find(tx, { now, today, calendar, threshold: setting.threshold });
        const synced = await syncAlerts(tx, rule, findings, setting.severity, now);
        const notices = synced.opened.filter((a) => a.ownerId !== null);
        if (notices.length > 0) {
          await tx.notification.createMany({
            data: notices.map((a) => ({
              userId: a.ownerId as string,
              kind: "alertOpened",
              params: { rule: a.rule, ...a.params },
              link: `/alerts/${a.id}`,
              createdAt: now,
            })),
          });
        }
        return synced;
      }, { timeout: 120_000 });
      opened.push(...result.opened);
      results.push({ rule: rule.code, opened: result.opened.length, autoResolved: result.autoResolved, stillOpen: result.stillOpen });
    } catch (error) {
      results.push({ rule: rule.code, opened: 0, autoResolved: 0, stillOpen: 0, error: error instanceof Error ? error.message : String(error) });
    }
  }
  const failed = results.filter((r) => r.error);
  if (failed.length > 0) throw new AlertRunError(`Alert rules failed: ${failed.map((r) => `${r.rule}: ${r.error}`).join("; ")}`, { results, opened });
  return { results, opened };
}
