import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import { FieldControl, type ControlSpec } from "@/components/forms/field-control";
import { Field } from "@/components/ui/field";

// domain.md: "Every form field has a real <label> with that text." Field gives its one child the id the
// <label for> points at (and aria-describedby / aria-invalid / aria-required) by cloning it. Since
// commit 2d04185 the customer, contract and 申请变更 forms pass a <FieldControl>, which does not hand those
// props on to the <input>/<select>/<textarea> it renders: every label of 新建准客户, 签约, 编辑 and
// 申请变更 points at an id that does not exist (getByLabel("电话") finds nothing; screen readers announce
// no label and no error). Seen in the running app: <label for="prospect-phone"> and <input name="phone" id="">.
const registration = { name: "phone", onChange: async () => true, onBlur: async () => true, ref: () => {} };

function render(control: ControlSpec) {
  const field = h(Field, { label: "电话", htmlFor: "prospect-phone", required: true, error: "必填", children: h(FieldControl, { control, registration }) });
  return renderToStaticMarkup(
    h(NextIntlClientProvider, { locale: "zh-CN", messages: { fields: { choose: "请选择", genders: { MALE: "男", FEMALE: "女" } } }, children: field }),
  );
}

describe("FieldControl inside Field keeps the label wiring", () => {
  it.each<[string, ControlSpec]>([
    ["text", { kind: "text", type: "tel" }],
    ["money", { kind: "money" }],
    ["textarea", { kind: "textarea" }],
    ["enum", { kind: "enum", values: ["MALE", "FEMALE"], labels: "genders" }],
  ])("a %s control gets the id the label points at, and the error's aria wiring", (_kind, control) => {
    const html = render(control);
    expect(html).toContain('for="prospect-phone"');
    expect(html).toMatch(/<(input|select|textarea)[^>]*\sid="prospect-phone"/);
    expect(html).toMatch(/<(input|select|textarea)[^>]*aria-describedby="prospect-phone-error"/);
    expect(html).toMatch(/<(input|select|textarea)[^>]*aria-invalid="true"/);
  });
});
