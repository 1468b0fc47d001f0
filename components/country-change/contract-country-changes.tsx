import { getTranslations } from "next-intl/server";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { getContractCountryChanges } from "@/lib/country-change/queries";
import { labeller } from "@/lib/dictionaries/label";
import { balanceOf } from "@/lib/refunds/limits";
import { formatCny } from "@/lib/money";
import { prisma } from "@/lib/db";
import { CountryChangeDialog } from "./request-dialog";
import { RequestChain } from "./request-chain";

type Props = {
  contract: { id: string; number: string; country: { labelZh: string; labelEn: string } };
};

/**
 * 转国家 on a contract's page (issue 10 §3): the contract's requests with each one's chain, 转国家 for
 * those who may file one, 撤回 and 决定费用 where the reader may. Nothing for a contract the reader may
 * not see.
 */
export async function ContractCountryChanges({ contract }: Props) {
  const user = await requireUser();
  const view = await getContractCountryChanges(user, contract.id);
  if (!view) return null;
  const t = await getTranslations("countryChange");
  const label = labeller(user.locale);
  const deciding = view.requests.some((r) => r.actions.includes("decideMoney"));
  const money = deciding
    ? await prisma.contract.findUniqueOrThrow({ where: { id: contract.id }, select: { firstReceived: true, secondReceived: true, otherReceived: true, refunded: true } })
    : null;
  const netText = money ? formatCny(balanceOf(money, "0.00").net, user.locale) : undefined;
  return (
    <Card id="country-change" className="scroll-mt-20">
      <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2">
        <CardTitle>{t("section")}</CardTitle>
        {view.canRequest && view.options && (
          <CountryChangeDialog
            contractId={contract.id}
            number={contract.number}
            currentCountry={label(contract.country)}
            countries={view.options.countries.map((c) => ({ id: c.id, label: label(c.label) }))}
            templates={view.options.templates}
          />
        )}
      </CardHeader>
      <CardContent>
        {view.requests.length === 0 ? (
          <p className="text-sm text-gray-500">{t("empty")}</p>
        ) : (
          <ul aria-label={t("listLabel")} className="divide-y divide-gray-100">
            {view.requests.map((r) => (
              <RequestChain key={r.id} request={r} contractId={contract.id} locale={user.locale} netText={netText} />
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
