import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AlertAudience, AlertSeverity } from "@/lib/generated/prisma/enums";
import type { WorkingCalendar } from "@/lib/calendar/working-days";

// What an alert rule is (issue 11 §2, §3): a code, the queue it feeds, a default threshold and
// severity 信息中心 may change (lib/alerts/settings.ts), and `find`, one set-based query that returns
// every record the condition holds for now. lib/alerts/sync.ts turns findings into alerts: opens the
// new ones, leaves the open ones, resolves those no longer found.

/** The unit a rule's threshold counts in, shown beside it on the settings page. */
export type ThresholdUnit = "days" | "workingDays" | "none";

/** One record a rule's condition holds for. */
export type AlertFinding = {
  subjectType: string;
  subjectId: string;
  customerId?: string | null;
  contractId?: string | null;
  /** Who must act; null for a queue's alert (the secretary's). */
  ownerId?: string | null;
  /**
   * The team the alert belongs to when it has no owner (the secretary's 合同报警: the contract's
   * consultant's team), for the queue's team filter and escalation; an owner's team wins.
   */
  teamId?: string | null;
  /**
   * The message's parameters (`alerts.rules.<code>` in messages), e.g. contractNo, customerName, days;
   * `title` names the record as people do (合同号 · 客户姓名): notifications and the webhook show it.
   */
  params: Prisma.InputJsonObject & { title: string };
  /** The date the condition is measured against (YYYY-MM-DD, Asia/Shanghai), if any. */
  dueOn?: string | null;
  /** A finding may raise its own severity (e.g. a deadline 3 days away is more urgent than 14). */
  severity?: AlertSeverity;
};

/** What a rule's `find` is given: the clock, the calendar, and the threshold set for it. */
export type RuleContext = {
  now: Date;
  /** Today in Asia/Shanghai, YYYY-MM-DD. */
  today: string;
  calendar: WorkingCalendar;
  /** The rule's threshold as set by 信息中心 (or its default), in `thresholdUnit`. */
  threshold: number;
};

export type AlertRule = {
  /** Stable code, stored in Alert.rule; also the key of its messages. */
  code: string;
  audience: AlertAudience;
  defaultSeverity: AlertSeverity;
  defaultThreshold: number;
  thresholdUnit: ThresholdUnit;
  /** Every record the condition holds for at `ctx.now`. Must be set-based (one or few queries). */
  find(db: Tx, ctx: RuleContext): Promise<AlertFinding[]>;
};
