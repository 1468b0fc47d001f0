import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SelectAllCheckbox, SelectionCheckbox } from "@/components/customers/select-checkbox";
import { TransferPanel } from "@/components/customers/transfer-panel";
import { DataTable, type DataTableColumn } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { can } from "@/lib/auth/permissions";
import { showsOwner } from "@/lib/auth/scope";
import { requirePermission } from "@/lib/auth/session";
import { listClients, type ClientRow } from "@/lib/customers/client-queries";
import { clientListSchema } from "@/lib/customers/schema";
import { getDictionaryOptions } from "@/lib/dictionaries/queries";
import { formatDate } from "@/lib/time";
import { listTransferReceivers } from "@/lib/transfers/queries";
import { ClientFilters } from "./client-filters";
import { firstValues } from "@/lib/lists/params";
import { redirectPastEnd } from "@/lib/lists/redirect-past-end";
import { labeller } from "@/lib/dictionaries/label";

// The 转交 panel transfers the rows whose checkboxes name this form.
const SELECTION_FORM = "client-selection";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ClientsPage({ searchParams }: Props) {
  const user = await requirePermission("client.read");
  const raw = await searchParams;
  const params = clientListSchema.parse(firstValues(raw));
  const canTransfer = can(user.roles, "transfer.consultant");
  const [t, tf, tc, tTransfers, options, list, receivers] = await Promise.all([
    getTranslations("clients"),
    getTranslations("fields"),
    getTranslations("common"),
    getTranslations("transfers"),
    getDictionaryOptions(user.locale),
    listClients(user, params),
    canTransfer ? listTransferReceivers() : Promise.resolve([]),
  ]);
  redirectPastEnd(list, "/clients", raw);
  const { rows } = list;
  const label = labeller(user.locale);
  const showOwner = showsOwner(user, "customer");

  const nameLink = (r: ClientRow) => (
    <Link href={`/clients/${r.id}`} className="font-medium text-brand-700 hover:underline">
      {r.name}
    </Link>
  );
  const signedOn = (r: ClientRow) => (r.signedAt ? formatDate(r.signedAt, user.locale) : "—");

  const columns: DataTableColumn<ClientRow>[] = [
    ...(canTransfer
      ? [
          {
            key: "select",
            header: <SelectAllCheckbox formId={SELECTION_FORM} label={tTransfers("selectAll")} />,
            cell: (r: ClientRow) => (
              <SelectionCheckbox formId={SELECTION_FORM} value={r.id} label={tTransfers("selectRow", { name: r.name })} />
            ),
            className: "w-10",
          },
        ]
      : []),
    { key: "name", header: tf("name"), cell: nameLink },
    { key: "phone", header: tf("phone"), cell: (r) => r.phone },
    { key: "country", header: tf("country"), cell: (r) => label(r.country) },
    { key: "education", header: tf("education"), cell: (r) => label(r.education) },
    { key: "major", header: tf("major"), cell: (r) => r.major ?? "—" },
    { key: "signedAt", header: tf("signedOn"), cell: signedOn },
    { key: "contracts", header: t("contractCount"), align: "right", cell: (r) => r.contractCount },
    ...(showOwner ? [{ key: "owner", header: tf("owner"), cell: (r: ClientRow) => r.owner.name }] : []),
    {
      key: "actions",
      header: <span className="sr-only">{tc("actions.view")}</span>,
      align: "right",
      cell: (r) => (
        <Link href={`/clients/${r.id}`} className="text-brand-700 hover:underline">
          {tc("actions.view")}
        </Link>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t("listTitle")} description={t("listDescription")} />
      <ClientFilters params={params} options={options} />
      {canTransfer && (
        <div className="mb-3 hidden justify-end sm:flex">
          <TransferPanel receivers={receivers} selectionFormId={SELECTION_FORM} />
        </div>
      )}
      {rows.length === 0 ? (
        <EmptyState title={t("empty")} description={t("emptyHint")} />
      ) : (
        <>
          {/* Phones get one card per client instead of a wide table to scroll sideways. */}
          <ul aria-label={t("listTitle")} className="space-y-3 sm:hidden">
            {rows.map((r) => (
              <li key={r.id} className="rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
                <div className="flex items-start justify-between gap-2">
                  {nameLink(r)}
                  <span className="text-sm text-gray-600">{r.phone}</span>
                </div>
                <p className="mt-1 text-sm text-gray-600">
                  {[label(r.country), label(r.education), r.major ?? "—"].join(" · ")}
                </p>
                <dl className="mt-2 grid grid-cols-2 gap-2 text-sm">
                  <div>
                    <dt className="text-gray-500">{tf("signedOn")}</dt>
                    <dd className="text-gray-900">{signedOn(r)}</dd>
                  </div>
                  <div>
                    <dt className="text-gray-500">{t("contractCount")}</dt>
                    <dd className="text-gray-900">{r.contractCount}</dd>
                  </div>
                </dl>
                {showOwner && <p className="mt-2 text-xs text-gray-500">{t("ownerLine", { name: r.owner.name })}</p>}
              </li>
            ))}
          </ul>
          <DataTable className="hidden sm:block" caption={t("listTitle")} columns={columns} rows={rows} rowKey={(r) => r.id} />
        </>
      )}
      <Pagination list={list} searchParams={raw} pathname="/clients" className="mt-4" />
    </>
  );
}
