import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { Button, ButtonLink } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { PAGE_SIZES } from "@/lib/lists/params";

// The filter panel of a list page: a plain GET form, so every filter lands in the URL, a link
// reproduces the view and the back button works, with no client JavaScript.

type Option = { value: string; label: string };

export async function FilterForm({ resetHref, children }: { resetHref: string; children: ReactNode }) {
  const tc = await getTranslations("common");
  return (
    <form method="get" role="search" className="mb-4 rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">{children}</div>
      <div className="mt-3 flex gap-2">
        <Button type="submit">{tc("actions.search")}</Button>
        <ButtonLink href={resetHref} variant="secondary">
          {tc("actions.reset")}
        </ButtonLink>
      </div>
    </form>
  );
}

export function SearchFilter({ label, placeholder, value }: { label: string; placeholder: string; value: string }) {
  return (
    <Field label={label} htmlFor="filter-q" className="sm:col-span-2">
      <Input name="q" type="search" defaultValue={value} placeholder={placeholder} />
    </Field>
  );
}

// A choice with "全部" (no filter) first.
export async function SelectFilter({ name, label, value, options }: { name: string; label: string; value: string; options: Option[] }) {
  const tc = await getTranslations("common");
  return (
    <Field label={label} htmlFor={`filter-${name}`}>
      <Select name={name} defaultValue={value}>
        <option value="">{tc("list.all")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}

export function DateRangeFilter({ labels, from, to }: { labels: { from: string; to: string }; from?: string; to?: string }) {
  return (
    <>
      <Field label={labels.from} htmlFor="filter-from">
        <Input name="from" type="date" defaultValue={from ?? ""} />
      </Field>
      <Field label={labels.to} htmlFor="filter-to">
        <Input name="to" type="date" defaultValue={to ?? ""} />
      </Field>
    </>
  );
}

// 排序, 顺序, 每页: `sortOptions` are the list's own sortable fields, labelled by the caller. Each select
// takes a cell of the filter grid like every other filter: squeezed into one cell together they cut
// their text ("创建时间" showed as "创建时") at desktop widths.
export async function SortControls({
  sortOptions,
  params,
}: {
  sortOptions: Option[];
  params: { sort: string; dir: "asc" | "desc"; size: number };
}) {
  const tc = await getTranslations("common");
  return (
    <>
      <Field label={tc("list.sortBy")} htmlFor="filter-sort">
        <Select name="sort" defaultValue={params.sort}>
          {sortOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={tc("list.direction")} htmlFor="filter-dir">
        <Select name="dir" defaultValue={params.dir}>
          <option value="desc">{tc("list.dirs.desc")}</option>
          <option value="asc">{tc("list.dirs.asc")}</option>
        </Select>
      </Field>
      <Field label={tc("list.pageSize")} htmlFor="filter-size">
        <Select name="size" defaultValue={String(params.size)}>
          {PAGE_SIZES.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </Select>
      </Field>
    </>
  );
}
