import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getReceiveContext } from "@/lib/archive/queries";
import { requirePermission } from "@/lib/auth/session";
import { labeller } from "@/lib/dictionaries/label";
import { formatDateTime, isoDateOnly, shanghaiToday } from "@/lib/time";
import { ReceiveForm } from "./receive-form";

type Props = { params: Promise<{ contractId: string }> };

// 接收 (manual section 8): the contract, the consultant's hand-off, and the form that ticks the items,
// chooses the 文案 and signs; the archive number is shown as it will be and fixed on signing.
export default async function ReceivePage({ params }: Props) {
  const user = await requirePermission("archive.transfer");
  const { contractId } = await params;
  const context = await getReceiveContext(user, contractId);
  if (!context) notFound();
  const t = await getTranslations("archive.receive");
  const label = labeller(user.locale);
  const { contract, transfer } = context;
  const facts: [string, string][] = [
    [t("client"), contract.customerName],
    [t("country"), label(contract.country)],
    [t("program"), label(contract.program)],
    [t("school"), contract.school],
    [t("consultant"), contract.owner.name],
    [t("auditedAt"), contract.auditedAt ? formatDateTime(contract.auditedAt, user.locale) : "—"],
  ];
  return (
    <>
      <PageHeader
        title={t("title", { number: contract.number })}
        description={t("description")}
        actions={
          <ButtonLink href="/archive/transfers" variant="secondary">
            {t("back")}
          </ButtonLink>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <Card className="min-w-0">
          <CardContent className="pt-6">
            <ReceiveForm
              contractId={contract.id}
              listed={transfer?.items.map((i) => ({ item: i.item, note: i.note })) ?? []}
              officers={context.officers}
              preview={context.preview}
              toDocumentDays={context.toDocumentDays}
            />
          </CardContent>
        </Card>
        <div className="min-w-0 space-y-6">
          <Card>
            <CardHeader>
              <CardTitle>{t("contract")}</CardTitle>
            </CardHeader>
            <CardContent>
              <dl className="grid grid-cols-1 gap-3 text-sm">
                {facts.map(([name, value]) => (
                  <div key={name}>
                    <dt className="text-gray-500">{name}</dt>
                    <dd className="break-words text-gray-900">{value}</dd>
                  </div>
                ))}
              </dl>
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t("sentBy")}</CardTitle>
            </CardHeader>
            <CardContent className="text-sm text-gray-900">
              {transfer ? (
                <>
                  <p>{t("sentByLine", { name: transfer.sender.name, date: shanghaiToday(transfer.sentAt), due: isoDateOnly(transfer.dueOn) })}</p>
                  {transfer.note && <p className="mt-2 break-words whitespace-pre-line text-gray-700">{transfer.note}</p>}
                </>
              ) : (
                <p className="text-gray-600">{t("noTransfer")}</p>
              )}
            </CardContent>
          </Card>
        </div>
      </div>
    </>
  );
}
