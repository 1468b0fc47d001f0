import { getTranslations } from "next-intl/server";
import { AuditTrail } from "@/components/audit/audit-trail";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent } from "@/components/ui/card";
import { DataTable, type DataTableColumn } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { CALENDAR_PACKAGE } from "@/lib/calendar/package-calendar";
import { getCalendarYear, type CalendarDayRow } from "@/lib/calendar/queries";
import { calendarPageSchema } from "@/lib/calendar/schema";
import { firstValues } from "@/lib/lists/params";
import { formatDateTime, formatWeekday, shanghaiToday } from "@/lib/time";
import { AddDayDialog } from "./add-day-dialog";
import { ReimportDialog } from "./reimport-dialog";
import { RemoveDayDialog } from "./remove-day-dialog";
import { YearPicker } from "./year-picker";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// 工作日历 (issue 9 §1, 信息中心): one year's 放假 and 调休上班 days, where each came from, and the
// year's 修改记录; add a day, remove one, import the year again from the package. The rules are in
// lib/calendar (calendar-days.ts, import-calendar.ts; working days in working-days.ts).
export default async function WorkingCalendarPage({ searchParams }: Props) {
  const user = await requirePermission("calendar.manage");
  const params = calendarPageSchema.parse(firstValues(await searchParams));
  const year = params.year ?? Number(shanghaiToday().slice(0, 4));
  const [t, view] = await Promise.all([getTranslations("calendar"), getCalendarYear(user, year)]);
  if (!view) return null;
  const when = (d: Date) => formatDateTime(d, user.locale);
  const weekday = (date: string) => formatWeekday(date, user.locale);
  const pkg = { package: CALENDAR_PACKAGE, version: view.packageVersion };

  const kindBadge = (r: CalendarDayRow) => <Badge variant={r.kind === "HOLIDAY" ? "danger" : "info"}>{t(`kinds.${r.kind}`)}</Badge>;
  const source = (r: CalendarDayRow) => (
    <span className="flex flex-col">
      <span>{r.source === "PACKAGE" ? t("sourcePackage", { package: CALENDAR_PACKAGE, version: r.packageVersion ?? "" }) : t("sourceManual")}</span>
      <span className="text-xs text-gray-500">{t("sourceBy", { name: r.createdBy ?? t("system"), time: when(r.createdAt) })}</span>
    </span>
  );
  const remove = (r: CalendarDayRow) => <RemoveDayDialog day={{ id: r.id, date: r.date, name: r.name, kind: r.kind }} weekday={weekday(r.date)} />;
  const columns: DataTableColumn<CalendarDayRow>[] = [
    { key: "date", header: t("fields.date"), cell: (r) => <span className="tabular-nums">{r.date}</span> },
    { key: "weekday", header: t("fields.weekday"), cell: (r) => weekday(r.date) },
    { key: "kind", header: t("fields.kind"), cell: kindBadge },
    { key: "name", header: t("fields.name"), cell: (r) => r.name, wrap: true },
    { key: "source", header: t("fields.source"), cell: source },
    { key: "actions", header: <span className="sr-only">{t("actionsColumn")}</span>, align: "right", cell: remove },
  ];
  const listTitle = t("listTitle", { year });

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} actions={<AddDayDialog />} />
      <YearPicker year={year} years={view.years} />
      <Card className="mb-4">
        <CardContent className="flex flex-col gap-3 text-sm sm:flex-row sm:items-center sm:justify-between">
          <div className="min-w-0 space-y-1">
            <p className="font-medium text-gray-900">
              {t("summary", { year, holidays: view.holidays, workdays: view.workdays, working: view.workingDays })}
            </p>
            <p className="text-gray-600">
              {view.imported
                ? view.imported.by
                  ? t("imported", { ...pkg, version: view.imported.packageVersion, by: view.imported.by, time: when(view.imported.at) })
                  : t("importedBySystem", { ...pkg, version: view.imported.packageVersion, time: when(view.imported.at) })
                : t("notImported")}
            </p>
            {!view.inPackage && <p className="text-gray-600">{t("notInPackage", { ...pkg, year })}</p>}
          </div>
          {view.inPackage && <ReimportDialog year={year} packageName={CALENDAR_PACKAGE} packageVersion={view.packageVersion} />}
        </CardContent>
      </Card>
      {view.days.length === 0 ? (
        <EmptyState title={t("empty", { year })} description={t("emptyHint")} />
      ) : (
        <>
          {/* Phones get one line per day instead of a table to scroll sideways. */}
          <ul aria-label={listTitle} className="divide-y divide-gray-100 rounded-lg border border-gray-200 bg-white shadow-sm sm:hidden">
            {view.days.map((r) => (
              <li key={r.id} className="flex items-start gap-3 px-4 py-3">
                <div className="min-w-0 flex-1 space-y-1">
                  <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
                    <span className="font-medium text-gray-900 tabular-nums">{r.date}</span>
                    <span className="text-gray-600">{weekday(r.date)}</span>
                    {kindBadge(r)}
                  </p>
                  <p className="break-words text-gray-900">{r.name}</p>
                  <div className="text-sm text-gray-600">{source(r)}</div>
                </div>
                {remove(r)}
              </li>
            ))}
          </ul>
          <DataTable className="hidden sm:block" caption={listTitle} columns={columns} rows={view.days} rowKey={(r) => r.id} />
        </>
      )}
      <AuditTrail entity="WorkingCalendar" id={String(year)} limit={30} className="mt-6" />
    </>
  );
}
