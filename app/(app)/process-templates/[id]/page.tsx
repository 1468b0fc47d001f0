import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuditTrail } from "@/components/audit/audit-trail";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { DataTable, type DataTableColumn } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { firstValues } from "@/lib/lists/params";
import { getProcessTemplate, type TemplateVersionRow } from "@/lib/process-templates/queries";
import { isRecordId } from "@/lib/validation/record";
import { formatDateTime } from "@/lib/time";
import { StepsView } from "../steps-view";
import { DeleteTemplateDialog, RetireTemplateDialog } from "../template-actions";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// One 流程模板: its current steps (or, with ?v=N, an earlier version's) and its 版本历史 — each version's
// publication time, publisher and how many contract processes use it. 编辑, 停用 / 启用, and 删除 while
// no process has ever used it.
export default async function ProcessTemplatePage({ params, searchParams }: Props) {
  const user = await requirePermission("process.templates");
  const { id } = await params;
  const v = Number(firstValues(await searchParams).v);
  const shown = Number.isInteger(v) && v >= 1 && v <= 100_000 ? v : undefined;
  const template = isRecordId(id) ? await getProcessTemplate(user, id, shown) : null;
  if (!template) notFound();
  const t = await getTranslations("processTemplates");
  const version = shown ?? template.currentVersion;
  const record = { id: template.id, version: template.version, name: template.name };

  const columns: DataTableColumn<TemplateVersionRow>[] = [
    {
      key: "version",
      header: t("fields.version"),
      cell: (r) =>
        r.version === version ? (
          <span className="font-medium">{t("versionLabel", { version: r.version })}</span>
        ) : (
          <Link href={`/process-templates/${template.id}?v=${r.version}`} className="text-brand-700 hover:underline">
            {t("versionLabel", { version: r.version })}
          </Link>
        ),
    },
    { key: "publishedAt", header: t("fields.publishedAt"), cell: (r) => formatDateTime(r.publishedAt, user.locale) },
    { key: "publisher", header: t("fields.publisher"), cell: (r) => r.publisher ?? "—" },
    { key: "steps", header: t("fields.stepCount"), align: "right", cell: (r) => r.stepCount },
    { key: "processes", header: t("fields.processes"), align: "right", cell: (r) => r.processes },
  ];

  return (
    <>
      <PageHeader
        title={template.name}
        description={[
          template.countryName,
          template.programs.length > 0 ? template.programs.join(t("listSeparator")) : t("allPrograms"),
          t("currentVersion", { version: template.currentVersion }),
        ].join(" · ")}
        actions={
          <>
            <ButtonLink href={`/process-templates/${template.id}/edit`}>{t("edit")}</ButtonLink>
            <RetireTemplateDialog template={record} retired={template.retiredAt !== null} />
            {template.inUse === 0 && <DeleteTemplateDialog template={record} />}
          </>
        }
      />
      <div className="mb-4 space-y-3">
        {template.retiredAt && <Alert variant="warning">{t("retiredNotice")}</Alert>}
        {template.inUse > 0 && <p className="text-sm text-gray-600">{t("cannotDelete")}</p>}
        {shown !== undefined && shown !== template.currentVersion && (
          <Alert variant="info">
            {t("viewingOldVersion", { version: shown, current: template.currentVersion })}{" "}
            <Link href={`/process-templates/${template.id}`} className="text-brand-700 underline">
              {t("backToCurrent")}
            </Link>
          </Alert>
        )}
      </div>
      <div className="grid min-w-0 grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="min-w-0 lg:col-span-2">
          <StepsView steps={template.steps} title={t("stepsOfVersion", { version })} />
        </div>
        <section aria-labelledby="history-title" className="min-w-0 space-y-3">
          <h2 id="history-title" className="flex items-center gap-2 text-lg font-semibold text-gray-900">
            {t("historyTitle")}
            {template.retiredAt && <Badge variant="warning">{t("retired")}</Badge>}
          </h2>
          <DataTable caption={t("historyTitle")} columns={columns} rows={template.versions} rowKey={(r) => r.version} />
          <Link href="/process-templates" className="inline-block text-sm text-brand-700 hover:underline">
            {t("backToList")}
          </Link>
        </section>
      </div>
      <AuditTrail entity="ProcessTemplate" id={template.id} limit={30} className="mt-6" />
    </>
  );
}
