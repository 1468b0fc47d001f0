import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { changeDictionaryIds } from "@/lib/change-forms/format";
import { canFileChangeForm, changeLines, listContractChangeForms } from "@/lib/change-forms/queries";
import type { StoredChange } from "@/lib/change-forms/schema";
import { changeFormHref } from "@/lib/change-forms/describe";
import type { ContractStatus } from "@/lib/generated/prisma/enums";
import { getDictionaryLabels } from "@/lib/dictionaries/queries";
import { formatDateTime } from "@/lib/time";
import { ChangeLinesList } from "./change-lines";
import { ChangeFormStatusBadge } from "./status-badge";

type Props = { contract: { id: string; status: ContractStatus } };

/**
 * The contract page's 技术维护单 section: 申请变更 for those who may file one on this (locked) contract,
 * and every form of the contract, newest first, with its number, state, date, applicant and 变更项.
 * Renders nothing on an unlocked contract that never had a form.
 */
export async function ContractChangeForms({ contract }: Props) {
  const user = await requireUser();
  const [t, tAll, forms, canFile] = await Promise.all([
    getTranslations("changeForms"),
    getTranslations(),
    listContractChangeForms(user, contract.id),
    canFileChangeForm(user, contract),
  ]);
  if (!canFile && forms.length === 0) return null;
  const dictionary = await getDictionaryLabels(forms.flatMap((f) => changeDictionaryIds(f.changes as StoredChange[])), user.locale);

  return (
    <Card>
      <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2">
        <CardTitle>{t("listTitle")}</CardTitle>
        {canFile && (
          <ButtonLink href={`/contracts/${contract.id}/change-forms/new`} size="sm">
            {t("applyButton")}
          </ButtonLink>
        )}
      </CardHeader>
      <CardContent>
        {forms.length === 0 ? (
          <p className="text-sm text-gray-500">{t("listEmpty")}</p>
        ) : (
          <ul className="divide-y divide-gray-100 text-sm" aria-label={t("listCaption")}>
            {forms.map((f) => (
              <li key={f.id} className="py-3 first:pt-0 last:pb-0">
                <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                  <Link href={changeFormHref(f.id)} className="font-medium text-brand-700 hover:underline">
                    {f.number}
                  </Link>
                  <ChangeFormStatusBadge status={f.status} />
                  <span className="text-gray-500">
                    {f.applicant.name} · {formatDateTime(f.createdAt, user.locale)}
                  </span>
                </div>
                <div className="mt-1 text-gray-700">
                  <ChangeLinesList lines={changeLines(user, tAll, { changes: f.changes as StoredChange[], dictionary })} />
                </div>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
