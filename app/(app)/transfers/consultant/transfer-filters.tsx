import { getTranslations } from "next-intl/server";
import { Button, ButtonLink } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { PAGE_SIZES } from "@/lib/customers/schema";
import {
  CUSTOMER_STATUS_FILTERS,
  TRANSFER_SORT_FIELDS,
  type TransferCandidateListParams,
} from "@/lib/transfers/schema";

type OwnerOption = { id: string; name: string; active: boolean };

// A plain GET form, as on 我的准客户: every filter lands in the URL. `owners` is given only to users
// who see more than their own customers (managers, IT).
export async function TransferFilters({ params, owners }: { params: TransferCandidateListParams; owners?: OwnerOption[] }) {
  const t = await getTranslations("transfers.list");
  const tc = await getTranslations("common");

  return (
    <form method="get" role="search" className="mb-4 rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Field label={t("search")} htmlFor="filter-q" className="sm:col-span-2">
          <Input name="q" type="search" defaultValue={params.q} placeholder={t("searchPlaceholder")} />
        </Field>
        <Field label={t("status")} htmlFor="filter-status">
          <Select name="status" defaultValue={params.status}>
            <option value="">{t("all")}</option>
            {CUSTOMER_STATUS_FILTERS.map((s) => (
              <option key={s} value={s}>
                {t(`status_${s}`)}
              </option>
            ))}
          </Select>
        </Field>
        {owners && (
          <Field label={t("owner")} htmlFor="filter-owner">
            <Select name="owner" defaultValue={params.owner}>
              <option value="">{t("all")}</option>
              {owners.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.active ? o.name : t("inactive", { name: o.name })}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <div className="grid grid-cols-[1.5fr_1fr_0.9fr] gap-2 sm:col-span-2">
          <Field label={t("sortBy")} htmlFor="filter-sort">
            <Select name="sort" defaultValue={params.sort}>
              {TRANSFER_SORT_FIELDS.map((f) => (
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
              {PAGE_SIZES.map((n) => (
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
        <ButtonLink href="/transfers/consultant" variant="secondary">
          {t("reset")}
        </ButtonLink>
      </div>
    </form>
  );
}
