import { getTranslations } from "next-intl/server";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { ContractDetail } from "@/lib/contracts/queries";
import type { ContractStatus } from "@/lib/generated/prisma/enums";
import { formatDateTime } from "@/lib/time";

// The contract's state over time: every status change with who made it, when and why.
export async function ContractStatusHistory({ changes, locale }: { changes: ContractDetail["statusChanges"]; locale: string }) {
  const t = await getTranslations("contracts");
  const tf = await getTranslations("fields");
  const status = (s: ContractStatus) => tf(`contractStatuses.${s}`);
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("statusHistory")}</CardTitle>
      </CardHeader>
      <CardContent>
        <ol className="space-y-3 text-sm" aria-label={t("statusHistory")}>
          {[...changes].reverse().map((c) => (
            <li key={c.id} className="border-l-2 border-brand-600/40 pl-3">
              <p className="font-medium text-gray-900">
                {c.from ? t("statusMove", { from: status(c.from), to: status(c.to) }) : t("statusCreated", { to: status(c.to) })}
              </p>
              <p className="text-gray-500">{t("by", { name: c.actor.name, time: formatDateTime(c.createdAt, locale) })}</p>
              {c.comment && <p className="mt-1 break-words whitespace-pre-line text-gray-800">{t("comment", { comment: c.comment })}</p>}
            </li>
          ))}
        </ol>
      </CardContent>
    </Card>
  );
}
