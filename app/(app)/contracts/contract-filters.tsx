import { getTranslations } from "next-intl/server";
import { DateRangeFilter, FilterForm, SearchFilter, SelectFilter, SortControls } from "@/components/ui/list-filters";
import { CONTRACT_SORT_FIELDS, type ContractListParams } from "@/lib/contracts/schema";
import { CONTRACT_STATUSES } from "@/lib/contracts/lifecycle";
import type { Option } from "@/lib/dictionaries/queries";

type Props = { params: ContractListParams; countries: Option[]; programs: Option[] };

export async function ContractFilters({ params, countries, programs }: Props) {
  const [t, tf] = await Promise.all([getTranslations("contracts"), getTranslations("fields")]);
  const statuses = CONTRACT_STATUSES.map((s) => ({ value: s, label: tf(`contractStatuses.${s}`) }));
  return (
    <FilterForm resetHref="/contracts">
      <SearchFilter label={t("search")} placeholder={t("searchPlaceholder")} value={params.q} />
      <SelectFilter name="status" label={tf("contractStatus")} value={params.status ?? ""} options={statuses} />
      <SelectFilter name="country" label={tf("country")} value={params.country} options={countries} />
      <SelectFilter name="program" label={tf("program")} value={params.program} options={programs} />
      <DateRangeFilter labels={{ from: t("from"), to: t("to") }} from={params.from} to={params.to} />
      <SortControls
        params={params}
        sortOptions={CONTRACT_SORT_FIELDS.map((f) => ({ value: f, label: t(`sortFields.${f}`) }))}
      />
    </FilterForm>
  );
}
