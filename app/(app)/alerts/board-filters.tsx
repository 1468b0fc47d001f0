import { getTranslations } from "next-intl/server";
import { ruleName } from "@/components/alerts/alert-labels";
import { Field } from "@/components/ui/field";
import { FilterForm, SelectFilter } from "@/components/ui/list-filters";
import { Select } from "@/components/ui/select";
import type { BoardCounts } from "@/lib/alerts/board";
import { MONITOR_RULES } from "@/lib/alerts/rules/monitor";
import { AGE_BUCKETS, type AlertBoardParams } from "@/lib/alerts/schema";

/** The board's filters: rule, severity, status (default 未解决), owner, team, age. */
export async function BoardFilters({ params, counts }: { params: AlertBoardParams; counts: BoardCounts }) {
  const t = await getTranslations("alerts");
  return (
    <FilterForm resetHref="/alerts">
      <SelectFilter name="rule" label={t("board.rule")} value={params.rule} options={MONITOR_RULES.map((r) => ({ value: r.code, label: ruleName(t, r.code) }))} />
      <SelectFilter name="severity" label={t("board.severity")} value={params.severity} options={(["HIGH", "MEDIUM", "LOW"] as const).map((s) => ({ value: s, label: t(`severity.${s}`) }))} />
      <Field label={t("board.statusFilter")} htmlFor="filter-status">
        <Select name="status" defaultValue={params.status}>
          <option value="">{t("board.unresolved")}</option>
          {(["OPEN", "ACKNOWLEDGED", "ESCALATED", "RESOLVED"] as const).map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
          <option value="all">{t("board.any")}</option>
        </Select>
      </Field>
      <SelectFilter name="owner" label={t("board.owner")} value={params.owner} options={counts.byOwner.flatMap((o) => (o.id ? [{ value: o.id, label: o.name ?? o.id }] : []))} />
      <SelectFilter name="team" label={t("board.team")} value={params.team} options={counts.byTeam.flatMap((o) => (o.id ? [{ value: o.id, label: o.name ?? o.id }] : []))} />
      <SelectFilter name="age" label={t("board.age")} value={params.age} options={AGE_BUCKETS.map((a) => ({ value: a, label: t(`ages.${a}`) }))} />
    </FilterForm>
  );
}
