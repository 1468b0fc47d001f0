import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import type { SessionUser } from "@/lib/auth/session";
import { listDueProspects } from "@/lib/follow-ups/queries";
import { isoDateOnly } from "@/lib/time";

// Enough to work through in a day; the rest wait behind the most overdue ones.
const LIMIT = 10;

// 今日待联系 on the home page: the user's own prospects whose next contact is today or overdue,
// counted up to lib/lists/paginate.ts's bound ("5,000+" beyond it).
export async function DueProspectsCard({ user }: { user: SessionUser }) {
  const [t, due] = await Promise.all([getTranslations("dashboard.due"), listDueProspects(user, { limit: LIMIT })]);

  return (
    <Card className="mb-6">
      <CardHeader>
        <CardTitle id="due-prospects-title">{t("title")}</CardTitle>
        <CardDescription>
          {due.total === 0 ? t("empty") : t(due.exact ? "description" : "descriptionAtLeast", { total: due.total })}
        </CardDescription>
      </CardHeader>
      {due.rows.length > 0 && (
        <CardContent className="pt-2">
          <ul aria-labelledby="due-prospects-title" className="divide-y divide-gray-100">
            {due.rows.map((row) => (
              <li key={row.id}>
                <Link
                  href={`/prospects/${row.id}#follow-ups`}
                  className="-mx-2 flex min-h-12 items-center justify-between gap-3 rounded-md px-2 py-2 hover:bg-gray-50 focus-visible:outline-2 focus-visible:outline-brand-600"
                >
                  <span className="min-w-0">
                    <span className="block truncate font-medium text-gray-900">{row.name}</span>
                    <span className="block text-sm text-gray-500 tabular-nums">
                      {row.phone} · {t("nextContact", { date: isoDateOnly(row.nextContactOn) })}
                    </span>
                  </span>
                  <Badge variant={row.overdueDays > 0 ? "danger" : "warning"}>
                    {row.overdueDays > 0 ? t("overdue", { days: row.overdueDays }) : t("today")}
                  </Badge>
                </Link>
              </li>
            ))}
          </ul>
        </CardContent>
      )}
      {due.total > due.rows.length && (
        <CardFooter>
          <p className="text-sm text-gray-600">
            {t(due.exact ? "more" : "moreAtLeast", { shown: due.rows.length, total: due.total })}
          </p>
        </CardFooter>
      )}
    </Card>
  );
}
