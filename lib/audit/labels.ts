import { CONTRACT_TRANSITIONS } from "@/lib/contracts/lifecycle";
import { formatFileSize } from "@/lib/documents/format";
import { formatCny } from "@/lib/money";
import { formatDateTime } from "@/lib/time";
import { maskIdNumber } from "@/lib/validation/china";

// How a record type's audit rows read in its 修改记录: which columns are shown (anything else, such as
// ids of the record itself, versions or timestamps the entry already has, is left out), the label of
// each (a message key), how its stored value reads, and what each action is called. A new record type
// with a trail is one entry in AUDIT_VIEWS (and one in lib/audit/queries.ts, who may see it).

/**
 * How a stored value reads. Values come from the audit row's JSON: dates as ISO strings, amounts as
 * decimal strings, references as ids.
 * - "date": a calendar date, "2026-01-05" (a @db.Date column is stored as that day's UTC midnight)
 * - "dateTime": an instant, in Asia/Shanghai
 * - "money": CNY via lib/money.ts
 * - "dictionary": a dictionary item's id, as its label (inactive items too)
 * - "user": a user's id, as their name
 * - "identity": 身份证 / 护照, masked for readers who may not see them (lib/auth/scope.ts)
 * - "fileSize": a number of bytes, as "1.5 MB"
 * - { enum }: a code, as the message `${enum}.${code}` (e.g. "fields.genders" + "MALE" = 男)
 */
export type ValueFormat = "text" | "date" | "dateTime" | "money" | "dictionary" | "user" | "identity" | "fileSize" | { enum: string };

/** A shown column: its label as a full message key ("fields.country") and how its value reads. */
export type AuditField = { label: string; format: ValueFormat };

/**
 * An audited action: its label (message key) and what the entry lists —
 * "changes": field: before → after (a field the before-image lacks, like a transition's comment, reads
 * as field: value); "values": field: value of what was recorded, empty fields left out (a follow-up
 * reads as the follow-up);
 * "removed": field: value of what was deleted (the before-image; a deletion has no after-image);
 * "nothing": the label alone (a creation, whose after-image is the whole record, lists no diff).
 */
export type AuditAction = { label: string; shows: "changes" | "values" | "removed" | "nothing" };

export type AuditView = { fields: Readonly<Record<string, AuditField>>; actions: Readonly<Record<string, AuditAction>> };

const text = (label: string): AuditField => ({ label, format: "text" });
const as = (label: string, format: ValueFormat): AuditField => ({ label, format });

// What a 电子档案文件 entry records on its owner's trail (document.upload, document.delete).
const DOCUMENT_FIELDS: Record<string, AuditField> = {
  category: as("documents.fields.category", { enum: "documents.categories" }),
  fileName: text("documents.fields.fileName"),
  size: as("documents.fields.size", "fileSize"),
  duplicateOf: text("documents.fields.duplicateOf"),
  deleteReason: text("documents.fields.deleteReason"),
};

const DOCUMENT_ACTIONS = {
  "document.upload": { label: "audit.actions.documentUpload", shows: "values" },
  "document.delete": { label: "audit.actions.documentDelete", shows: "values" },
} as const satisfies Record<string, AuditAction>;

const CUSTOMER_FIELDS: Record<string, AuditField> = {
  name: text("fields.name"),
  phone: text("fields.phone"),
  wechat: text("fields.wechat"),
  gender: as("fields.gender", { enum: "fields.genders" }),
  birthDate: as("fields.birthDate", "date"),
  maritalStatus: as("fields.maritalStatus", { enum: "fields.maritalStatuses" }),
  idCard: as("fields.idCard", "identity"),
  passport: as("fields.passport", "identity"),
  passportExpiresOn: as("fields.passportExpiresOn", "date"),
  nativePlace: text("fields.nativePlace"),
  countryId: as("fields.country", "dictionary"),
  major: text("fields.major"),
  educationId: as("fields.education", "dictionary"),
  gradeId: as("fields.grade", "dictionary"),
  email: text("fields.email"),
  qq: text("fields.qq"),
  msn: text("fields.msn"),
  address: text("fields.address"),
  employer: text("fields.employer"),
  position: text("fields.position"),
  registrationId: as("fields.registration", "dictionary"),
  mediaSourceId: as("fields.mediaSource", "dictionary"),
  intro: text("fields.intro"),
  remark: text("fields.remark"),
  status: as("fields.customerStatus", { enum: "fields.customerStatuses" }),
  signedAt: as("fields.signedAt", "dateTime"),
  ownerId: as("fields.owner", "user"),
  // What a follow-up entry records (action followUp.create, on the customer's trail).
  contactedOn: as("followUps.contactedOn", "date"),
  channel: as("followUps.channel", { enum: "followUps.channels" }),
  content: text("followUps.content"),
  nextContactOn: as("followUps.nextContactOn", "date"),
  // The 技术维护单 an applied change came from (client.changeForm).
  changeForm: text("changeForms.formNumber"),
  ...DOCUMENT_FIELDS,
};

const CONTRACT_FIELDS: Record<string, AuditField> = {
  status: as("fields.contractStatus", { enum: "fields.contractStatuses" }),
  countryId: as("fields.country", "dictionary"),
  programId: as("fields.program", "dictionary"),
  number: text("fields.contractNumber"),
  signedOn: as("fields.signedOn", "date"),
  school: text("fields.school"),
  course: text("fields.course"),
  firstFee: as("fields.firstFee", "money"),
  secondFee: as("fields.secondFee", "money"),
  remark: text("fields.remark"),
  courseEndsOn: as("fields.courseEndsOn", "date"),
  ownerId: as("fields.owner", "user"),
  comment: text("fields.comment"),
  // The 技术维护单 an applied change came from (contract.changeForm).
  changeForm: text("changeForms.formNumber"),
  // 已退: grows with each refund finance pays out (contract.refund).
  refunded: as("refunds.refunded", "money"),
  // 财务审核: a receipt recorded or voided on the contract, and the 二期 due date (lib/finance).
  stage: as("finance.fields.stage", { enum: "finance.stages" }),
  amount: as("finance.fields.amount", "money"),
  receivedOn: as("finance.fields.receivedOn", "date"),
  method: as("finance.fields.method", { enum: "finance.methods" }),
  payer: text("finance.fields.payer"),
  reference: text("finance.fields.reference"),
  invoiceNumber: text("finance.fields.invoiceNumber"),
  note: text("finance.fields.note"),
  voidReason: text("finance.fields.voidReason"),
  shortfallReason: text("finance.fields.shortfallReason"),
  firstReceived: as("finance.fields.firstReceived", "money"),
  secondReceived: as("finance.fields.secondReceived", "money"),
  otherReceived: as("finance.fields.otherReceived", "money"),
  secondFeeDueOn: as("finance.fields.secondFeeDueOn", "date"),
  // Application processes (lib/processes): 开学时间 entered at 启动, and the 获签 / 已出行 events.
  courseStartOn: as("audit.processFields.courseStartOn", "date"),
  visaGrantedOn: as("audit.processFields.visaGrantedOn", "date"),
  departedOn: as("audit.processFields.departedOn", "date"),
  // 转国家 (issue 10 §3): finance's 补费 on the contract (contract.topUp).
  otherFee: as("countryChange.fields.otherFee", "money"),
  otherFeeDueOn: as("countryChange.fields.otherFeeDueOn", "date"),
  ...DOCUMENT_FIELDS,
};

// 工作日历 (lib/calendar): a day added or removed, and a year imported from the package (counts of days).
const WORKING_CALENDAR_FIELDS: Record<string, AuditField> = {
  date: as("calendar.fields.date", "date"),
  kind: as("calendar.fields.kind", { enum: "calendar.kinds" }),
  name: text("calendar.fields.name"),
  source: as("calendar.fields.source", { enum: "calendar.sources" }),
  packageVersion: text("calendar.audit.packageVersion"),
  added: text("calendar.audit.added"),
  updated: text("calendar.audit.updated"),
  removed: text("calendar.audit.removed"),
  kept: text("calendar.audit.kept"),
};

// Every transition of the contract lifecycle is an audited action named contract.<transition>.
const CONTRACT_TRANSITION_ACTIONS = Object.fromEntries(
  Object.keys(CONTRACT_TRANSITIONS).map((name) => [`contract.${name}`, { label: `audit.actions.${name}`, shows: "changes" } as const]),
);

export const AUDIT_VIEWS = {
  Customer: {
    fields: CUSTOMER_FIELDS,
    actions: {
      "prospect.create": { label: "audit.actions.create", shows: "nothing" },
      "prospect.update": { label: "audit.actions.update", shows: "changes" },
      "client.update": { label: "audit.actions.update", shows: "changes" },
      "client.sign": { label: "audit.actions.sign", shows: "changes" },
      "customer.transfer": { label: "audit.actions.transfer", shows: "changes" },
      "followUp.create": { label: "audit.actions.followUp", shows: "values" },
      "client.changeForm": { label: "audit.actions.changeForm", shows: "changes" },
      ...DOCUMENT_ACTIONS,
    },
  },
  Contract: {
    fields: CONTRACT_FIELDS,
    actions: {
      "contract.create": { label: "audit.actions.create", shows: "nothing" },
      "contract.update": { label: "audit.actions.update", shows: "changes" },
      "contract.transfer": { label: "audit.actions.transfer", shows: "changes" },
      // An applied 技术维护单: its old → new values and the form's number.
      "contract.changeForm": { label: "audit.actions.changeForm", shows: "changes" },
      "contract.refund": { label: "audit.actions.refundPaid", shows: "changes" },
      // The decisions of 经理审核 and 财务审核 on a contract (the demo data carries them already).
      "contract.managerApprove": { label: "audit.actions.managerApprove", shows: "changes" },
      "contract.managerReject": { label: "audit.actions.managerReject", shows: "changes" },
      "contract.financeApprove": { label: "audit.actions.financeApprove", shows: "changes" },
      "contract.financeReject": { label: "audit.actions.financeReject", shows: "changes" },
      "contract.secondFeeDue": { label: "audit.actions.secondFeeDue", shows: "changes" },
      "contract.courseStart": { label: "audit.actions.courseStart", shows: "changes" },
      "contract.visaGranted": { label: "audit.actions.visaGranted", shows: "changes" },
      "contract.departed": { label: "audit.actions.departed", shows: "changes" },
      // 转国家 (issue 10 §3): the country changed directly (a contract not yet audited), and a 补费.
      "contract.countryChange": { label: "audit.actions.countryChange", shows: "changes" },
      "contract.topUp": { label: "audit.actions.topUp", shows: "changes" },
      // 移交工作 (issue 11 §4): the case's 文案 changed by an approved handover.
      "contract.handoverCase": { label: "audit.actions.handoverCase", shows: "changes" },
      "receipt.create": { label: "audit.actions.receiptCreate", shows: "changes" },
      "receipt.void": { label: "audit.actions.receiptVoid", shows: "changes" },
      ...CONTRACT_TRANSITION_ACTIONS,
      ...DOCUMENT_ACTIONS,
    },
  },
  // A 流程模板 (issue 9 §2): what 信息中心 did to it. The steps are in the audit row but not listed here:
  // the entry's label says whether an edit changed them in place or published a new version.
  ProcessTemplate: {
    fields: {
      name: text("processTemplates.fields.name"),
      countryId: as("processTemplates.fields.country", "dictionary"),
      currentVersion: text("processTemplates.fields.version"),
      retiredAt: as("processTemplates.retired", "dateTime"),
    },
    actions: {
      "processTemplate.create": { label: "audit.actions.processTemplateCreate", shows: "nothing" },
      "processTemplate.update": { label: "audit.actions.processTemplateUpdate", shows: "changes" },
      "processTemplate.publish": { label: "audit.actions.processTemplatePublish", shows: "changes" },
      "processTemplate.retire": { label: "audit.actions.processTemplateRetire", shows: "changes" },
      "processTemplate.restore": { label: "audit.actions.processTemplateRestore", shows: "changes" },
    },
  },
  // One year of the calendar (entityId "2026"): its trail is what 信息中心 and the imports did to it.
  WorkingCalendar: {
    fields: WORKING_CALENDAR_FIELDS,
    actions: {
      "calendar.addDay": { label: "audit.actions.calendarAddDay", shows: "values" },
      "calendar.removeDay": { label: "audit.actions.calendarRemoveDay", shows: "removed" },
      "calendar.importYear": { label: "audit.actions.calendarImportYear", shows: "values" },
    },
  },
} as const satisfies Record<string, AuditView>;

export type AuditedEntity = keyof typeof AUDIT_VIEWS;

/** An action no view names (a row written by newer code, say): its entry still shows, under this label, with its changes. */
export const UNKNOWN_ACTION: AuditAction = { label: "audit.actions.other", shows: "changes" };

/** A translator over the whole message catalogue, as next-intl's `getTranslations()` gives. */
export type Translate = { (key: string): string; has(key: string): boolean };

/** What formatting needs besides the value: the reader's locale and rights, and the labels of referenced records. */
export type FormatContext = {
  locale: string;
  t: Translate;
  // Dictionary item id → label and user id → name, for the ids auditReferences listed.
  dictionary: ReadonlyMap<string, string>;
  users: ReadonlyMap<string, string>;
};

const EMPTY = "—";

/** One stored value as the reader sees it; an empty one (null, missing, "") reads "—". */
export function formatAuditValue(format: ValueFormat, value: unknown, ctx: FormatContext): string {
  if (value === null || value === undefined || value === "") return EMPTY;
  const raw = typeof value === "string" ? value : JSON.stringify(value);
  if (typeof format === "object") {
    const key = `${format.enum}.${raw}`;
    return ctx.t.has(key) ? ctx.t(key) : raw;
  }
  switch (format) {
    case "date":
      return raw.slice(0, 10);
    case "dateTime": {
      const date = new Date(raw);
      return Number.isNaN(date.getTime()) ? raw : formatDateTime(date, ctx.locale);
    }
    case "money":
      return formatCny(raw, ctx.locale);
    case "dictionary":
      return ctx.dictionary.get(raw) ?? raw;
    case "user":
      return ctx.users.get(raw) ?? raw;
    case "identity":
      // Masked for every reader (issue 10 §2): the full number only through 显示完整号码, logged.
      return maskIdNumber(raw) ?? EMPTY;
    case "fileSize":
      return typeof value === "number" ? formatFileSize(value, ctx.locale) : raw;
    default:
      return raw;
  }
}

export type AuditLine = { field: string; before: string; after: string } | { field: string; value: string };
export type AuditRow = { action: string; before: unknown; after: unknown };

const record = (v: unknown): Record<string, unknown> =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/**
 * One audit row of `entity` as its trail shows it: the action's label and its lines, translated and
 * formatted for the reader, shown fields only, in the view's field order.
 */
export function describeAuditEntry(entity: AuditedEntity, row: AuditRow, ctx: FormatContext): { action: string; lines: AuditLine[] } {
  const view: AuditView = AUDIT_VIEWS[entity];
  const action = view.actions[row.action] ?? UNKNOWN_ACTION;
  const before = record(row.before);
  const after = record(row.after);
  const shown = action.shows === "removed" ? before : after;
  const lines: AuditLine[] = [];
  if (action.shows !== "nothing") {
    for (const [name, field] of Object.entries(view.fields)) {
      if (!(name in shown)) continue;
      const label = ctx.t(field.label);
      const now = formatAuditValue(field.format, shown[name], ctx);
      if (action.shows === "changes" && name in before) {
        lines.push({ field: label, before: formatAuditValue(field.format, before[name], ctx), after: now });
      } else if (now !== EMPTY) {
        // A value recorded empty is not worth a line (unlike a change that empties a field).
        lines.push({ field: label, value: now });
      }
    }
  }
  return { action: ctx.t(action.label), lines };
}

/** The dictionary item ids and user ids that `rows` of `entity` mention in shown fields, to load their labels. */
export function auditReferences(entity: AuditedEntity, rows: readonly AuditRow[]): { dictionaryIds: string[]; userIds: string[] } {
  const view: AuditView = AUDIT_VIEWS[entity];
  const dictionaryIds = new Set<string>();
  const userIds = new Set<string>();
  for (const row of rows) {
    for (const image of [record(row.before), record(row.after)]) {
      for (const [name, value] of Object.entries(image)) {
        const format = view.fields[name]?.format;
        if (typeof value !== "string" || !value) continue;
        if (format === "dictionary") dictionaryIds.add(value);
        if (format === "user") userIds.add(value);
      }
    }
  }
  return { dictionaryIds: [...dictionaryIds], userIds: [...userIds] };
}
