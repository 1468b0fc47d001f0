// The webhook URL 信息中心 may set (issue 11 §2), checked where it is entered and before every POST.
// Client components may import this file.
//
// SSRF: the URL is entered by 信息中心 only (permission alerts.settings) and the server POSTs to it, so it
// could point at an internal address. We accept only http(s), refuse credentials in the URL (they would
// sit in the settings and the audit log), send no cookies or other headers of ours, follow no redirect
// (a public URL answering 30x to an internal one gets nowhere), time out after a few seconds and keep
// only the status, never the answer's body. Internal hosts are not refused — a WeCom robot behind a
// company proxy or a test receiver on 127.0.0.1 is legitimate; the network's egress rules are the
// place to fence the server in.

export const WEBHOOK_URL_MAX = 500;

/** Why `value` is not an acceptable webhook URL ("webhookInvalid", "webhookScheme", "webhookCredentials", "tooLong"), or null. */
export function webhookUrlError(value: string): string | null {
  if (value.length > WEBHOOK_URL_MAX) return "tooLong";
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "webhookInvalid";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "webhookScheme";
  if (url.username || url.password) return "webhookCredentials";
  if (!url.hostname) return "webhookInvalid";
  return null;
}
