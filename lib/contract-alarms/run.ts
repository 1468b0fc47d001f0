import "server-only";
import type { Db } from "@/lib/db";
import { runAlertRules, type AlertRunResult } from "@/lib/alerts/run-rules";

/**
 * The 合同报警 job (issue 11 §3): runs every enabled secretary rule (lib/alerts/rules/secretary.ts) at
 * `now` on `db` — opens an alarm per new finding, refreshes the open ones, resolves those fixed meanwhile.
 * Returns per rule opened / resolved by itself / still open; throws after running the others when a
 * rule failed (so the job is retried). For the scheduled job registry (lib/jobs) and the demo seed.
 */
export async function runContractAlarms(db: Db, now: Date): Promise<AlertRunResult> {
  return runAlertRules(now, { db, audience: "SECRETARY" });
}
