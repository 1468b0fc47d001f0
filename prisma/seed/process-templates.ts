import type { PrismaClient } from "@/lib/generated/prisma/client";

// The seed process templates of issue 9 §2, with the durations of
// domain.md "Typical process templates" (working days unless said). 
// A step: name, responsible role, planned working days, required documents, typed result fields,
// an optional anchor (months before the course start) and the event its completion raises.

export type SeedResultField = { key: string; label: string; type: "text" | "date" | "choice" | "school"; choices?: string[] };
export type SeedStep = {
  name: string;
  role: "DOCUMENT_OFFICER" | "CONSULTANT" | "FINANCE" | "ARCHIVIST";
  days: number;
  documents?: string[];
  results?: SeedResultField[];
  monthsBeforeCourseStart?: number;
  event?: "OFFER" | "VISA_GRANTED" | "DEPARTED";
};
export type SeedTemplate = { country: string; name: string; programs: string[]; steps: SeedStep[] };

const offer: SeedResultField[] = [
  { key: "school", label: "录取学校", type: "school" },
  { key: "offerType", label: "录取类型", type: "choice", choices: ["无条件", "有条件"] },
  { key: "conditions", label: "录取条件", type: "text" },
];
const visa: SeedResultField[] = [{ key: "visaDate", label: "获签日期", type: "date" }];
const departure: SeedResultField[] = [{ key: "departedOn", label: "出行日期", type: "date" }];
const applications: SeedResultField[] = [
  { key: "school", label: "申请学校", type: "school" },
  { key: "applicationId", label: "申请号", type: "text" },
  { key: "submittedOn", label: "递交日期", type: "date" },
];
const secondFee: SeedStep = { name: "收取二期费", role: "FINANCE", days: 1 };
const preDeparture: SeedStep = { name: "行前准备", role: "DOCUMENT_OFFICER", days: 3, results: departure, event: "DEPARTED" };

export const SEED_TEMPLATES: readonly SeedTemplate[] = [
  {
    country: "GB",
    name: "英国授课型硕士",
    programs: ["MASTER"],
    steps: [
      { name: "材料指导", role: "DOCUMENT_OFFICER", days: 1 },
      { name: "收集材料", role: "CONSULTANT", days: 10, documents: ["护照", "成绩单", "学位证/毕业证", "在读证明", "语言成绩"] },
      { name: "翻译与公证", role: "DOCUMENT_OFFICER", days: 5 },
      { name: "文书（PS、CV、推荐信）", role: "DOCUMENT_OFFICER", days: 15, documents: ["个人陈述", "简历", "推荐信"] },
      { name: "递交申请", role: "DOCUMENT_OFFICER", days: 3, results: applications },
      { name: "跟进录取（每周）", role: "DOCUMENT_OFFICER", days: 30, results: offer, event: "OFFER" },
      { name: "确认录取并缴纳押金", role: "CONSULTANT", days: 5 },
      { name: "满足录取条件", role: "DOCUMENT_OFFICER", days: 20 },
      { name: "CAS", role: "DOCUMENT_OFFICER", days: 5 },
      { name: "肺结核检测", role: "CONSULTANT", days: 5 },
      { name: "签证（开学前 6 个月内递交）", role: "DOCUMENT_OFFICER", days: 15, monthsBeforeCourseStart: 6, results: visa, event: "VISA_GRANTED" },
      secondFee,
      preDeparture,
    ],
  },
  {
    country: "US",
    name: "美国研究生",
    programs: ["MASTER", "DOCTORATE"],
    steps: [
      { name: "选校", role: "CONSULTANT", days: 7 },
      { name: "文书", role: "DOCUMENT_OFFICER", days: 25, documents: ["个人陈述", "简历", "推荐信"] },
      { name: "网申（按各校截止日期）", role: "DOCUMENT_OFFICER", days: 10, results: applications },
      { name: "面试", role: "CONSULTANT", days: 10 },
      { name: "录取", role: "DOCUMENT_OFFICER", days: 30, results: offer, event: "OFFER" },
      { name: "缴纳押金", role: "CONSULTANT", days: 5 },
      { name: "I-20", role: "DOCUMENT_OFFICER", days: 10 },
      { name: "SEVIS 费", role: "CONSULTANT", days: 2 },
      { name: "DS-160 与面签预约", role: "DOCUMENT_OFFICER", days: 5 },
      { name: "签证（入境不早于开学前 30 天）", role: "DOCUMENT_OFFICER", days: 15, results: visa, event: "VISA_GRANTED" },
      secondFee,
      preDeparture,
    ],
  },
  {
    country: "AU",
    name: "澳大利亚",
    programs: [],
    steps: [
      { name: "材料与申请", role: "DOCUMENT_OFFICER", days: 12, results: applications },
      { name: "录取", role: "DOCUMENT_OFFICER", days: 15, results: offer, event: "OFFER" },
      { name: "接受录取、押金、OSHC", role: "CONSULTANT", days: 5 },
      { name: "CoE", role: "DOCUMENT_OFFICER", days: 7 },
      { name: "Genuine Student 陈述", role: "DOCUMENT_OFFICER", days: 5 },
      { name: "500 签证与体检", role: "DOCUMENT_OFFICER", days: 40, results: visa, event: "VISA_GRANTED" },
      secondFee,
      preDeparture,
    ],
  },
  {
    country: "CA",
    name: "加拿大",
    programs: [],
    steps: [
      { name: "材料与申请", role: "DOCUMENT_OFFICER", days: 12, results: applications },
      { name: "录取", role: "DOCUMENT_OFFICER", days: 15, results: offer, event: "OFFER" },
      { name: "接受录取与押金", role: "CONSULTANT", days: 5 },
      // Master's and doctoral applicants are exempt: the 文案 skips it with that reason.
      { name: "省级认证信（PAL，硕博免）", role: "DOCUMENT_OFFICER", days: 15 },
      { name: "学签与体检", role: "DOCUMENT_OFFICER", days: 40, results: visa, event: "VISA_GRANTED" },
      secondFee,
      preDeparture,
    ],
  },
  {
    country: "HK",
    name: "中国香港",
    programs: [],
    steps: [
      { name: "材料与申请", role: "DOCUMENT_OFFICER", days: 10, results: applications },
      { name: "录取", role: "DOCUMENT_OFFICER", days: 30, results: offer, event: "OFFER" },
      { name: "留位费", role: "CONSULTANT", days: 5 },
      { name: "学生签证（入境许可）", role: "DOCUMENT_OFFICER", days: 30, results: visa, event: "VISA_GRANTED" },
      secondFee,
      preDeparture,
    ],
  },
  {
    country: "SG",
    name: "新加坡",
    programs: [],
    steps: [
      { name: "材料与申请", role: "DOCUMENT_OFFICER", days: 10, results: applications },
      { name: "录取", role: "DOCUMENT_OFFICER", days: 30, results: offer, event: "OFFER" },
      { name: "接受录取", role: "CONSULTANT", days: 5 },
      { name: "学生准证（Student's Pass）", role: "DOCUMENT_OFFICER", days: 20, results: visa, event: "VISA_GRANTED" },
      secondFee,
      preDeparture,
    ],
  },
];

// ---- Seeding them (minimal; the templates helper's branch may bring its own — keep one) ----------

/**
 * Creates each SEED_TEMPLATES template that is missing (by country and name) with its steps as
 * version 1; `ids` maps dictionary codes (GB, MASTER…) to ids. Existing
 * templates are left as they are (IT may have edited them). Returns how many it created.
 */
export async function seedProcessTemplates(
  db: PrismaClient,
  ids: { country: (code: string) => string | undefined; program: (code: string) => string | undefined },
): Promise<number> {
  let created = 0;
  for (const t of SEED_TEMPLATES) {
    const countryId = ids.country(t.country);
    if (!countryId) continue;
    if (await db.processTemplate.findUnique({ where: { countryId_name: { countryId, name: t.name } }, select: { id: true } })) continue;
    await db.processTemplate.create({
      data: {
        countryId,
        name: t.name,
        programIds: t.programs.map((p) => ids.program(p)).filter((id): id is string => Boolean(id)),
        versions: {
          create: {
            version: 1,
            steps: {
              create: t.steps.map((s, i) => ({
                position: i + 1,
                name: s.name,
                role: s.role,
                plannedDays: s.days,
                monthsBeforeCourseStart: s.monthsBeforeCourseStart ?? null,
                documents: s.documents ?? [],
                resultFields: s.results ?? [],
                event: s.event ?? null,
              })),
            },
          },
        },
      },
    });
    created += 1;
  }
  return created;
}
