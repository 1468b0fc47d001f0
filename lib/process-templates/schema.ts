import { z } from "zod";
import { recordId, recordVersion } from "@/lib/validation/record";
import { cleanLine, requiredLine } from "@/lib/validation/text";

// 流程模板 (issue 9 §2, 信息中心): the inputs of the template editor, shared by the page's form
// (zodResolver) and the server actions. Messages are keys of the `validation` namespace. Errors inside
// the steps are on the field they are about ("steps.2.resultFields.1.key"), so the editor shows them
// next to the input.

/** Who works a step (负责角色): the Prisma enum StepRole, in the order the editor offers them. */
export const STEP_ROLES = ["DOCUMENT_OFFICER", "CONSULTANT", "FINANCE", "ARCHIVIST"] as const;
/** The types a result field (结果字段) may have: free text, a date, one of the choices, a school. */
export const RESULT_FIELD_TYPES = ["text", "date", "choice", "school"] as const;
/** The events completing a step may raise (获得录取, 获签, 已出行): the Prisma enum ProcessEvent. */
export const PROCESS_EVENTS = ["OFFER", "VISA_GRANTED", "DEPARTED"] as const;

export type StepRoleValue = (typeof STEP_ROLES)[number];
export type ResultFieldType = (typeof RESULT_FIELD_TYPES)[number];
export type ProcessEventValue = (typeof PROCESS_EVENTS)[number];

export const TEMPLATE_NAME_MAX = 60;
export const STEP_NAME_MAX = 60;
export const DOCUMENT_NAME_MAX = 40;
export const FIELD_LABEL_MAX = 30;
export const CHOICE_MAX = 30;
/** Working days a step's plannedDays and startAfterDays may hold. */
export const DAYS_MAX = 365;
export const MONTHS_MAX = 36;
export const STEPS_MAX = 60;
export const DOCUMENTS_MAX = 30;
export const RESULT_FIELDS_MAX = 10;
export const CHOICES_MAX = 20;
export const PROGRAMS_MAX = 20;

/** A result field's key: a letter, then letters, digits, "_" or "-" (at most 40), as results are stored by it. */
export const RESULT_KEY = /^[A-Za-z][A-Za-z0-9_-]{0,39}$/;

// A whole number in [0, max], typed into an input (a string) or sent as a number.
const wholeNumber = (max: number, rangeMessage: string) =>
  z
    .union([z.number(), z.string()], { error: (issue) => (issue.input === undefined ? "required" : "invalid") })
    .transform((v) => (typeof v === "string" ? cleanLine(v) : v))
    .pipe(
      z.union([z.number(), z.string()]).superRefine((v, ctx) => {
        if (v === "") ctx.addIssue({ code: "custom", message: "required" });
        else if (typeof v === "string" && !/^\d{1,6}$/.test(v)) ctx.addIssue({ code: "custom", message: "wholeNumber" });
      }),
    )
    .transform((v) => Number(v))
    .pipe(z.number().int("wholeNumber").min(0, rangeMessage).max(max, rangeMessage));

// As wholeNumber, but "" (or null) is "no anchor".
const optionalWholeNumber = (max: number, rangeMessage: string) =>
  z
    .union([z.number(), z.string(), z.null()], { error: "invalid" })
    .transform((v) => (typeof v === "string" ? cleanLine(v) : v))
    .superRefine((v, ctx) => {
      if (typeof v === "string" && v !== "" && !/^\d{1,6}$/.test(v)) ctx.addIssue({ code: "custom", message: "wholeNumber" });
    })
    .transform((v) => (v === "" || v === null ? null : Number(v)))
    .pipe(z.number().int("wholeNumber").min(0, rangeMessage).max(max, rangeMessage).nullable());

// A list of cleaned names where every entry is required and no two are the same (the error is on the repeat).
const nameList = (max: number, itemMax: number, duplicateMessage: string) =>
  z
    .array(requiredLine(itemMax), { error: "invalid" })
    .max(max, "tooMany")
    .superRefine((items, ctx) => {
      const seen = new Set<string>();
      items.forEach((item, index) => {
        if (seen.has(item)) ctx.addIssue({ code: "custom", message: duplicateMessage, path: [index] });
        seen.add(item);
      });
    });

/** One typed result field: the key results are stored by, its label, its type and, for a choice, ≥ 2 choices. */
export const resultFieldSchema = z
  .object({
    key: z
      .string({ error: (issue) => (issue.input === undefined ? "required" : "invalid") })
      .transform(cleanLine)
      .refine((v) => v !== "", { message: "required", abort: true })
      .refine((v) => RESULT_KEY.test(v), "resultKeyInvalid"),
    label: requiredLine(FIELD_LABEL_MAX),
    type: z.enum(RESULT_FIELD_TYPES, "invalidChoice"),
    choices: nameList(CHOICES_MAX, CHOICE_MAX, "choiceDuplicate").optional(),
    required: z.boolean({ error: "invalid" }).optional(),
  })
  .superRefine((field, ctx) => {
    if (field.type === "choice" && (field.choices?.length ?? 0) < 2) {
      ctx.addIssue({ code: "custom", message: "choicesTooFew", path: ["choices"] });
    }
  })
  // Only a choice keeps its choices; `required` is stored only when true.
  .transform(({ choices, required, ...field }) => ({
    ...field,
    ...(field.type === "choice" ? { choices: choices ?? [] } : {}),
    ...(required ? { required: true } : {}),
  }));

/** One step (步骤) of a template, as the editor sends it. */
export const templateStepSchema = z
  .object({
    name: requiredLine(STEP_NAME_MAX),
    role: z.enum(STEP_ROLES, "invalidChoice"),
    plannedDays: wholeNumber(DAYS_MAX, "daysRange"),
    startAfterDays: wholeNumber(DAYS_MAX, "daysRange"),
    monthsBeforeCourseStart: optionalWholeNumber(MONTHS_MAX, "monthsRange").optional(),
    documents: nameList(DOCUMENTS_MAX, DOCUMENT_NAME_MAX, "documentDuplicate"),
    resultFields: z.array(resultFieldSchema, { error: "invalid" }).max(RESULT_FIELDS_MAX, "tooMany"),
    // "" from the select: no event.
    event: z.union([z.enum(PROCESS_EVENTS), z.literal(""), z.null()], { error: "invalidChoice" }).optional(),
  })
  .superRefine((step, ctx) => {
    const keys = new Set<string>();
    step.resultFields.forEach((field, index) => {
      if (keys.has(field.key)) ctx.addIssue({ code: "custom", message: "resultKeyTaken", path: ["resultFields", index, "key"] });
      keys.add(field.key);
    });
    if (step.event === "OFFER") offerFields(step.resultFields, ctx);
  })
  .transform((step) => ({
    ...step,
    monthsBeforeCourseStart: step.monthsBeforeCourseStart ?? null,
    event: step.event ? step.event : null,
  }));

/** The 录取类型 choices a 获得录取 step offers: what the offer record stores (无条件 / 有条件). */
export const OFFER_TYPE_CHOICES = ["无条件", "有条件"] as const;

// A 获得录取 step records the contract's offer (lib/processes/events.ts): it needs a `school` field (录取学校,
// school or text) and an `offerType` choice of exactly 无条件 / 有条件, else the 文案 could not complete
// it or the offer's type would be a guess. The error is on the event select.
function offerFields(fields: readonly { key: string; type: string; choices?: string[] }[], ctx: z.RefinementCtx): void {
  const school = fields.find((f) => f.key === "school");
  const offerType = fields.find((f) => f.key === "offerType");
  const choices = offerType?.choices ?? [];
  const typeOk =
    offerType?.type === "choice" && choices.length === OFFER_TYPE_CHOICES.length && OFFER_TYPE_CHOICES.every((c) => choices.includes(c));
  if (!school || (school.type !== "school" && school.type !== "text") || !typeOk) {
    ctx.addIssue({ code: "custom", message: "offerFieldsRequired", path: ["event"] });
  }
}

const templateObject = z.object({
  countryId: recordId(),
  name: requiredLine(TEMPLATE_NAME_MAX),
  programIds: z
    .array(recordId(), { error: "invalid" })
    .max(PROGRAMS_MAX, "tooMany")
    .transform((ids) => [...new Set(ids)]),
  steps: z.array(templateStepSchema, { error: "invalid" }).min(1, "stepsRequired").max(STEPS_MAX, "tooMany"),
});

// Each event at most once: a process gets one offer, one visa, one departure. The error is on the repeat.
function eventsOnce(template: { steps: { event: string | null }[] }, ctx: z.RefinementCtx): void {
  const events = new Set<string>();
  template.steps.forEach((step, index) => {
    if (!step.event) return;
    if (events.has(step.event)) ctx.addIssue({ code: "custom", message: "eventTaken", path: ["steps", index, "event"] });
    events.add(step.event);
  });
}

/** The template itself: 国家, 名称, 项目 (empty: every programme) and the ordered steps (at least one). */
export const templateFormSchema = templateObject.superRefine(eventsOnce);

export type TemplateFormValues = z.input<typeof templateFormSchema>;
export type TemplateInput = z.output<typeof templateFormSchema>;
export type TemplateStepInput = TemplateInput["steps"][number];
export type ResultFieldInput = TemplateStepInput["resultFields"][number];

/** 新建流程模板. */
export const createTemplateSchema = templateFormSchema;
export type CreateTemplateInput = TemplateInput;

/** 保存 an edit: the template's id and the `version` the editor started from, with the whole template. */
export const updateTemplateSchema = templateObject.extend({ id: recordId(), version: recordVersion() }).superRefine(eventsOnce);
export type UpdateTemplateInput = z.output<typeof updateTemplateSchema>;

/** 停用 (retired: true) or 启用 (retired: false). */
export const setTemplateRetiredSchema = z.object({
  id: recordId(),
  version: recordVersion(),
  retired: z.boolean({ error: "invalid" }),
});
export type SetTemplateRetiredInput = z.output<typeof setTemplateRetiredSchema>;

/** 删除 a template no process has ever used. */
export const deleteTemplateSchema = z.object({ id: recordId(), version: recordVersion() });
export type DeleteTemplateInput = z.output<typeof deleteTemplateSchema>;

/** A new step in the editor: a 文案 step of 1 working day, no documents, no result fields. */
export const EMPTY_STEP: TemplateFormValues["steps"][number] = {
  name: "",
  role: "DOCUMENT_OFFICER",
  plannedDays: "1",
  startAfterDays: "0",
  monthsBeforeCourseStart: "",
  documents: [],
  resultFields: [],
  event: "",
};

/** The editor's values for a new template. */
export const EMPTY_TEMPLATE: TemplateFormValues = { countryId: "", name: "", programIds: [], steps: [EMPTY_STEP] };
