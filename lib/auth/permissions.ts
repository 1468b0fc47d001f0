import type { Role } from "@/lib/generated/prisma/enums";

// What each role may do. Pages and server actions ask for a permission, never for a role,
// so a user holding several roles gets the union.
export const PERMISSIONS = [
  "prospect.create",
  "prospect.read",
  "prospect.update",
  "followUp.create",
  "client.read",
  "client.update",
  "contract.read",
  "contract.create",
  "contract.update",
  "notification.read",
  "document.work",
  "approval.manager",
  "approval.finance",
  "receivables.read",
  "archive.transfer",
  "archive.search",
  "alert.monitor",
  "alarm.contract",
  "handover.manage",
  "transfer.consultant",
  "transfer.country",
  // 信息中心 applies or declines approved 技术维护单 (issue 8 §3); IT_ADMIN holds every permission.
  "changeForm.apply",
  // 信息中心 keeps the 工作日历 (holidays and 调休 days) working days are counted on (issue 9 §1).
  "calendar.manage",
  // 电子档案文件 (issue 9 §5): see the documents of the customers and contracts one may read; upload
  // onto those one may change; delete anyone's upload (IT; everyone may delete their own).
  "file.read",
  "file.upload",
  "file.deleteAny",
  // Application processes (issue 9 §2–§4): IT keeps the templates; consultants and managers bind,
  // start and stop processes on contracts they may change; managers (and IT) choose and reassign the
  // 文案 and see any 文案's queue; 文案 work the steps of the cases assigned to them (document.work).
  "process.templates",
  "process.manage",
  "process.assign",
  "process.queue",
  // Work a process step (开始, 完成, 跳过, 重开, checklist, notes): which steps is the process service's
  // rule (lib/processes/lifecycle.ts mayWorkStep) — the 文案 their cases' 文案 steps, consultants and
  // managers every step of contracts they may change, finance the 财务 steps (收取二期费).
  "process.step",
  // 启动 a bound process: whoever holds process.manage, and the case's 文案 on the contract the archive
  // centre gave them (issue 10 §1; the service checks which contract: lib/processes/start.ts).
  "process.start",
  // 档案中心转案 (issue 10 §1): 信息中心 sets the archive number pattern and the hand-off time limits.
  "archive.settings",
  "admin.users",
  // 访问日志 (issue 10 §2): who opened which e-archive or document and who revealed an identity number.
  // 信息中心 only (IT_ADMIN holds every permission).
  "accessLog.read",
  // 定时任务 (issue 11 §1): 信息中心 sees each scheduled job's runs and failures (jobs.read) and runs one
  // at once with 立即运行 (jobs.run). IT_ADMIN only (it holds every permission).
  "jobs.read",
  "jobs.run",
  // 预警设置 (issue 11 §2): 信息中心 sets each alert rule's threshold, severity and on/off, the escalation
  // delay and the webhook. IT_ADMIN only (IT_ADMIN holds every permission).
  "alerts.settings",
] as const;

export type Permission = (typeof PERMISSIONS)[number];

// Everyone signed in may read their own notifications.
const EVERYONE: Permission[] = ["notification.read"];

const CONSULTANT: Permission[] = [
  ...EVERYONE,
  "prospect.create",
  "prospect.read",
  "prospect.update",
  "followUp.create",
  "client.read",
  "client.update",
  "contract.read",
  "contract.create",
  "contract.update",
  "archive.search",
  "alert.monitor",
  "handover.manage",
  "transfer.consultant",
  "transfer.country",
  "file.read",
  "file.upload",
  "process.manage",
  "process.start",
  "process.step",
];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  CONSULTANT,
  DOCUMENT_OFFICER: [
    ...EVERYONE,
    "document.work",
    "process.queue",
    "process.start",
    "process.step",
    "archive.search",
    "alert.monitor",
    // Their cases' documents (the step uploads); the scope is the assignment (lib/processes).
    "file.read",
    "file.upload",
  ],
  MANAGER: [
    ...EVERYONE,
    "prospect.read",
    "prospect.update",
    "followUp.create",
    "client.read",
    "client.update",
    "contract.read",
    "contract.update",
    "approval.manager",
    // 应收 of their team (issue 8 §2): what the team's clients still owe.
    "receivables.read",
    "archive.search",
    "alert.monitor",
    "handover.manage",
    "transfer.consultant",
    "transfer.country",
    "file.read",
    "file.upload",
    "process.manage",
    "process.start",
    "process.assign",
    "process.queue",
    "process.step",
  ],
  // Finance and the secretary read every contract (lib/auth/scope.ts), its documents included: the
  // signed scan is what they check. They do not add to a client's file.
  FINANCE: [...EVERYONE, "contract.read", "approval.finance", "receivables.read", "archive.search", "file.read", "process.step"],
  // The archive centre reads every contract and customer (lib/auth/scope.ts), the scans included: it
  // receives every team's originals, checks them against the scans, and 转案 is shown on the contract
  // page. Read-only: no contract.update (issue 10 §1, §2).
  ARCHIVIST: [...EVERYONE, "contract.read", "archive.transfer", "archive.search", "file.read"],
  ADMIN_SECRETARY: [...EVERYONE, "alarm.contract", "contract.read", "archive.search", "file.read"],
  IT_ADMIN: [...PERMISSIONS],
};

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((role) => ROLE_PERMISSIONS[role]));
}

export function can(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((role) => ROLE_PERMISSIONS[role].includes(permission));
}
