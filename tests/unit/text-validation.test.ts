import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { clientListSchema, prospectListSchema, prospectSchema, EMPTY_PROSPECT } from "@/lib/customers/schema";
import { contractListSchema, contractSchema, EMPTY_CONTRACT } from "@/lib/contracts/schema";
import { followUpSchema } from "@/lib/follow-ups/schema";
import { transferCandidateListSchema, transferSchema } from "@/lib/transfers/schema";
import { isRecordId, optionalRecordId, recordId, recordVersion } from "@/lib/validation/record";
import {
  cleanLine,
  cleanMultiLine,
  hasVisibleCharacter,
  multiLine,
  optionalLine,
  requiredLine,
  requiredMultiLine,
  stripUnstorable,
  fitsLength,
  visibleLength,
} from "@/lib/validation/text";

const FAMILY = "👨\u200D👩\u200D👧";
const ENGLAND = "🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}";

// The result of a builder as the action wrapper would see it: the value, or the first message.
function outcome(schema: z.ZodType, input: unknown): { value: unknown } | { error: string } {
  const result = schema.safeParse(input);
  return result.success ? { value: result.data } : { error: result.error.issues[0].message };
}

describe("cleanLine", () => {
  it.each([
    ["张伟", "张伟"],
    ["  张伟\t", "张伟"],
    ["张\u0000伟", "张伟"],
    ["\u0000", ""],
    ["a\u0001\u0008\u000B\u001F\u007F\u0080\u009Fb", "ab"],
    ["a\tb", "a b"],
    ["a\nb", "a b"],
    ["a\r\nb", "a b"],
    ["a\rb", "a b"],
    ["a\u0085b\u2028c\u2029d", "a b c d"],
    ["a\uD800b", "ab"],
    ["\uDC00", ""],
    ["x\uD83D", "x"],
    ["\uDE00x", "x"],
    ["😀", "😀"],
    ["\u200B\u200B", ""],
    ["\uFEFF张伟\u200B", "张伟"],
    ["\u3000张伟\u3000", "张伟"],
    ["\u00A0\u2007\u202F\u205F", ""],
    ["\u00AD\u180E\u2060\u2061\u2064\u200E\u200F", ""],
    ["\u115F\u1160\u3164\uFFA0\u2800", ""],
    ["\u0301\u0301", ""],
    ["\uFE0F", ""],
    ["e\u0301", "e\u0301"],
    ["李\u200B娜", "李\u200B娜"],
    [FAMILY, FAMILY],
    [`\u200D${FAMILY}\u200D`, FAMILY],
    [`England ${ENGLAND}`, `England ${ENGLAND}`],
    ["\u{E0067}\u{E007F}", ""],
    ["\u202Egpj.exe", "gpj.exe"],
    ["a\u2066b\u2069c", "abc"],
    ["多部\uFFFD件", "多部件"],
    ["\uFFFC", ""],
    ["\uFFFF", ""],
    ["张\uFFFE\uFDD0\u{10FFFF}\u{1FFFF}伟", "张伟"],
    ["张\uFEFF伟", "张伟"],
    ["\u{E0001}en", "en"],
  ])("%j → %j", (input, expected) => {
    expect(cleanLine(input)).toBe(expected);
  });
});

describe("cleanMultiLine", () => {
  it.each([
    ["第一行\r\n第二行\r第三行\n第四行", "第一行\n第二行\n第三行\n第四行"],
    ["a\u2028b\u0085c", "a\nb\nc"],
    ["\n\n  内容 \n\n", "内容"],
    ["a\tb", "a\tb"],
    ["a\u0000\u0007\u000Cb", "ab"],
    ["\u200B\n\u3000\n\t", ""],
    ["x\uDBFF\ny", "x\ny"],
  ])("%j → %j", (input, expected) => {
    expect(cleanMultiLine(input)).toBe(expected);
  });
});

describe("cleaning as a property", () => {
  // Any UTF-16 code unit, lone surrogates and controls included.
  const anyUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 40 });
  const BAD_LINE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;
  const BAD_MULTI = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;

  it.each([
    ["cleanLine", cleanLine, BAD_LINE],
    ["cleanMultiLine", cleanMultiLine, BAD_MULTI],
  ] as const)("%s leaves storable, visible, trimmed text and is idempotent", (_name, clean, bad) => {
    fc.assert(
      fc.property(anyUnits, (input) => {
        const out = clean(input);
        expect(out.isWellFormed()).toBe(true);
        expect(bad.test(out)).toBe(false);
        expect(clean(out)).toBe(out);
        if (out !== "") {
          expect(hasVisibleCharacter(out)).toBe(true);
          expect(/^[\s\u200B\uFEFF]|[\s\u200B\uFEFF]$/u.test(out)).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("stripUnstorable removes exactly NUL and lone surrogates", () => {
    // The same rule written unit by unit.
    const reference = (s: string) => {
      let out = "";
      for (let i = 0; i < s.length; i++) {
        const unit = s.charCodeAt(i);
        const pairs = unit >= 0xd800 && unit <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
        if (pairs) out += s[i] + s[++i];
        else if (unit !== 0 && (unit < 0xd800 || unit > 0xdfff)) out += s[i];
      }
      return out;
    };
    fc.assert(
      fc.property(anyUnits, (input) => {
        expect(stripUnstorable(input)).toBe(reference(input));
      }),
      { numRuns: 500 },
    );
    expect(stripUnstorable("a\u0000\uD800b\tc\u200B😀")).toBe("ab\tc\u200B😀");
  });

  it("is linear on long runs of blanks (no regex backtracking)", () => {
    const padded = `${" ".repeat(100_000)}x${"\u200B".repeat(100_000)}`;
    expect(cleanLine(padded)).toBe("x");
    expect(cleanMultiLine("\u3000".repeat(100_000))).toBe("");
  });
});

describe("visible characters", () => {
  it.each([
    ["张伟", true],
    ["", false],
    ["\u200B\u200C\u200D\u2060\uFEFF", false],
    ["\u3000\u00A0 \t\n", false],
    ["\u0301\u0308", false],
    ["\u3164\u2800", false],
    ["e\u0301", true],
    ["\u200Bx", true],
  ])("%j → %s", (input, expected) => {
    expect(hasVisibleCharacter(input)).toBe(expected);
  });

  it.each([
    ["张伟", 2],
    [FAMILY, 1],
    ["e\u0301", 1],
    [ENGLAND, 1],
    ["😀😀", 2],
  ])("%j shows %i characters", (input, expected) => {
    expect(visibleLength(input)).toBe(expected);
  });
});

describe("text builders", () => {
  it.each<[string, z.ZodType, unknown, { value: unknown } | { error: string }]>([
    ["requiredLine", requiredLine(5), " 张伟 ", { value: "张伟" }],
    ["requiredLine", requiredLine(5), "张\u0000伟", { value: "张伟" }],
    ["requiredLine", requiredLine(5), "", { error: "required" }],
    ["requiredLine", requiredLine(5), "\u200B\u200B", { error: "required" }],
    ["requiredLine", requiredLine(5), "\u3000\u00A0\uFEFF", { error: "required" }],
    ["requiredLine", requiredLine(5), "\u0301", { error: "required" }],
    ["requiredLine", requiredLine(5), undefined, { error: "required" }],
    ["requiredLine", requiredLine(5), null, { error: "invalid" }],
    ["requiredLine", requiredLine(5), 12345, { error: "invalid" }],
    ["requiredLine", requiredLine(5), ["a"], { error: "invalid" }],
    ["requiredLine", requiredLine(5), { a: 1 }, { error: "invalid" }],
    ["requiredLine", requiredLine(5), "123456", { error: "tooLong" }],
    ["requiredLine", requiredLine(5), FAMILY.repeat(5), { value: FAMILY.repeat(5) }],
    ["requiredLine", requiredLine(5), `a${"\u0301".repeat(100)}`, { error: "tooLong" }],
    ["requiredLine", requiredLine(5), "x".repeat(100_000), { error: "tooLong" }],
    ["requiredLine", requiredLine(), "x".repeat(1000), { value: "x".repeat(1000) }],
    ["optionalLine", optionalLine(5), "", { value: null }],
    ["optionalLine", optionalLine(5), "\u200B\u3000\u2800", { value: null }],
    ["optionalLine", optionalLine(5), " x ", { value: "x" }],
    ["optionalLine", optionalLine(5), "a\nb", { value: "a b" }],
    ["optionalLine", optionalLine(5), "abcdef", { error: "tooLong" }],
    ["optionalLine", optionalLine(5), 5, { error: "invalid" }],
    ["optionalLine", optionalLine(5), undefined, { error: "invalid" }],
    ["multiLine", multiLine(10), "a\r\nb", { value: "a\nb" }],
    ["multiLine", multiLine(10), "\u200B\r\n", { value: null }],
    ["multiLine", multiLine(3), "a\nbc", { error: "tooLong" }],
    ["requiredMultiLine", requiredMultiLine(10), "\t行\u0000一\r\n", { value: "行一" }],
    ["requiredMultiLine", requiredMultiLine(10), "\n\u200B\n", { error: "required" }],
  ])("%s: %j → %j", (_name, schema, input, expected) => {
    expect(outcome(schema, input)).toEqual(expected);
  });
});

describe("record ids and versions", () => {
  it.each<[z.ZodType, unknown, { value: unknown } | { error: string }]>([
    [recordId(), "cmx1xu37i0004sz7dca308lvi", { value: "cmx1xu37i0004sz7dca308lvi" }],
    [recordId(), " 9b2f6c1e-0a55-4c1b-9b47-6e0c8b9f7a10 ", { value: "9b2f6c1e-0a55-4c1b-9b47-6e0c8b9f7a10" }],
    [recordId(), "", { error: "required" }],
    [recordId(), undefined, { error: "required" }],
    [recordId(), "a\u0000b", { error: "invalid" }],
    [recordId(), "x".repeat(41), { error: "invalid" }],
    [recordId(), "' OR 1=1 --", { error: "invalid" }],
    [recordId(), 42, { error: "invalid" }],
    [optionalRecordId(), "", { value: null }],
    [optionalRecordId(), "abc", { value: "abc" }],
    [optionalRecordId(), "\u200B", { error: "invalid" }],
    [recordVersion(), 1, { value: 1 }],
    [recordVersion(), "7", { value: 7 }],
    [recordVersion(), 2_147_483_647, { value: 2_147_483_647 }],
    [recordVersion(), 2_147_483_648, { error: "invalid" }],
    [recordVersion(), 1e20, { error: "invalid" }],
    [recordVersion(), "1e20", { error: "invalid" }],
    [recordVersion(), 0, { error: "invalid" }],
    [recordVersion(), -1, { error: "invalid" }],
    [recordVersion(), 1.5, { error: "invalid" }],
    [recordVersion(), Number.NaN, { error: "invalid" }],
    [recordVersion(), Number.POSITIVE_INFINITY, { error: "invalid" }],
    [recordVersion(), null, { error: "invalid" }],
    [recordVersion(), {}, { error: "invalid" }],
    [recordVersion(), true, { error: "invalid" }],
  ])("%#: %j → %j", (schema, input, expected) => {
    expect(outcome(schema, input)).toEqual(expected);
  });

  it("isRecordId accepts cuids and UUIDs only", () => {
    expect(isRecordId("cmx1xu37i0004sz7dca308lvi")).toBe(true);
    expect(isRecordId("../etc")).toBe(false);
    expect(isRecordId("")).toBe(false);
  });
});

describe("schemas built on the text builders", () => {
  it("refuses a 姓名 of zero-width spaces and cleans one with a NUL", () => {
    const invisible = prospectSchema.safeParse({ ...EMPTY_PROSPECT, name: "\u200B\u200B", phone: "13800138000" });
    expect(invisible.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["name", "required"]]);
    const nul = prospectSchema.parse({ ...EMPTY_PROSPECT, name: "张\u0000伟", phone: "\u200B138\u00000013 8000\u3000", remark: "\u3000" });
    expect(nul).toMatchObject({ name: "张伟", phone: "13800138000", remark: null });
  });

  it.each([
    ["prospects", prospectListSchema],
    ["clients", clientListSchema],
    ["contracts", contractListSchema],
    ["transfers", transferCandidateListSchema],
  ] as const)("%s list: hostile URL params fall back to defaults", (_name, schema) => {
    const hostile = "\u0000\uD800";
    const parsed = schema.parse({ q: hostile, country: hostile, owner: hostile, from: hostile, sort: hostile, page: "1e20" }) as Record<
      string,
      unknown
    >;
    expect(parsed.q).toBe("");
    for (const key of ["country", "owner"]) if (key in parsed) expect(parsed[key]).toBe("");
    // Too large a page becomes the largest page, which the list sends on to its real last page.
    expect(parsed.page).toBe(100_000);
    expect(schema.parse({ q: " 张\u0000伟\u200B " }).q).toBe("张伟");
  });

  it.each([
    ["1", 1],
    ["7", 7],
    ["2.9", 2],
    ["100001", 100_000],
    ["Infinity", 100_000],
    ["0", 1],
    ["-3", 1],
    ["abc", 1],
    [undefined, 1],
  ])("reads ?page=%s as page %d", (raw, page) => {
    expect(prospectListSchema.parse({ page: raw }).page).toBe(page);
  });
});

describe("required texts inside a form", () => {
  it("an empty required text says only 'required', however many checks are chained on", () => {
    const result = contractSchema.safeParse({ ...EMPTY_CONTRACT, countryId: "c1", programId: "p1", school: "x", course: "y" });
    const byField = Object.fromEntries(result.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(result.error!.issues.filter((i) => i.path[0] === "signedOn").map((i) => i.message)).toEqual(["required"]);
    expect(byField).toMatchObject({ number: "required", signedOn: "required", firstFee: "required", secondFee: "required" });
    const reason = transferSchema.safeParse({ customerIds: ["a1"], toUserId: "u1", reason: "\u200B", keepContracts: false });
    expect(reason.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([["reason", "required"]]);
  });

  it("does not hide the form's cross-field rules (an empty 内容 and a next contact before the contact day)", () => {
    const result = followUpSchema.safeParse({
      customerId: "c1",
      contactedOn: "2026-01-10",
      channel: "PHONE",
      content: "\u200B\n\u3000",
      nextContactOn: "2026-01-09",
    });
    expect(result.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["content", "required"],
      ["nextContactOn", "nextContactBeforeContacted"],
    ]);
  });
});

describe("counting characters of long texts", () => {
  const whole = new Intl.Segmenter(undefined, { granularity: "grapheme" });
  const reference = (value: string) => Array.from(whole.segment(value)).length;
  // Pieces that combine across a slice's edge: marks, ZWJ sequences, flags, skin tones, Hangul jamo, CR LF, a prepended mark.
  const pieces = ["a", "张", " ", "。", "\u0301", "\u200D", "👩", "👨‍👩‍👧", "🇬🇧", "👍🏽", "\u1100", "\u1161", "\u11A8", "한", "\r", "\n", "\u0600", "1", "\uFE0F", "\u20E3"];

  it("counts as Intl.Segmenter does on the whole text, whatever falls on a slice's edge", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 1200 }), (parts) => {
        const value = parts.join("");
        expect(visibleLength(value)).toBe(reference(value));
      }),
      { numRuns: 200 },
    );
  });

  it("checks 20,000 pictographs against a limit without holding a copy of the text per character", () => {
    const before = process.memoryUsage().heapUsed;
    expect(fitsLength("😀".repeat(10_000), 2000)).toBe(false);
    expect(visibleLength("👍🏽".repeat(5_000))).toBe(5_000);
    // Segmenting it whole kept 10,000 copies of a 40 KB string alive (gigabytes for longer texts).
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(100 * 1024 * 1024);
  });
});
