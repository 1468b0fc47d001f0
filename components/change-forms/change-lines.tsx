import { useLocale, useTranslations } from "next-intl";
import type { ChangeLine } from "@/lib/change-forms/format";
import { cn } from "@/lib/utils/cn";
import { colon } from "@/lib/i18n/locales";

/** A form's 变更项 and 内容 (old → new) as a table, on screen and on paper. */
export function ChangeLinesTable({ lines, className }: { lines: readonly ChangeLine[]; className?: string }) {
  const t = useTranslations("changeForms.detail");
  return (
    <table className={cn("w-full table-fixed border-collapse text-sm", className)}>
      <thead>
        <tr className="border-b border-gray-300 text-left text-gray-600">
          <th scope="col" className="w-1/4 py-2 pr-3 font-medium">
            {t("item")}
          </th>
          <th scope="col" className="py-2 pr-3 font-medium">
            {t("before")}
          </th>
          <th scope="col" className="py-2 font-medium">
            {t("after")}
          </th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={`${line.record}.${line.field}`} className="border-b border-gray-200 align-top">
            <th scope="row" className="py-2 pr-3 text-left font-medium text-gray-900">
              {line.label}
            </th>
            <td className="py-2 pr-3 break-words whitespace-pre-line text-gray-600 line-through decoration-gray-400 print:no-underline">{line.before}</td>
            <td className="py-2 break-words whitespace-pre-line font-medium text-gray-900">{line.after}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The 变更项 compactly, one "field: old → new" per line (lists and queue cards). */
export function ChangeLinesList({ lines }: { lines: readonly ChangeLine[] }) {
  const locale = useLocale();
  return (
    <ul className="space-y-0.5">
      {lines.map((line) => (
        <li key={`${line.record}.${line.field}`} className="break-words whitespace-pre-line">
          <span className="text-gray-500">
            {line.label}
            {colon(locale)}
          </span>
          {line.before} → <span className="font-medium text-gray-900">{line.after}</span>
        </li>
      ))}
    </ul>
  );
}
