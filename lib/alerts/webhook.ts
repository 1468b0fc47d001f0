// No "server-only": the scheduled jobs (and the seed) run this outside Next.js, as lib/db.ts.
import zh from "@/messages/zh-CN/alerts.json";
import type { OpenedAlert } from "./sync";
import { webhookUrlError } from "./webhook-url";

// The outgoing webhook (issue 11 §2): after a rule run has committed, the alerts it opened are POSTed as
// JSON to the URL 信息中心 set, in the body a WeCom group robot takes ({"msgtype":"text","text":
// {"content":"…"}}; other receivers read the same text, and `alerts` carries the facts). A failure is
// reported to the caller (the job's result) and never undoes the alerts. See webhook-url.ts for SSRF.

export const WEBHOOK_TIMEOUT_MS = 5_000;
/** At most this many alerts are listed in one message (WeCom texts stop at 2048 bytes); the rest are counted. */
export const WEBHOOK_LINES_MAX = 15;

export type WebhookResult = { sent: boolean; status?: number; error?: string };

// The rules' names, nested by the code's parts ("step.overdue" → rules.step.overdue), as next-intl reads them.
const RULES = zh.rules as Record<string, Record<string, { name: string }>>;
const ruleName = (code: string): string => {
  const [group, name] = code.split(".");
  return RULES[group]?.[name]?.name ?? code;
};

/** The message text: a heading with the count, one line per alert (rule · 合同号 · 客户 …), then "等 N 条". */
export function webhookText(alerts: readonly OpenedAlert[]): string {
  const lines = alerts.slice(0, WEBHOOK_LINES_MAX).map((a) => `· ${ruleName(a.rule)}：${String(a.params.title ?? "")}`);
  const more = alerts.length > WEBHOOK_LINES_MAX ? [`…… 等共 ${alerts.length} 条`] : [];
  return [`【预警监控】新预警 ${alerts.length} 条`, ...lines, ...more].join("\n");
}

/** The JSON body for `alerts`: WeCom's text message, plus the alerts' ids, rules and titles. */
export function webhookBody(alerts: readonly OpenedAlert[]) {
  return {
    msgtype: "text",
    text: { content: webhookText(alerts) },
    alerts: alerts.slice(0, WEBHOOK_LINES_MAX).map((a) => ({ id: a.id, rule: a.rule, title: a.params.title ?? null, link: `/alerts/${a.id}` })),
  };
}

/**
 * POSTs the `alerts` to `url` (nothing to send: no request, `{ sent: false }`). Returns whether the
 * receiver answered 2xx, its status, or the error (timeout after `timeoutMs`, a refused URL, a network
 * failure, a non-2xx answer). Never throws.
 */
export async function postAlertsToWebhook(url: string, alerts: readonly OpenedAlert[], timeoutMs = WEBHOOK_TIMEOUT_MS): Promise<WebhookResult> {
  if (alerts.length === 0) return { sent: false };
  const refused = webhookUrlError(url);
  if (refused) return { sent: false, error: refused };
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8" },
      body: JSON.stringify(webhookBody(alerts)),
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel();
    if (response.status >= 200 && response.status < 300) return { sent: true, status: response.status };
    return { sent: false, status: response.status, error: `HTTP ${response.status}` };
  } catch (error) {
    const name = error instanceof Error ? error.name : "";
    return { sent: false, error: name === "TimeoutError" || name === "AbortError" ? `timeout after ${timeoutMs} ms` : error instanceof Error ? error.message : String(error) };
  }
}
