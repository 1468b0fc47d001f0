import { getTranslations } from "next-intl/server";
import { Button, ButtonLink } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { CONTRACT_PAGE_SIZES, CONTRACT_SORT_FIELDS, type ContractListParams } from "@/lib/contracts/schema";
import { CONTRACT_STATUSES } from "@/lib/contracts/state";
import type { Option } from "@/lib/dictionaries/queries";

type Props = { params: ContractListParams; countries: Option[]; programs: Option[] };

// A plain GET form: every filter lands in the URL, so a link reproduces the view and the back
// button works, with no client JavaScript.
export async function ContractFilters({ params, countries, programs }: Props) {
  const [t, tf, tc] = await Promise.all([
    getTranslations("contracts"),
    getTranslations("fields"),
    getTranslations("common"),
  ]);

  const select = (name: string, label: string, value: string, items: Option[]) => (
    <Field label={label} htmlFor={`filter-${name}`}>
      <Select name={name} defaultValue={value}>
        <option value="">{t("all")}</option>
        {items.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </Field>
  );
  const statuses = CONTRACT_STATUSES.map((s) => ({ value: s, label: tf(`contractStatuses.${s}`) }));

  return (
    <form method="get" role="search" className="mb-4 rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Field label={t("search")} htmlFor="filter-q" className="sm:col-span-2">
          <Input name="q" type="search" defaultValue={params.q} placeholder={t("searchPlaceholder")} />
        </Field>
        {select("status", tf("contractStatus"), params.status ?? "", statuses)}
        {select("country", tf("country"), params.country, countries)}
        {select("program", tf("program"), params.program, programs)}
        <Field label={t("from")} htmlFor="filter-from">
          <Input name="from" type="date" defaultValue={params.from ?? ""} />
        </Field>
        <Field label={t("to")} htmlFor="filter-to">
          <Input name="to" type="date" defaultValue={params.to ?? ""} />
        </Field>
        <div className="grid grid-cols-[1.5fr_1fr_0.9fr] gap-2">
          <Field label={t("sortBy")} htmlFor="filter-sort">
            <Select name="sort" defaultValue={params.sort}>
              {CONTRACT_SORT_FIELDS.map((f) => (
                <option key={f} value={f}>
                  {t(`sortFields.${f}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t("direction")} htmlFor="filter-dir">
            <Select name="dir" defaultValue={params.dir}>
              <option value="desc">{t("dirs.desc")}</option>
              <option value="asc">{t("dirs.asc")}</option>
            </Select>
          </Field>
          <Field label={t("pageSize")} htmlFor="filter-size">
            <Select name="size" defaultValue={String(params.size)}>
              {CONTRACT_PAGE_SIZES.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </Select>
          </Field>
        </div>
      </div>
      <div className="mt-3 flex gap-2">
        <Button type="submit">{tc("actions.search")}</Button>
        <ButtonLink href="/contracts" variant="secondary">
          {tc("actions.reset")}
        </ButtonLink>
      </div>
    </form>
  );
}
