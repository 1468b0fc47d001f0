import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { fillCalendarFromPackage } from "@/lib/calendar/import-calendar";
import { invalidateWorkingCalendar } from "@/lib/calendar/loader";
import type { ContractStatus } from "@/lib/generated/prisma/enums";
import { createContractRecord, createCustomer, createTeam, createUser } from "./fixtures";

// The little agency the process tests work on: a team with its consultant and manager, another team's
// consultant and manager, two 文案, finance and IT; an audited contract with fee amounts nobody could
// mistake for anything else (so a scan for them finds money if it leaks); a UK-like template of its country.

/** The contract's fees, looked for in what the 文案 reads. */
export const FIRST_FEE = "31415.92";
export const SECOND_FEE = "27182.81";

const offer = [
  { key: "school", label: "录取学校", type: "school" },
  { key: "offerType", label: "录取类型", type: "choice", choices: ["无条件", "有条件"] },
  { key: "conditions", label: "录取条件", type: "text" },
];

/** The template's steps: 文案, 顾问 (with a checklist), offer, visa (anchored), 财务, departure. */
export const TEMPLATE_STEPS = [
  { name: "材料指导", role: "DOCUMENT_OFFICER", plannedDays: 1 },
  { name: "收集材料", role: "CONSULTANT", plannedDays: 10, documents: ["护照", "成绩单"] },
  { name: "跟进录取", role: "DOCUMENT_OFFICER", plannedDays: 30, resultFields: offer, event: "OFFER" },
  { name: "签证", role: "DOCUMENT_OFFICER", plannedDays: 15, monthsBeforeCourseStart: 6, resultFields: [{ key: "visaDate", label: "获签日期", type: "date" }], event: "VISA_GRANTED" },
  { name: "收取二期费", role: "FINANCE", plannedDays: 1 },
  { name: "行前准备", role: "DOCUMENT_OFFICER", plannedDays: 3, resultFields: [{ key: "departedOn", label: "出行日期", type: "date" }], event: "DEPARTED" },
] as const;

/** The package's calendar (2026 as the State Council published it) in the table, and the loader's copy dropped. */
export async function useOfficialCalendar(): Promise<void> {
  await fillCalendarFromPackage(prisma);
  invalidateWorkingCalendar();
}

/** A template of `countryId` with TEMPLATE_STEPS as its version 1 (or the steps given). */
export async function createTemplate(countryId: string, opts: { retired?: boolean; programIds?: string[]; steps?: readonly (typeof TEMPLATE_STEPS)[number][] } = {}) {
  const steps = opts.steps ?? TEMPLATE_STEPS;
  return prisma.processTemplate.create({
    data: {
      countryId,
      name: `英国授课型硕士-${randomUUID().slice(0, 6)}`,
      programIds: opts.programIds ?? [],
      retiredAt: opts.retired ? new Date() : null,
      versions: {
        create: {
          version: 1,
          steps: {
            create: steps.map((s, i) => ({
              position: i + 1,
              name: s.name,
              role: s.role,
              plannedDays: s.plannedDays,
              monthsBeforeCourseStart: "monthsBeforeCourseStart" in s ? s.monthsBeforeCourseStart : null,
              documents: "documents" in s ? [...s.documents] : [],
              resultFields: "resultFields" in s ? (s.resultFields as unknown as object[]) : [],
              event: "event" in s ? s.event : null,
            })),
          },
        },
      },
    },
  });
}

export type ProcessWorld = Awaited<ReturnType<typeof buildProcessWorld>>;

export async function buildProcessWorld() {
  const team = await createTeam();
  const otherTeam = await createTeam();
  const consultant = await createUser(["CONSULTANT"], { teamId: team.id, name: "流程顾问" });
  const manager = await createUser(["MANAGER"], { teamId: team.id, name: "流程经理" });
  const otherConsultant = await createUser(["CONSULTANT"], { teamId: otherTeam.id, name: "别组顾问" });
  const otherManager = await createUser(["MANAGER"], { teamId: otherTeam.id, name: "别组经理" });
  const wen = await createUser(["DOCUMENT_OFFICER"], { name: "文案甲" });
  const wen2 = await createUser(["DOCUMENT_OFFICER"], { name: "文案乙" });
  const finance = await createUser(["FINANCE"], { name: "流程财务" });
  const it = await createUser(["IT_ADMIN"], { name: "流程信息中心" });
  const customer = await createCustomer(consultant, { status: "CLIENT", name: "流程学生" });
  return { team, consultant, manager, otherConsultant, otherManager, wen, wen2, finance, it, customer };
}

/** An audited (or `status`) contract of the world's consultant with FIRST_FEE / SECOND_FEE, and a template of its country. */
export async function contractWithTemplate(w: ProcessWorld, status: ContractStatus = "AUDITED", courseStartOn: string | null = null) {
  const created = await createContractRecord(w.customer.id, w.consultant, { status });
  const contract = await prisma.contract.update({
    where: { id: created.id },
    data: { firstFee: FIRST_FEE, secondFee: SECOND_FEE, firstReceived: FIRST_FEE, courseStartOn: courseStartOn ? new Date(`${courseStartOn}T00:00:00Z`) : null },
  });
  const template = await createTemplate(contract.countryId);
  return { contract, template };
}

/** Shanghai 10:00 on `date`, as the services' `now`. */
export const at = (date: string) => new Date(`${date}T02:00:00Z`);

export const stepsOf = (processId: string) => prisma.processStep.findMany({ where: { processId }, orderBy: { position: "asc" } });

export type { SessionUser };
