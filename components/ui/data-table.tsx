import type { Key, ReactNode } from "react";
import { cn } from "@/lib/utils/cn";

export type DataTableColumn<Row> = {
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  align?: "left" | "right" | "center";
  // Cells stay on one line by default; long free text (notes, addresses) may wrap instead.
  wrap?: boolean;
  className?: string;
};

export type DataTableProps<Row> = {
  columns: readonly DataTableColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => Key;
  // Names the table and its scroll region for screen readers; shown only to them.
  caption: string;
  empty?: ReactNode;
  className?: string;
};

const ALIGN = { left: "text-left", right: "text-right", center: "text-center" } as const;

export function DataTable<Row>({ columns, rows, rowKey, caption, empty, className }: DataTableProps<Row>) {
  return (
    // The table scrolls inside its own box so a phone never scrolls the whole page sideways;
    // tabIndex lets keyboard users scroll it too.
    <div
      role="region"
      aria-label={caption}
      tabIndex={0}
      className={cn(
        "relative w-full max-w-full overflow-x-auto rounded-lg border border-gray-200 bg-white shadow-sm",
        "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600",
        className,
      )}
    >
      <table className="min-w-full divide-y divide-gray-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-gray-50">
          <tr>
            {columns.map((column) => (
              <th
                key={column.key}
                scope="col"
                className={cn(
                  "px-3 py-2.5 font-medium whitespace-nowrap text-gray-600 first:pl-4 last:pr-4",
                  ALIGN[column.align ?? "left"],
                  column.className,
                )}
              >
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="px-4 py-10 text-center text-gray-500">
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={rowKey(row)} className="hover:bg-gray-50">
                {columns.map((column) => (
                  <td
                    key={column.key}
                    className={cn(
                      "px-3 py-2.5 align-top text-gray-800 first:pl-4 last:pr-4",
                      column.wrap ? "min-w-48 break-words" : "whitespace-nowrap",
                      ALIGN[column.align ?? "left"],
                      column.className,
                    )}
                  >
                    {column.cell(row)}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
