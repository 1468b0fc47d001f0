import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SelectAllCheckbox, SelectionCheckbox } from "@/components/customers/select-checkbox";
import { TransferPanel } from "@/components/customers/transfer-panel";
import { ButtonLink } from "@/components/ui/button";
import { DataTable, type DataTableColumn } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { can } from "@/lib/auth/permissions";
import { showsOwner } from "@/lib/auth/scope";
import { requirePermission } from "@/lib/auth/session";
import { listProspects, type ProspectRow } from "@/lib/customers/prospect-queries";
import { prospectListSchema } from "@/lib/customers/schema";
import { getDictionaryOptions } from "@/lib/dictionaries/queries";
import { formatDate } from "@/lib/time";
import { listTransferReceivers } from "@/lib/transfers/queries";
import { ProspectFilters } from "./prospect-filters";
import { firstValues } from "@/lib/lists/params";
import { redirectPastEnd } from "@/lib/lists/redirect-past-end";
import { labeller } from "@/lib/dictionaries/label";

// The 转交 panel transfers the rows whose checkboxes name this form.
const SELECTION_FORM = "prospect-selection";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ProspectsPage({ searchParams }: Props) {
  const user = await requirePermission("prospect.read");
  const raw = await searchParams;
  const params = prospectListSchema.parse(firstValues(raw));
  const [t, tf, tc, options, list] = await Promise.all([
    getTranslations("prospects"),
    getTranslations("fields"),
    getTranslations("common"),
    getDictionaryOptions(user.locale),
    listProspects(user, params),
  ]);
  redirectPastEnd(list, "/prospects", raw);
  const label = labeller(user.locale);
  const showOwner = showsOwner(user, "customer");
  const canTransfer = can(user.roles, "transfer.consultant");
  const receivers = canTransfer ? await listTransferReceivers() : [];
  const tTransfers = await getTranslations("transfers");

  const columns: DataTableColumn<ProspectRow>[] = [
    ...(canTransfer
      ? [
          {
            key: "select",
            header: <SelectAllCheckbox formId={SELECTION_FORM} label={tTransfers("selectAll")} />,
            cell: (r: ProspectRow) => (
              <SelectionCheckbox formId={SELECTION_FORM} value={r.id} label={tTransfers("selectRow", { name: r.name })} />
            ),
            className: "w-10",
          },
        ]
      : []),
    {
      key: "name",
      header: tf("name"),
      cell: (r) => (
        <Link href={`/prospects/${r.id}`} className="font-medium text-brand-700 hover:underline">
          {r.name}
        </Link>
      ),
    },
    { key: "phone", header: tf("phone"), cell: (r) => r.phone },
    { key: "wechat", header: tf("wechat"), cell: (r) => r.wechat ?? "—" },
    { key: "country", header: tf("country"), cell: (r) => label(r.country) },
    { key: "major", header: tf("major"), cell: (r) => r.major ?? "—" },
    { key: "grade", header: tf("grade"), cell: (r) => label(r.grade) },
    { key: "media", header: tf("mediaSource"), cell: (r) => label(r.mediaSource) },
    ...(showOwner ? [{ key: "owner", header: tf("owner"), cell: (r: ProspectRow) => r.owner.name }] : []),
    { key: "createdAt", header: tf("createdAt"), cell: (r) => formatDate(r.createdAt, user.locale) },
    {
      key: "actions",
      header: <span className="sr-only">{tc("actions.edit")}</span>,
      align: "right",
      cell: (r) => (
        <Link href={`/prospects/${r.id}`} className="text-brand-700 hover:underline">
          {tc("actions.edit")}
        </Link>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t("listTitle")}
        actions={
          can(user.roles, "prospect.create") ? <ButtonLink href="/prospects/new">{t("newTitle")}</ButtonLink> : undefined
        }
      />
      <ProspectFilters params={params} options={options} />
      {canTransfer && (
        <div className="mb-3 flex justify-end">
          <TransferPanel receivers={receivers} selectionFormId={SELECTION_FORM} />
        </div>
      )}
      <DataTable
        caption={t("listTitle")}
        columns={columns}
        rows={list.rows}
        rowKey={(r) => r.id}
        empty={<EmptyState title={t("empty")} description={t("emptyHint")} />}
      />
      <Pagination list={list} searchParams={raw} pathname="/prospects" className="mt-4" />
    </>
  );
}
