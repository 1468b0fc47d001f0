import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ChangeFormActions } from "@/components/change-forms/change-form-actions";
import { ChangeFormSheet } from "@/components/change-forms/change-form-sheet";
import { PrintButton } from "@/components/change-forms/print-button";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { changeField } from "@/lib/change-forms/format";
import { getChangeForm } from "@/lib/change-forms/queries";
import type { ChangeRecord } from "@/lib/change-forms/schema";

type Props = { params: Promise<{ id: string }> };

// One 技术维护单: the paper (also its print view: 打印 leaves only the sheet, A4) and the steps the user
// may take on it. Visible to whoever reads its contract, to 信息中心 and to its deciders.
export default async function ChangeFormPage({ params }: Props) {
  const user = await requireUser();
  const { id } = await params;
  const form = await getChangeForm(user, id);
  if (!form) notFound();
  const [t, tr] = await Promise.all([getTranslations("changeForms"), getTranslations()]);
  // The fields that changed since the form was filed, by their labels ("申请学校、籍贯").
  const staleLabels = new Intl.ListFormat(user.locale, { type: "conjunction" }).format(
    form.staleFields.map((key) => {
      const [record, field] = key.split(".") as [ChangeRecord, string];
      return tr(changeField(record, field).label);
    }),
  );

  return (
    <>
      {/* A4 with a margin; the shell's menu and header are print:hidden. */}
      <style>{"@page { size: A4; margin: 16mm; }"}</style>
      <PageHeader
        className="print:hidden"
        title={`${t("title")} ${form.number}`}
        description={`${form.contract.number} · ${form.customer.name}`}
        actions={
          <>
            <PrintButton />
            <ButtonLink href={`/contracts/${form.contract.id}`} variant="secondary">
              {t("detail.back")}
            </ButtonLink>
          </>
        }
      />
      <div className="mb-4 space-y-3 print:hidden">
        {form.stale && <Alert variant="warning" title={t("detail.stale", { fields: staleLabels })} />}
        <ChangeFormActions form={{ id: form.id, number: form.number, version: form.version }} allowed={form.actions} />
      </div>
      <ChangeFormSheet user={user} form={form} />
    </>
  );
}
