import { getTranslations } from "next-intl/server";
import { DateRangeFilter, FilterForm, SearchFilter, SelectFilter } from "@/components/ui/list-filters";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import type { Option } from "@/lib/dictionaries/queries";
import { QUEUE_STATES, UNASSIGNED, type CaseQueueParams } from "@/lib/processes/queue";

type Props = {
  params: CaseQueueParams;
  countries: Option[];
  // The 文案 to filter by (managers and IT); null hides the filter.
  officers: { id: string; name: string }[] | null;
};

/** The 文案操作 filters: search (client name, 合同号), state (执行中 by default), 国家, 文案 / 待分配, due range. */
export async function CaseFilters({ params, countries, officers }: Props) {
  const [t, ts] = await Promise.all([getTranslations("processes.queue"), getTranslations("processes.states")]);
  return (
    <FilterForm resetHref="/document-work">
      <SearchFilter label={t("search")} placeholder={t("searchPlaceholder")} value={params.q} />
      {/* No 全部 here: the queue is one state at a time, 执行中 unless asked. */}
      <Field label={t("state")} htmlFor="filter-state">
        <Select name="state" defaultValue={params.state}>
          {QUEUE_STATES.map((s) => (
            <option key={s} value={s}>
              {ts(s)}
            </option>
          ))}
        </Select>
      </Field>
      <SelectFilter name="country" label={t("country")} value={params.country} options={countries} />
      {officers && (
        <SelectFilter
          name="officer"
          label={t("officer")}
          value={params.officer}
          options={[{ value: UNASSIGNED, label: t("unassigned") }, ...officers.map((o) => ({ value: o.id, label: o.name }))]}
        />
      )}
      <DateRangeFilter labels={{ from: t("dueFrom"), to: t("dueTo") }} from={params.from} to={params.to} />
    </FilterForm>
  );
}
