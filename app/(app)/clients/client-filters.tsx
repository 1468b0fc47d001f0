import { getTranslations } from "next-intl/server";
import { DateRangeFilter, FilterForm, SearchFilter, SelectFilter, SortControls } from "@/components/ui/list-filters";
import { CLIENT_SORT_FIELDS, type ClientListParams } from "@/lib/customers/schema";
import type { DictionaryOptions } from "@/lib/dictionaries/queries";

export async function ClientFilters({ params, options }: { params: ClientListParams; options: DictionaryOptions }) {
  const t = await getTranslations("clients");
  const tf = await getTranslations("fields");
  return (
    <FilterForm resetHref="/clients">
      <SearchFilter label={t("search")} placeholder={t("searchPlaceholder")} value={params.q} />
      <SelectFilter name="country" label={tf("country")} value={params.country} options={options.COUNTRY} />
      <SelectFilter name="education" label={tf("education")} value={params.education} options={options.EDUCATION} />
      <DateRangeFilter labels={{ from: t("from"), to: t("to") }} from={params.from} to={params.to} />
      <SortControls
        params={params}
        sortOptions={CLIENT_SORT_FIELDS.map((f) => ({ value: f, label: t(`sortFields.${f}`) }))}
      />
    </FilterForm>
  );
}
