import { getTranslations } from "next-intl/server";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { HistoryRow } from "@/lib/processes/queries";
import { HISTORY_ACTIONS } from "@/lib/processes/history";
import { formatDateTime } from "@/lib/time";

/** 时间线 of a process: everything that happened (bind, start, step changes, ticks, uploads, notes, events), newest first. */
export async function ProcessTimeline({ history, locale }: { history: HistoryRow[]; locale: string }) {
  const t = await getTranslations("processes.history");
  const tp = await getTranslations("processes.progress");
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
            {history.map((h) => (
              <li key={h.id} className="relative">
                <span aria-hidden className="absolute top-1.5 -left-[1.3rem] size-2 rounded-full bg-brand-500" />
                <p className="text-gray-900">
                  <span className="font-medium">{label(h.action)}</span>
                  {h.stepName && <span className="text-gray-700"> · {h.stepName}</span>}
                </p>
                {h.comment && <p className="break-words whitespace-pre-line text-gray-700">{h.comment}</p>}
                <p className="text-xs text-gray-500">
                  {h.actor ?? t("system")} · <span className="tabular-nums">{formatDateTime(h.at, locale)}</span>
                </p>
              </li>
            ))}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}
