import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ruleName } from "@/components/alerts/alert-labels";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { BoardCounts } from "@/lib/alerts/board";
import { MONITOR_RULES } from "@/lib/alerts/rules/monitor";
import { AGE_BUCKETS } from "@/lib/alerts/schema";

type Item = { key: string; label: string; count: number; href: string };

function CountList({ title, items }: { title: string; items: Item[] }) {
  return (
    <Card>
      <CardHeader className="pb-2">
        <CardTitle className="text-sm">{title}</CardTitle>
      </CardHeader>
      <CardContent>
        <ul className="flex flex-col gap-1 text-sm">
          {items.map((i) => (
            <li key={i.key} className="flex items-center justify-between gap-2">
              <Link href={i.href} className="min-w-0 truncate text-brand-700 hover:underline">
                {i.label}
              </Link>
              <span className="tabular-nums font-medium text-gray-900">{i.count}</span>
            </li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}

/** The board's counts of unresolved alerts, each a link that filters the list below. */
export async function BoardCountsView({ counts }: { counts: BoardCounts }) {
  const t = await getTranslations("alerts");
  const href = (name: string, value: string | null) => `/alerts?${new URLSearchParams({ [name]: value ?? "" })}`;
  return (
    <section aria-labelledby="alert-counts" className="mb-6">
      <h2 id="alert-counts" className="mb-2 text-base font-semibold text-gray-900">
        {t("board.summary")} · {t("board.total", { count: counts.total })}
      </h2>
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-5">
        <CountList
          title={t("board.byRule")}
          items={MONITOR_RULES.map((r) => ({ key: r.code, label: ruleName(t, r.code), count: counts.byRule[r.code] ?? 0, href: href("rule", r.code) }))}
        />
        <CountList
          title={t("board.bySeverity")}
          items={(["HIGH", "MEDIUM", "LOW"] as const).map((s) => ({ key: s, label: t(`severity.${s}`), count: counts.bySeverity[s] ?? 0, href: href("severity", s) }))}
        />
        <CountList title={t("board.byAge")} items={AGE_BUCKETS.map((a) => ({ key: a, label: t(`ages.${a}`), count: counts.byAge[a], href: href("age", a) }))} />
        <CountList
          title={t("board.byOwner")}
          items={counts.byOwner.slice(0, 10).map((o) => ({ key: o.id ?? "-", label: o.name ?? t("board.noOwner"), count: o.count, href: href("owner", o.id) }))}
        />
        <CountList
          title={t("board.byTeam")}
          items={counts.byTeam.slice(0, 10).map((o) => ({ key: o.id ?? "-", label: o.name ?? t("board.noTeam"), count: o.count, href: href("team", o.id) }))}
        />
      </div>
    </section>
  );
}
