import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  AUDIT_VIEWS,
  UNKNOWN_ACTION,
  auditReferences,
  describeAuditEntry,
  formatAuditValue,
  type AuditView,
  type FormatContext,
  type Translate,
} from "@/lib/audit/labels";

type Messages = Record<string, unknown>;

// The real catalogue of a locale, one namespace per file, as i18n/request.ts loads it.
function catalogue(locale: string): Messages {
  const dir = path.join(process.cwd(), "messages", locale);
  return Object.fromEntries(
    readdirSync(dir).map((file) => [file.replace(/\.json$/, ""), JSON.parse(readFileSync(path.join(dir, file), "utf8"))]),
  );
}

const lookup = (messages: Messages, key: string): unknown =>
  key.split(".").reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Messages)[part] : undefined), messages);

function translator(locale: string): Translate {
  const messages = catalogue(locale);
  const t = (key: string) => {
    const value = lookup(messages, key);
    if (typeof value !== "string") throw new Error(`missing message ${key}`);
    return value;
  };
  return Object.assign(t, { has: (key: string) => typeof lookup(messages, key) === "string" });
}

const context = (overrides: Partial<FormatContext> = {}): FormatContext => ({
  locale: "zh-CN",
  t: translator("zh-CN"),
  dictionary: new Map([
    ["country-uk", "英国"],
    ["country-au", "澳大利亚"],
  ]),
  users: new Map([
    ["user-li", "李娜"],
    ["user-wang", "王强"],
  ]),
  ...overrides,
});

describe("formatAuditValue", () => {
  const ctx = context();

  it.each([
    ["text", "伦敦大学学院", "伦敦大学学院"],
    ["date", "2002-09-30T00:00:00.000Z", "2002-09-30"],
    ["date", "2026-01-05", "2026-01-05"],
    // 16:30 UTC is half past midnight the next day in Shanghai.
    ["dateTime", "2026-01-05T16:30:00.000Z", "2026/01/06 00:30"],
    ["money", "52000.00", "¥52,000.00"],
    ["dictionary", "country-uk", "英国"],
    ["user", "user-wang", "王强"],
    ["identity", "11010519491231002X", "1101**********002X"],
  ] as const)("%s %s reads %s", (format, value, shown) => {
    expect(formatAuditValue(format, value, ctx)).toBe(shown);
  });

  it("reads an enum code through its messages, and an unknown code as itself", () => {
    expect(formatAuditValue({ enum: "fields.genders" }, "FEMALE", ctx)).toBe("女");
    expect(formatAuditValue({ enum: "fields.maritalStatuses" }, "MARRIED", ctx)).toBe("已婚");
    expect(formatAuditValue({ enum: "fields.contractStatuses" }, "PENDING_MANAGER", ctx)).toBe("待经理审核");
    expect(formatAuditValue({ enum: "followUps.channels" }, "WECHAT", ctx)).toBe("微信");
    expect(formatAuditValue({ enum: "fields.genders" }, "UNKNOWN", ctx)).toBe("UNKNOWN");
  });

  it("reads money and enums in the reader's language", () => {
    const en = context({ locale: "en", t: translator("en") });
    expect(formatAuditValue("money", "1234.5", en)).toBe("CN¥1,234.50");
    expect(formatAuditValue({ enum: "fields.genders" }, "MALE", en)).toBe("Male");
  });

  it("masks identity numbers for every reader (issue 10 §2: the full number only through 显示完整号码)", () => {
    expect(formatAuditValue("identity", "11010519491231002X", ctx)).toBe("1101**********002X");
    expect(formatAuditValue("identity", "E12345678", ctx)).toBe("E******78");
  });

  it("keeps an id without a label (a record since deleted) rather than hiding that something changed", () => {
    expect(formatAuditValue("dictionary", "country-gone", ctx)).toBe("country-gone");
    expect(formatAuditValue("user", "user-gone", ctx)).toBe("user-gone");
  });

  it.each([null, undefined, ""])("shows an empty value (%s) as —", (value) => {
    for (const format of ["text", "date", "dateTime", "money", "dictionary", "user", "identity", { enum: "fields.genders" }] as const) {
      expect(formatAuditValue(format, value, ctx)).toBe("—");
    }
  });
});

describe("describeAuditEntry", () => {
  const ctx = context();

  it("shows an edit as field: before → after, shown fields only, in the view's order", () => {
    const entry = describeAuditEntry(
      "Customer",
      {
        action: "prospect.update",
        before: { major: "市场营销", countryId: "country-uk", version: 1 },
        after: { major: "金融", countryId: "country-au", version: 2 },
      },
      ctx,
    );
    expect(entry).toEqual({
      action: "编辑",
      lines: [
        { field: "国家", before: "英国", after: "澳大利亚" },
        { field: "专业", before: "市场营销", after: "金融" },
      ],
    });
  });

  it("lists no diff for a creation", () => {
    const entry = describeAuditEntry("Customer", { action: "prospect.create", before: null, after: { name: "林晓雨", phone: "13700000000" } }, ctx);
    expect(entry).toEqual({ action: "创建", lines: [] });
  });

  it("reads a follow-up as the follow-up: what was recorded (empty fields left out), not a change of the customer", () => {
    const entry = describeAuditEntry(
      "Customer",
      {
        action: "followUp.create",
        before: null,
        after: { followUpId: "f1", contactedOn: "2026-01-05", channel: "VISIT", content: "到访咨询", nextContactOn: null },
      },
      ctx,
    );
    expect(entry).toEqual({
      action: "添加跟进记录",
      lines: [
        { field: "联系日期", value: "2026-01-05" },
        { field: "联系方式", value: "面谈" },
        { field: "跟进内容", value: "到访咨询" },
      ],
    });
  });

  it("names the owners of a transfer", () => {
    const entry = describeAuditEntry("Customer", { action: "customer.transfer", before: { ownerId: "user-li" }, after: { ownerId: "user-wang" } }, ctx);
    expect(entry.lines).toEqual([{ field: "所属咨询", before: "李娜", after: "王强" }]);
  });

  it("shows a contract's state move and a field only the after-image has (a comment) as a value", () => {
    const entry = describeAuditEntry(
      "Contract",
      {
        action: "contract.submit",
        before: { status: "DRAFT", submittedAt: null },
        after: { status: "PENDING_MANAGER", submittedAt: "2026-01-05T02:00:00.000Z", comment: "请审核" },
      },
      ctx,
    );
    expect(entry).toEqual({
      action: "提交",
      lines: [
        { field: "状态", before: "草稿", after: "待经理审核" },
        { field: "意见", value: "请审核" },
      ],
    });
  });

  it("formats fees as CNY", () => {
    const entry = describeAuditEntry("Contract", { action: "contract.update", before: { firstFee: "50000.00" }, after: { firstFee: "52000.00" } }, ctx);
    expect(entry.lines).toEqual([{ field: "一期费", before: "¥50,000.00", after: "¥52,000.00" }]);
  });

  it("reads the 工作日历's entries: a day added, a day removed (what it was), a year imported (its counts)", () => {
    const day = { date: "2027-02-08", kind: "HOLIDAY", name: "春节", source: "MANUAL" };
    const lines = [
      { field: "日期", value: "2027-02-08" },
      { field: "类型", value: "放假" },
      { field: "节日名称", value: "春节" },
      { field: "来源", value: "信息中心录入" },
    ];
    expect(describeAuditEntry("WorkingCalendar", { action: "calendar.addDay", before: null, after: day }, ctx)).toEqual({ action: "添加日期", lines });
    expect(describeAuditEntry("WorkingCalendar", { action: "calendar.removeDay", before: day, after: null }, ctx)).toEqual({ action: "删除日期", lines });
    const imported = describeAuditEntry(
      "WorkingCalendar",
      { action: "calendar.importYear", before: null, after: { packageVersion: "1.5.7", added: 3, updated: 0, removed: 0, kept: 1 } },
      ctx,
    );
    expect(imported.action).toBe("从软件包导入");
    expect(imported.lines).toContainEqual({ field: "新增天数", value: "3" });
    expect(imported.lines).toContainEqual({ field: "更新天数", value: "0" });
  });

  it("still shows an action no view names, with its changes", () => {
    const entry = describeAuditEntry("Contract", { action: "contract.archive", before: { status: "AUDITED" }, after: { status: "COMPLETED" } }, ctx);
    expect(entry).toEqual({ action: "其他变更", lines: [{ field: "状态", before: "已审核", after: "已完成" }] });
  });
});

describe("auditReferences", () => {
  it("collects the dictionary and user ids of shown fields only", () => {
    const refs = auditReferences("Customer", [
      { action: "prospect.update", before: { countryId: "c1", gradeId: null }, after: { countryId: "c2", gradeId: "g1" } },
      { action: "customer.transfer", before: { ownerId: "u1" }, after: { ownerId: "u2" } },
      // Not shown fields: their ids need no label.
      { action: "contract.create", before: null, after: { customerId: "cust", createdById: "u3" } },
    ]);
    expect(refs.dictionaryIds.sort()).toEqual(["c1", "c2", "g1"]);
    expect(refs.userIds.sort()).toEqual(["u1", "u2"]);
  });
});

describe("every label the views use exists in both languages", () => {
  for (const locale of ["zh-CN", "en"]) {
    const messages = catalogue(locale);
    for (const [entity, view] of Object.entries(AUDIT_VIEWS) as [string, AuditView][]) {
      it(`${entity} in ${locale}`, () => {
        const keys = [
          ...Object.values(view.fields).map((f) => f.label),
          ...Object.values(view.actions).map((a) => a.label),
          UNKNOWN_ACTION.label,
        ];
        for (const key of keys) expect(typeof lookup(messages, key), key).toBe("string");
        for (const field of Object.values(view.fields)) {
          if (typeof field.format === "object") expect(typeof lookup(messages, field.format.enum), field.format.enum).toBe("object");
        }
      });
    }
  }
});
