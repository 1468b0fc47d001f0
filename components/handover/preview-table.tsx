import { useTranslations } from "next-intl";
import { HANDOVER_KINDS, type HandoverCounts } from "@/lib/handover/kinds";

/**
 * 移交工作's counts as a table: one row per kind, one column per receiver ("—" where the receiver takes
 * none of that kind by the plan). Used by the wizard's 预览 and the detail page (预览 and 结果).
 */
export function PreviewTable({ counts, receivers, caption }: { counts: HandoverCounts; receivers: { id: string; name: string }[]; caption: string }) {
  const t = useTranslations("handover");
  const kinds = HANDOVER_KINDS.filter((k) => counts[k] !== undefined);
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="mb-2 text-left text-sm font-medium text-gray-700">{caption}</caption>
        <thead className="text-gray-500">
          <tr>
            <th scope="col" className="py-2 pr-4 font-medium">{t("columns.kind")}</th>
            {receivers.map((r) => (
              <th key={r.id} scope="col" className="py-2 pr-4 font-medium">{r.name}</th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {kinds.map((k) => (
            <tr key={k}>
              <th scope="row" className="py-2 pr-4 font-normal">{t(`kinds.${k}`)}</th>
              {receivers.map((r) => (
                <td key={r.id} className="py-2 pr-4 tabular-nums">{counts[k]?.[r.id] ?? "—"}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
