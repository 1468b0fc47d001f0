import { Badge, type BadgeVariant } from "@/components/ui/badge";

// How the board and the detail page show an alert (issue 11 §2): its severity and state as badges, its
// message from `alerts.rules.<code>.message` with the alert's params.

type T = { (key: string, values?: Record<string, string | number>): string; has(key: string): boolean };

const SEVERITY: Record<string, BadgeVariant> = { HIGH: "danger", MEDIUM: "warning", LOW: "info" };
const STATUS: Record<string, BadgeVariant> = { OPEN: "danger", ACKNOWLEDGED: "warning", ESCALATED: "brand", RESOLVED: "success" };

export function SeverityBadge({ severity, t }: { severity: string; t: T }) {
  return <Badge variant={SEVERITY[severity] ?? "neutral"}>{t(`severity.${severity}`)}</Badge>;
}

export function StatusBadge({ status, t }: { status: string; t: T }) {
  return <Badge variant={STATUS[status] ?? "neutral"}>{t(`status.${status}`)}</Badge>;
}

/** The rule's name, or its code when the messages do not know it. */
export function ruleName(t: T, rule: string): string {
  return t.has(`rules.${rule}.name`) ? t(`rules.${rule}.name`) : rule;
}

/** The alert's sentence (its rule's message with its params), or its title when a param is missing. */
export function alertMessage(t: T, alert: { rule: string; params: unknown }): string {
  const params = (alert.params ?? {}) as Record<string, string | number>;
  if (!t.has(`rules.${alert.rule}.message`)) return String(params.title ?? "");
  try {
    return t(`rules.${alert.rule}.message`, params);
  } catch {
    return String(params.title ?? "");
  }
}
