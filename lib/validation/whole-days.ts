import { z } from "zod";

/**
 * A count of days (or working days) typed into a settings form: a whole number 0…`max`, given as a number
 * or as its digits (FormData sends strings). Not z.coerce: that turns "" (an emptied field), null and
 * false into 0, which for a delay silently means "never" or "at once". Errors: "required" for an empty
 * field, "wholeDays" for anything but digits, `tooMany` above `max`.
 */
export function wholeDaysField(max: number, tooMany: string) {
  return z
    .union([z.number(), z.string()], { error: "wholeDays" })
    .transform((v, ctx) => {
      if (typeof v === "string" && v.trim() === "") {
        ctx.addIssue({ code: "custom", message: "required" });
        return z.NEVER;
      }
      const n = typeof v === "number" ? v : /^\d+$/.test(v.trim()) ? Number(v.trim()) : Number.NaN;
      if (!Number.isInteger(n) || n < 0) {
        ctx.addIssue({ code: "custom", message: "wholeDays" });
        return z.NEVER;
      }
      if (n > max) {
        ctx.addIssue({ code: "custom", message: tooMany });
        return z.NEVER;
      }
      return n;
    });
}
