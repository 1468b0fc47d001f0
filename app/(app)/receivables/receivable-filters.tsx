import { getTranslations } from "next-intl/server";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { FilterForm, SelectFilter, SortControls } from "@/components/ui/list-filters";
import { Select } from "@/components/ui/select";
import type { Option } from "@/lib/dictionaries/queries";
import { AGEING_BUCKETS } from "@/lib/finance/ageing";
import { RECEIVABLE_SORT_FIELDS, type ReceivableListParams } from "@/lib/finance/schema";

type Named = { id: string; name: string };
type Props = { params: ReceivableListParams; countries: Option[]; teams: Named[] | null; owners: Named[] };

function DateFilter({ name, label, value }: { name: string; label: string; value?: string }) {
  return (
    <Field label={label} htmlFor={`filter-${name}`}>
      <Input name={name} type="date" defaultValue={value ?? ""} />
    </Field>
  );
}

export async function ReceivableFilters({ params, countries, teams, owners }: Props) {
  const [t, tf, tb] = await Promise.all([getTranslations("finance.receivables"), getTranslations("fields"), getTranslations("finance.buckets")]);
  const option = (n: Named) => ({ value: n.id, label: n.name });
  return (
    <FilterForm resetHref="/receivables">
      {teams && <SelectFilter name="team" label={t("team")} value={params.team} options={teams.map(option)} />}
      <SelectFilter name="owner" label={t("consultant")} value={params.owner} options={owners.map(option)} />
      <SelectFilter name="country" label={tf("country")} value={params.country} options={countries} />
      <SelectFilter name="bucket" label={t("bucket")} value={params.bucket ?? ""} options={AGEING_BUCKETS.map((b) => ({ value: b, label: tb(b) }))} />
      <DateFilter name="signedFrom" label={t("signedFrom")} value={params.signedFrom} />
      <DateFilter name="signedTo" label={t("signedTo")} value={params.signedTo} />
      <DateFilter name="dueFrom" label={t("dueFrom")} value={params.dueFrom} />
      <DateFilter name="dueTo" label={t("dueTo")} value={params.dueTo} />
      <Field label={t("show")} htmlFor="filter-show">
        <Select name="show" defaultValue={params.show}>
          <option value="open">{t("shows.open")}</option>
          <option value="all">{t("shows.all")}</option>
        </Select>
      </Field>
      <SortControls params={params} sortOptions={RECEIVABLE_SORT_FIELDS.map((f) => ({ value: f, label: t(`sortFields.${f}`) }))} />
    </FilterForm>
  );
}
