import type { Role } from "@/lib/generated/prisma/enums";

// The demo agency's staff. Plain data so the Playwright login setup can share it with the seed.

export const DEMO_PASSWORD = "Demo@2026";
export const DEMO_EMAIL_DOMAIN = "demo.liuxue-crm.cn";

export const DEMO_TEAMS = ["北京一部", "上海二部"] as const;
export type DemoTeam = (typeof DEMO_TEAMS)[number];

export type DemoUser = {
  username: string;
  name: string;
  roles: Role[];
  team: DemoTeam | null;
  active: boolean;
};

export const DEMO_USERS: readonly DemoUser[] = [
  { username: "consultant1", name: "李娜", roles: ["CONSULTANT"], team: "北京一部", active: true },
  { username: "consultant2", name: "王强", roles: ["CONSULTANT"], team: "北京一部", active: true },
  { username: "consultant3", name: "赵敏", roles: ["CONSULTANT"], team: "上海二部", active: true },
  { username: "manager1", name: "陈静", roles: ["MANAGER", "CONSULTANT"], team: "北京一部", active: true },
  { username: "manager2", name: "刘洋", roles: ["MANAGER"], team: "上海二部", active: true },
  { username: "docofficer", name: "孙丽", roles: ["DOCUMENT_OFFICER"], team: null, active: true },
  { username: "finance", name: "周涛", roles: ["FINANCE"], team: null, active: true },
  { username: "archivist", name: "吴芳", roles: ["ARCHIVIST"], team: null, active: true },
  { username: "secretary", name: "郑爽", roles: ["ADMIN_SECRETARY"], team: null, active: true },
  { username: "itadmin", name: "黄磊", roles: ["IT_ADMIN"], team: null, active: true },
  { username: "former", name: "马超", roles: ["CONSULTANT"], team: "北京一部", active: false },
];

export function demoEmail(username: string): string {
  return `${username}@${DEMO_EMAIL_DOMAIN}`;
}
