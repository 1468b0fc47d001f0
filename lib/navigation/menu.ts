import { can, type Permission } from "@/lib/auth/permissions";
import type { Role } from "@/lib/generated/prisma/enums";

// `key` is the message key in the "menu" namespace (and in "dashboard.descriptions").
export type MenuKey =
  | "newProspect"
  | "myProspects"
  | "myClients"
  | "myContracts"
  | "documentWork"
  | "managerApproval"
  | "financeApproval"
  | "refunds"
  | "receivables"
  | "archiveTransfer"
  | "archiveSearch"
  | "alerts"
  | "contractAlarms"
  | "handovers"
  | "transferConsultant"
  | "transferCountry"
  | "countryChangeMoney"
  | "changeForms"
  | "workingCalendar"
  | "processTemplates"
  | "archiveSettings"
  | "accessLog"
  | "jobs"
  | "alertSettings";

// `ready` is false for sections whose issue has not landed yet: the shell shows them as
// "coming soon" instead of linking to a page that does not exist.
export type MenuEntry = { key: MenuKey; href: string; permission: Permission; ready: boolean };

// In the order of the operations manual's fourteen sections.
export const MENU: readonly MenuEntry[] = [
  { key: "newProspect", href: "/prospects/new", permission: "prospect.create", ready: true },
  { key: "myProspects", href: "/prospects", permission: "prospect.read", ready: true },
  { key: "myClients", href: "/clients", permission: "client.read", ready: true },
  { key: "myContracts", href: "/contracts", permission: "contract.read", ready: true },
  { key: "documentWork", href: "/document-work", permission: "process.queue", ready: true },
  { key: "managerApproval", href: "/approvals/manager", permission: "approval.manager", ready: true },
  { key: "financeApproval", href: "/approvals/finance", permission: "approval.finance", ready: true },
  // 应收 belongs to section 7 (财务审核); managers read their team's too.
  { key: "receivables", href: "/receivables", permission: "receivables.read", ready: true },
  // 退费付款 (section 7's refunds): approved refunds waiting for finance.
  { key: "refunds", href: "/refunds", permission: "approval.finance", ready: true },
  { key: "archiveTransfer", href: "/archive/transfers", permission: "archive.transfer", ready: true },
  { key: "archiveSearch", href: "/archive/search", permission: "archive.search", ready: true },
  { key: "alerts", href: "/alerts", permission: "alert.monitor", ready: true },
  { key: "contractAlarms", href: "/contract-alarms", permission: "alarm.contract", ready: true },
  { key: "handovers", href: "/handovers", permission: "handover.manage", ready: true },
  { key: "transferConsultant", href: "/transfers/consultant", permission: "transfer.consultant", ready: true },
  { key: "transferCountry", href: "/transfers/country", permission: "transfer.country", ready: true },
  // 转国家费用 (section 7's fees on a country change; issue 10 §3): approved country changes waiting for
  // finance's money decision.
  { key: "countryChangeMoney", href: "/transfers/country/money", permission: "approval.finance", ready: true },
  // 信息中心 applies the 技术维护单 managers approved (section 4's note; issue 8 §3).
  { key: "changeForms", href: "/change-forms", permission: "changeForm.apply", ready: true },
  // 信息中心's 工作日历: the holidays and 调休 days planned durations count working days on (issue 9 §1).
  { key: "workingCalendar", href: "/calendar", permission: "calendar.manage", ready: true },
  // 信息中心's 流程模板: each country's application process, versioned (issue 9 §2).
  { key: "processTemplates", href: "/process-templates", permission: "process.templates", ready: true },
  // 信息中心's 档案设置: the archive number pattern and the hand-off time limits (issue 10 §1).
  { key: "archiveSettings", href: "/archive/settings", permission: "archive.settings", ready: true },
  // 信息中心's 访问日志: who opened which e-archive or document, who revealed an identity number (issue 10 §2).
  { key: "accessLog", href: "/access-log", permission: "accessLog.read", ready: true },
  // 信息中心's 定时任务: each scheduled job's last run, duration, result, next run and failures (issue 11 §1).
  { key: "jobs", href: "/jobs", permission: "jobs.read", ready: true },
  // 信息中心's 预警设置: each alert rule's threshold, severity and on/off, escalation, webhook (issue 11 §2).
  { key: "alertSettings", href: "/alerts/settings", permission: "alerts.settings", ready: true },
];

// Only hides what the user cannot use; every page and action still checks the permission itself.
export function menuFor(roles: readonly Role[]): MenuEntry[] {
  return MENU.filter((entry) => can(roles, entry.permission));
}
