import { formatDateTime } from "@/lib/time";

/** One line of an alert's history as the detail pages show it: what happened, by whom, when, the note. */
export type AlertHistoryEntry = { id: string; label: string; actorName: string; at: Date; note: string | null };

/**
 * The history (AlertEvent rows, oldest first) of a 预警 or a 合同报警 on its detail page: an ordered list
 * named `label` for screen readers. `itemTestId` marks each entry for the end-to-end tests.
 */
export function AlertHistory({ label, entries, locale, itemTestId }: { label: string; entries: readonly AlertHistoryEntry[]; locale: string; itemTestId?: string }) {
  return (
    <ol className="flex flex-col gap-3" aria-label={label}>
      {entries.map((e) => (
        <li key={e.id} className="border-l-2 border-gray-200 pl-3 text-sm" data-testid={itemTestId}>
          <p className="font-medium text-gray-900">
            {e.label} · {e.actorName}
          </p>
          <p className="text-xs text-gray-600 tabular-nums">{formatDateTime(e.at, locale)}</p>
          {e.note && <p className="mt-1 whitespace-pre-wrap text-gray-900">{e.note}</p>}
        </li>
      ))}
    </ol>
  );
}
