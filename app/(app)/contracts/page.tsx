import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { formatCny } from "@/lib/money";
import { ContractStatusBadge } from "@/components/contracts/status-badge";
import { DataTable, type DataTableColumn } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { showsOwner } from "@/lib/auth/scope";
import { requirePermission } from "@/lib/auth/session";
import { listContracts, type ContractRow } from "@/lib/contracts/queries";
import { contractListSchema } from "@/lib/contracts/schema";
import { getDictionaryOptions } from "@/lib/dictionaries/queries";
import { isoDateOnly } from "@/lib/time";
import { ContractFilters } from "./contract-filters";
import { firstValues } from "@/lib/lists/params";
import { redirectPastEnd } from "@/lib/lists/redirect-past-end";
import { labeller } from "@/lib/dictionaries/label";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ContractsPage({ searchParams }: Props) {
  const user = await requirePermission("contract.read");
  const raw = await searchParams;
  const params = contractListSchema.parse(firstValues(raw));
  const [t, tf, tc, options, list] = await Promise.all([
    getTranslations("contracts"),
    getTranslations("fields"),
    getTranslations("common"),
    getDictionaryOptions(user.locale),
    listContracts(user, params),
  ]);
  redirectPastEnd(list, "/contracts", raw);
  const { rows } = list;
  const label = labeller(user.locale);
  const money = (amount: string) => formatCny(amount, user.locale);
  const showOwner = showsOwner(user, "contract");

  const numberLink = (r: ContractRow) => (
    <Link href={`/contracts/${r.id}`} className="font-medium text-brand-700 hover:underline">
      {r.number}
    </Link>
  );

  const columns: DataTableColumn<ContractRow>[] = [
    { key: "number", header: tf("contractNumber"), cell: numberLink },
    { key: "customer", header: tf("customer"), cell: (r) => r.customer.name },
    { key: "status", header: tf("contractStatus"), cell: (r) => <ContractStatusBadge status={r.status} /> },
    { key: "country", header: tf("country"), cell: (r) => label(r.country) },
    { key: "program", header: tf("program"), cell: (r) => label(r.program) },
    { key: "school", header: tf("school"), cell: (r) => r.school, wrap: true },
    { key: "signedOn", header: tf("signedOn"), cell: (r) => isoDateOnly(r.signedOn) },
    { key: "firstFee", header: tf("firstFee"), cell: (r) => money(r.firstFee), align: "right" },
    { key: "secondFee", header: tf("secondFee"), cell: (r) => money(r.secondFee), align: "right" },
    ...(showOwner ? [{ key: "owner", header: tf("owner"), cell: (r: ContractRow) => r.owner.name }] : []),
    {
      key: "actions",
      header: <span className="sr-only">{tc("actions.view")}</span>,
      align: "right",
      cell: (r) => (
        <Link href={`/contracts/${r.id}`} className="text-brand-700 hover:underline" aria-label={`${tc("actions.view")} ${r.number}`}>
          {tc("actions.view")}
        </Link>
      ),
    },
  ];
  const empty = <EmptyState title={t("empty")} description={t("emptyHint")} />;

  return (
    <>
      <PageHeader title={t("listTitle")} description={t("listDescription")} />
      <ContractFilters params={params} countries={options.COUNTRY} programs={options.PROGRAM} />
      {rows.length === 0 ? (
        empty
      ) : (
        <>
          {/* Phones get one card per contract instead of a ten-column table to scroll sideways. */}
          <ul aria-label={t("listTitle")} className="space-y-3 sm:hidden">
            {rows.map((r) => (
              <li key={r.id} className="rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
                <div className="flex items-start justify-between gap-2">
                  {numberLink(r)}
                  <ContractStatusBadge status={r.status} />
                </div>
                <p className="mt-1 font-medium text-gray-900">{r.customer.name}</p>
                <p className="text-sm text-gray-600">
                  {label(r.country)} · {label(r.program)} · {r.school}
                </p>
                <dl className="mt-2 grid grid-cols-3 gap-2 text-sm">
                  <div>
                    <dt className="text-gray-500">{tf("signedOn")}</dt>
                    <dd className="text-gray-900">{isoDateOnly(r.signedOn)}</dd>
                  </div>
                  <div>
                    <dt className="text-gray-500">{tf("firstFee")}</dt>
                    <dd className="text-gray-900">{money(r.firstFee)}</dd>
                  </div>
                  <div>
                    <dt className="text-gray-500">{tf("secondFee")}</dt>
                    <dd className="text-gray-900">{money(r.secondFee)}</dd>
                  </div>
                </dl>
                {showOwner && <p className="mt-2 text-xs text-gray-500">{t("ownerLine", { name: r.owner.name })}</p>}
              </li>
            ))}
          </ul>
          <DataTable className="hidden sm:block" caption={t("listTitle")} columns={columns} rows={rows} rowKey={(r) => r.id} />
        </>
      )}
      <Pagination list={list} searchParams={raw} pathname="/contracts" className="mt-4" />
    </>
  );
}
