import { readFileSync } from "node:fs";
import path from "node:path";
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { NOTIFICATION_KINDS } from "@/lib/notifications/schema";

// The process notifications (lib/processes: start, reassign, the next step, 获签) read in both languages
// with the params the services store.
const catalogue = (locale: string) =>
  JSON.parse(readFileSync(path.join(process.cwd(), "messages", locale, "notifications.json"), "utf8")) as { kinds: Record<string, string> };

const SAMPLES: Record<string, Record<string, string>> = {
  processAssigned: { title: "BJ-2026-0301 许嘉怡 · 英国授课型硕士", byName: "陈静", reason: "" },
  processReassignedAway: { title: "BJ-2026-0301 许嘉怡 · 英国授课型硕士", byName: "陈静", toName: "孙丽", reason: "休假" },
  stepAssigned: { title: "BJ-2026-0301 许嘉怡 · 英国授课型硕士", stepName: "收集材料" },
  visaGranted: { title: "BJ-2026-0301 许嘉怡 · 英国授课型硕士", visaOn: "2026-09-30", dueOn: "2026-10-08" },
};

describe("process notifications", () => {
  it.each(["zh-CN", "en"])("has every kind in %s, and the process kinds format with their params", (locale) => {
    const kinds = catalogue(locale).kinds;
    for (const kind of NOTIFICATION_KINDS) expect(kinds[kind], kind).toBeTypeOf("string");
    for (const [kind, params] of Object.entries(SAMPLES)) {
      const text = String(new IntlMessageFormat(kinds[kind], locale).format(params));
      for (const value of Object.values(params).filter((v) => v && kinds[kind].includes("{"))) {
        if (kinds[kind].includes(`{${Object.keys(params).find((k) => params[k] === value)}}`)) expect(text).toContain(value);
      }
    }
  });
});
