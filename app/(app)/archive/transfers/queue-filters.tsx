import { getTranslations } from "next-intl/server";
import { FilterForm, SearchFilter } from "@/components/ui/list-filters";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import type { ArchiveQueueParams } from "@/lib/archive/schema";

/** The archive queue's filters: search (合同号, client name) and 仅看逾期转案. */
export async function QueueFilters({ params }: { params: ArchiveQueueParams }) {
  const t = await getTranslations("archive.queue");
  return (
    <FilterForm resetHref="/archive/transfers">
      <SearchFilter label={t("search")} placeholder={t("searchPlaceholder")} value={params.q} />
      <Field label={t("lateOnly")} htmlFor="filter-late">
        <Select id="filter-late" name="late" defaultValue={params.late}>
          <option value="">{t("lateOnlyAll")}</option>
          <option value="1">{t("lateOnlyYes")}</option>
        </Select>
      </Field>
    </FilterForm>
  );
}
