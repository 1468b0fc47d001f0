import { z } from "zod";
import { dateParam, idParam, pageParam } from "@/lib/lists/params";

/** The access-log actions, for the 访问日志 filter (the AccessAction enum). */
export const ACCESS_ACTIONS = ["VIEW_ARCHIVE", "PREVIEW_DOCUMENT", "DOWNLOAD_DOCUMENT", "REVEAL_IDENTITY"] as const;

// 访问日志's URL state (lib/lists/params.ts: bad values fall back to defaults): who, what, which
// customer, from / to (Asia/Shanghai calendar days, both inclusive), page.
export const accessLogListSchema = z.object({
  actor: idParam,
  action: z.enum(ACCESS_ACTIONS).optional().catch(undefined),
  customer: idParam,
  from: dateParam,
  to: dateParam,
  page: pageParam,
});
export type AccessLogListParams = z.output<typeof accessLogListSchema>;
