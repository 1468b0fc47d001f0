import { describe, expect, it } from "vitest";
import { EMPTY_PROSPECT, prospectListSchema, prospectSchema } from "@/lib/customers/schema";
import { normalizePhone } from "@/lib/customers/normalize";

describe("prospect schema", () => {
  it("requires 姓名 and 电话 and nothing else", () => {
    const result = prospectSchema.safeParse(EMPTY_PROSPECT);
    expect(result.success).toBe(false);
    const fields = result.error!.issues.map((i) => i.path.join("."));
    expect(fields.sort()).toEqual(["name", "phone"]);
    expect(result.error!.issues.every((i) => i.message === "required")).toBe(true);
  });

  it("normalises keys used for the duplicate check and turns empty optionals into null", () => {
    const parsed = prospectSchema.parse({
      ...EMPTY_PROSPECT,
      name: " 张伟 ",
      phone: "+86 138-0013-8000",
      email: " Zhang.Wei@Example.COM ",
      wechat: "ZhangWei_88",
      idCard: "11010519491231002x",
    });
    expect(parsed).toMatchObject({
      name: "张伟",
      phone: "13800138000",
      email: "zhang.wei@example.com",
      wechat: "zhangwei_88",
      idCard: "11010519491231002X",
      major: null,
      countryId: null,
    });
  });

  it("gives each bad field its own message key", () => {
    const result = prospectSchema.safeParse({
      ...EMPTY_PROSPECT,
      name: "李四",
      phone: "12345",
      idCard: "110105194912310021",
      email: "not-an-email",
      birthDate: "2023-02-30",
      qq: "12",
    });
    const byField = Object.fromEntries(result.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(byField).toEqual({
      phone: "phoneInvalid",
      idCard: "idCardInvalid",
      email: "emailInvalid",
      birthDate: "dateInvalid",
      qq: "qqInvalid",
    });
  });

  it("refuses a birth date that contradicts the ID card", () => {
    const result = prospectSchema.safeParse({
      ...EMPTY_PROSPECT,
      name: "王五",
      phone: "13800138000",
      idCard: "11010519491231002X",
      birthDate: "1950-01-01",
    });
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ["birthDate"], message: "birthDateMismatch" })]);
  });
});

describe("phone normalisation", () => {
  it.each([
    ["138 0013 8000", "13800138000"],
    ["+8613800138000", "13800138000"],
    ["008613800138000", "13800138000"],
    ["8613800138000", "13800138000"],
  ])("%s -> %s", (input, out) => expect(normalizePhone(input)).toBe(out));
});

describe("list URL parameters", () => {
  it("falls back to defaults for values a hand-edited link may carry", () => {
    expect(prospectListSchema.parse({ page: "-3", size: "7", sort: "password", dir: "up", from: "2024-13-01" })).toMatchObject({
      q: "",
      page: 1,
      size: 20,
      sort: "createdAt",
      dir: "desc",
      from: undefined,
    });
  });
});

describe("stored customer to form values", () => {
  it("turns nulls into empty strings and dates into YYYY-MM-DD, and parses back to the same record", async () => {
    const { toProspectFormValues } = await import("@/lib/customers/form-values");
    const stored = Object.fromEntries(Object.keys(EMPTY_PROSPECT).map((k) => [k, null])) as Record<string, string | Date | null>;
    Object.assign(stored, { name: "张伟", phone: "13800138000", gender: "MALE", birthDate: new Date("1949-12-31T00:00:00Z") });
    const values = toProspectFormValues(stored as never);
    expect(values).toMatchObject({ name: "张伟", gender: "MALE", birthDate: "1949-12-31", major: "", countryId: "" });
    expect(prospectSchema.parse(values)).toMatchObject({ name: "张伟", birthDate: "1949-12-31", major: null });
  });
});
