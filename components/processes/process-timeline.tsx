import { getTranslations } from "next-intl/server";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { HistoryRow } from "@/lib/processes/queries";
import { HISTORY_ACTIONS } from "@/lib/processes/history";
import { formatDateTime } from "@/lib/time";

type Translate = (key: string, values?: Record<string, string>) => string;

const text = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);

// The line under a timeline entry that says what changed, from the row's data (lib/processes: steps.ts,
// events.ts, reassign.ts); null when there is nothing more to say than the action and its comment.
function detail(h: HistoryRow, t: Translate, unassigned: string): string | null {
  const data = (h.data && typeof h.data === "object" ? h.data : {}) as Record<string, unknown>;
  switch (h.action) {
    case "REASSIGN":
      return t("details.reassign", { from: text(data.fromName) ?? unassigned, to: text(data.toName) ?? unassigned });
    case "VISA_GRANTED":
      return text(data.visaGrantedOn) && t("details.visa", { date: text(data.visaGrantedOn)! });
    case "DEPARTED":
      return text(data.departedOn) && t("details.departed", { date: text(data.departedOn)! });
    case "OFFER":
      return text(data.school) && t("details.offer", { school: text(data.school)!, type: text(data.offerType) ?? "" });
    case "CHECK":
    case "UNCHECK":
      return text(data.item) && t("details.item", { item: text(data.item)! });
    case "STEP_COMPLETE": {
      const missing = Array.isArray(data.missingConfirmed) ? data.missingConfirmed.filter((m) => typeof m === "string") : [];
      const done = text(data.completedOn) ? t("details.completedOn", { date: text(data.completedOn)! }) : null;
      return [done, missing.length ? t("details.missing", { items: missing.join("、") }) : null].filter(Boolean).join(" · ") || null;
    }
    default:
      return null;
  }
}

/** 时间线 of a process: everything that happened (bind, start, step changes, ticks, uploads, notes, events), newest first. */
export async function ProcessTimeline({ history, locale }: { history: HistoryRow[]; locale: string }) {
  const t = await getTranslations("processes.history");
  const tp = await getTranslations("processes.progress");
  const tc = await getTranslations("processes.card");
  const translate = t as unknown as Translate;
  const unassigned = tc("unassigned");
  const label = (action: string) => ((HISTORY_ACTIONS as readonly string[]).includes(action) ? t(`actions.${action}` as never) : action);
  return (
    <Card>
      <CardHeader>
        <CardTitle>{tp("timeline")}</CardTitle>
      </CardHeader>
      <CardContent>
        {history.length === 0 ? (
          <p className="text-sm text-gray-500">{t("empty")}</p>
        ) : (
          <ol aria-label={t("caption")} className="space-y-3 border-l border-gray-200 pl-4 text-sm">
            {history.map((h) => {
              const extra = detail(h, translate, unassigned);
              return (
                <li key={h.id} className="relative">
                  <span aria-hidden className="absolute top-1.5 -left-[1.3rem] size-2 rounded-full bg-brand-500" />
                  <p className="text-gray-900">
                    <span className="font-medium">{label(h.action)}</span>
                    {h.stepName && <span className="text-gray-700"> · {h.stepName}</span>}
                  </p>
                  {extra && <p className="break-words text-gray-700">{extra}</p>}
                  {h.comment && <p className="break-words whitespace-pre-line text-gray-700">{h.comment}</p>}
                  <p className="text-xs text-gray-500">
                    {h.actor ?? t("system")} · <span className="tabular-nums">{formatDateTime(h.at, locale)}</span>
                  </p>
                </li>
              );
            })}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}
