import { getTranslations } from "next-intl/server";
import { FilterForm, SelectFilter } from "@/components/ui/list-filters";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { ALARM_AGES, ALARM_RULE_CODES, alarmRuleKey, type AlarmQueueParams } from "@/lib/contract-alarms/schema";

/** The queue's filters: rule, state (default: not yet handled), team, age. A plain GET form. */
export async function QueueFilters({ params, teams }: { params: AlarmQueueParams; teams: { id: string; name: string }[] }) {
  const t = await getTranslations("contractAlarms");
  return (
    <FilterForm resetHref="/contract-alarms">
      <SelectFilter
        name="rule"
        label={t("filters.rule")}
        value={params.rule}
        options={ALARM_RULE_CODES.map((code) => ({ value: code, label: t(`rules.${alarmRuleKey(code)}.name`) }))}
      />
      <Field label={t("filters.status")} htmlFor="filter-status">
        <Select name="status" defaultValue={params.status}>
          <option value="">{t("filters.statusOpen")}</option>
          {(["OPEN", "ACKNOWLEDGED", "ESCALATED", "RESOLVED"] as const).map((s) => (
            <option key={s} value={s}>
              {t(`statuses.${s}`)}
            </option>
          ))}
          <option value="all">{t("filters.statusAll")}</option>
        </Select>
      </Field>
      <SelectFilter name="team" label={t("filters.team")} value={params.team} options={teams.map((team) => ({ value: team.id, label: team.name }))} />
      <Field label={t("filters.age")} htmlFor="filter-age">
        <Select name="age" defaultValue={params.age}>
          {ALARM_AGES.map((age) => (
            <option key={age} value={age}>
              {age === "" ? t("filters.anyAge") : t(`filters.ages.${age}`)}
            </option>
          ))}
        </Select>
      </Field>
    </FilterForm>
  );
}
