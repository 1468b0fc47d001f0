import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SelectAllCheckbox, SelectionCheckbox } from "@/components/customers/select-checkbox";
import { TransferPanel } from "@/components/customers/transfer-panel";
import { Badge } from "@/components/ui/badge";
import { DataTable, type DataTableColumn } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { showsOwner } from "@/lib/auth/scope";
import { requirePermission } from "@/lib/auth/session";
import { firstValues } from "@/lib/lists/params";
import { redirectPastEnd } from "@/lib/lists/redirect-past-end";
import { formatDate } from "@/lib/time";
import {
  listTransferCandidates,
  listTransferOwnerOptions,
  listTransferReceivers,
  type TransferCandidateRow,
} from "@/lib/transfers/queries";
import { transferCandidateListSchema } from "@/lib/transfers/schema";
import { customerHref } from "@/lib/customers/lifecycle";
import { TransferFilters } from "./transfer-filters";
import { labeller } from "@/lib/dictionaries/label";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const SELECTION_FORM = "transfer-selection";

// 转咨询 (manual section 13): prospects and clients in the user's scope, ticked and moved in one go.
export default async function TransferConsultantPage({ searchParams }: Props) {
  const user = await requirePermission("transfer.consultant");
  const raw = await searchParams;
  const params = transferCandidateListSchema.parse(firstValues(raw));
  const seesOthers = showsOwner(user, "customer");
  const [t, tl, tf, list, receivers, owners] = await Promise.all([
    getTranslations("transfers"),
    getTranslations("transfers.list"),
    getTranslations("fields"),
    listTransferCandidates(user, params),
    listTransferReceivers(),
    seesOthers ? listTransferOwnerOptions(user) : Promise.resolve(undefined),
  ]);
  redirectPastEnd(list, "/transfers/consultant", raw);
  const label = labeller(user.locale);

  const columns: DataTableColumn<TransferCandidateRow>[] = [
    {
      key: "select",
      header: <SelectAllCheckbox formId={SELECTION_FORM} label={t("selectAll")} />,
      cell: (r) => <SelectionCheckbox formId={SELECTION_FORM} value={r.id} label={t("selectRow", { name: r.name })} />,
      className: "w-10",
    },
    {
      key: "name",
      header: tf("name"),
      cell: (r) => (
        <Link href={customerHref(r)} className="font-medium text-brand-700 hover:underline">
          {r.name}
        </Link>
      ),
    },
    {
      key: "status",
      header: tl("status"),
      cell: (r) => <Badge variant={r.status === "CLIENT" ? "success" : "neutral"}>{tl(`status_${r.status}`)}</Badge>,
    },
    { key: "phone", header: tf("phone"), cell: (r) => r.phone },
    { key: "country", header: tf("country"), cell: (r) => label(r.country) },
    {
      key: "owner",
      header: tf("owner"),
      cell: (r) => (r.owner.active ? r.owner.name : tl("inactive", { name: r.owner.name })),
    },
    { key: "contracts", header: tl("contracts"), align: "right", cell: (r) => r.contractCount },
    { key: "updatedAt", header: tf("updatedAt"), cell: (r) => formatDate(r.updatedAt, user.locale) },
  ];

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <TransferFilters params={params} owners={owners} />
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-gray-600">{tl("caption")}</p>
        <TransferPanel receivers={receivers} selectionFormId={SELECTION_FORM} />
      </div>
      <DataTable
        caption={tl("caption")}
        columns={columns}
        rows={list.rows}
        rowKey={(r) => r.id}
        empty={<EmptyState title={tl("empty")} description={tl("emptyHint")} />}
      />
      <Pagination list={list} searchParams={raw} pathname="/transfers/consultant" className="mt-4" />
    </>
  );
}
