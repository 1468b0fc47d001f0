import { getTranslations } from "next-intl/server";
import { DateRangeFilter, FilterForm, SearchFilter, SelectFilter, SortControls } from "@/components/ui/list-filters";
import { SORT_FIELDS, type ProspectListParams } from "@/lib/customers/schema";
import type { DictionaryOptions } from "@/lib/dictionaries/queries";

export async function ProspectFilters({ params, options }: { params: ProspectListParams; options: DictionaryOptions }) {
  const t = await getTranslations("prospects");
  const tf = await getTranslations("fields");
  return (
    <FilterForm resetHref="/prospects">
      <SearchFilter label={t("search")} placeholder={t("searchPlaceholder")} value={params.q} />
      <SelectFilter name="country" label={tf("country")} value={params.country} options={options.COUNTRY} />
      <SelectFilter name="grade" label={tf("grade")} value={params.grade} options={options.GRADE} />
      <SelectFilter name="media" label={tf("mediaSource")} value={params.media} options={options.MEDIA_SOURCE} />
      <DateRangeFilter labels={{ from: t("from"), to: t("to") }} from={params.from} to={params.to} />
      <SortControls params={params} sortOptions={SORT_FIELDS.map((f) => ({ value: f, label: t(`sortFields.${f}`) }))} />
    </FilterForm>
  );
}
