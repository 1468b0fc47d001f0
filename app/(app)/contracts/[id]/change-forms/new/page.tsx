import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { changeFormHref } from "@/lib/change-forms/describe";
import { describeChanges } from "@/lib/change-forms/format";
import { changeFormatContext, getChangeFormDraft } from "@/lib/change-forms/queries";
import { CONTRACT_CHANGE_FIELDS, CUSTOMER_CHANGE_FIELDS, type StoredChange } from "@/lib/change-forms/schema";
import { getDictionaryLabels, getDictionaryOptions } from "@/lib/dictionaries/queries";
import { ChangeFormForm } from "./change-form-form";

type Props = { params: Promise<{ id: string }> };

// 申请变更 (issue 8 §3): a 技术维护单 on a locked contract, for its consultant, their manager or IT.
export default async function NewChangeFormPage({ params }: Props) {
  const user = await requirePermission("contract.update");
  const { id } = await params;
  const draft = await getChangeFormDraft(user, id);
  if (!draft) notFound();
  const [t, tAll, options] = await Promise.all([getTranslations("changeForms"), getTranslations(), getDictionaryOptions(user.locale)]);

  // Each field's current value as the reader sees it ("原值：…").
  const all: StoredChange[] = [
    ...CONTRACT_CHANGE_FIELDS.map((field) => ({ record: "contract" as const, field, before: draft.current.contract[field], after: null })),
    ...CUSTOMER_CHANGE_FIELDS.map((field) => ({ record: "customer" as const, field, before: draft.current.customer[field], after: null })),
  ];
  const dictionary = await getDictionaryLabels(
    all.flatMap((c) => (c.field.endsWith("Id") && c.before ? [c.before] : [])),
    user.locale,
  );
  const shown = Object.fromEntries(describeChanges(all, changeFormatContext(user, tAll, dictionary)).map((l) => [`${l.record}.${l.field}`, l.before]));

  return (
    <>
      <PageHeader
        title={t("newTitle")}
        description={t("newDescription", { number: draft.contract.number, name: draft.customer.name })}
        actions={
          <ButtonLink href={`/contracts/${id}`} variant="secondary">
            {t("detail.back")}
          </ButtonLink>
        }
      />
      {draft.open ? (
        <Alert variant="warning" title={t("openExists", { number: draft.open.number })}>
          <ButtonLink href={changeFormHref(draft.open.id)} variant="secondary" size="sm" className="mt-2">
            {t("openLink")}
          </ButtonLink>
        </Alert>
      ) : (
        <ChangeFormForm
          contractId={draft.contract.id}
          contractVersion={draft.contract.version}
          customerVersion={draft.customer.version}
          // The 身份证 is never sent to the browser in full (issue 10 §2): its new value is typed, the old one is shown masked.
          current={{ ...draft.current, customer: { ...draft.current.customer, idCard: null } }}
          shown={shown}
          options={{ COUNTRY: options.COUNTRY, PROGRAM: options.PROGRAM, EDUCATION: options.EDUCATION }}
        />
      )}
    </>
  );
}
