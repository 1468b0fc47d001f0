import { getTranslations } from "next-intl/server";
import { FilterForm, SearchFilter, SelectFilter, SortControls } from "@/components/ui/list-filters";
import {
  CUSTOMER_STATUS_FILTERS,
  TRANSFER_SORT_FIELDS,
  type TransferCandidateListParams,
} from "@/lib/transfers/schema";

type OwnerOption = { id: string; name: string; active: boolean };

// `owners` is given only to users who see more than their own customers (managers, IT).
export async function TransferFilters({ params, owners }: { params: TransferCandidateListParams; owners?: OwnerOption[] }) {
  const t = await getTranslations("transfers.list");
  const statuses = CUSTOMER_STATUS_FILTERS.map((s) => ({ value: s, label: t(`status_${s}`) }));
  return (
    <FilterForm resetHref="/transfers/consultant">
      <SearchFilter label={t("search")} placeholder={t("searchPlaceholder")} value={params.q} />
      <SelectFilter name="status" label={t("status")} value={params.status} options={statuses} />
      {owners && (
        <SelectFilter
          name="owner"
          label={t("owner")}
          value={params.owner}
          options={owners.map((o) => ({ value: o.id, label: o.active ? o.name : t("inactive", { name: o.name }) }))}
        />
      )}
      <SortControls
        params={params}
        sortOptions={TRANSFER_SORT_FIELDS.map((f) => ({ value: f, label: t(`sortFields.${f}`) }))}
      />
    </FilterForm>
  );
}
