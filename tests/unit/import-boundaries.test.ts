import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The lint rule that keeps imports pointing down (app/ → components/ → lib/), run on made-up files.
describe("import boundaries", () => {
  const eslint = new ESLint();
  const restricted = async (filePath: string, code: string) => {
    const [result] = await eslint.lintText(code, { filePath });
    return result.messages.filter((m) => m.ruleId === "no-restricted-imports").length;
  };

  it("refuses app/ imports in components/ and lib/, and components/ imports in lib/", async () => {
    expect(await restricted("components/customers/x.tsx", 'import { a } from "@/app/(app)/prospects/actions";\nexport const b = a;\n')).toBe(1);
    expect(await restricted("lib/customers/x.ts", 'import { a } from "../../app/(app)/prospects/actions";\nexport const b = a;\n')).toBe(1);
    expect(await restricted("lib/customers/x.ts", 'import { a } from "@/components/ui/button";\nexport const b = a;\n')).toBe(1);
  }, 60_000);

  it("lets app/ import from anywhere and components/ import from lib/", async () => {
    expect(await restricted("app/(app)/x/page.tsx", 'import { a } from "@/components/ui/button";\nimport { c } from "@/lib/db";\nexport const b = [a, c];\n')).toBe(0);
    expect(await restricted("components/ui/x.tsx", 'import { a } from "@/lib/db";\nexport const b = a;\n')).toBe(0);
  }, 60_000);
});
