import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { RequestChain } from "@/components/country-change/request-chain";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requirePermission } from "@/lib/auth/session";
import { countryChangeMoneyQueue } from "@/lib/country-change/queries";
import { moneyQueueSchema } from "@/lib/country-change/schema";
import { firstValues } from "@/lib/lists/params";
import { redirectPastEnd } from "@/lib/lists/redirect-past-end";
import { formatCny } from "@/lib/money";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// 转国家费用 (section 7's "carried-over fees on a country change"; issue 10 §3): approved country changes
// waiting for finance's money decision, oldest approval first; 决定费用 on each card.
export default async function CountryChangeMoneyPage({ searchParams }: Props) {
  const user = await requirePermission("approval.finance");
  const raw = await searchParams;
  const { page } = moneyQueueSchema.parse(firstValues(raw));
  const [t, list] = await Promise.all([getTranslations("countryChange"), countryChangeMoneyQueue(user, { page })]);
  redirectPastEnd(list, "/transfers/country/money", raw);
  return (
    <>
      <PageHeader title={t("moneyPage.title")} description={t("moneyPage.description")} />
      {list.rows.length === 0 ? (
        <EmptyState title={t("moneyPage.empty")} />
      ) : (
        <ul aria-label={t("moneyPage.title")} className="space-y-3">
          {list.rows.map((r) => {
            const net = formatCny(r.contract.netReceived, user.locale);
            return (
              <li key={r.id} className="list-none rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
                <ul>
                  <RequestChain
                    request={r}
                    contractId={r.contract.id}
                    locale={user.locale}
                    netText={net}
                    heading={
                      <p className="flex flex-wrap gap-x-3">
                        <Link href={`/contracts/${r.contract.id}#country-change`} className="font-medium text-brand-700 hover:underline">
                          {r.contract.customerName} · {r.contract.number}
                        </Link>
                        <span className="text-gray-600">{r.contract.ownerName}</span>
                        <span className="text-gray-900 tabular-nums">{t("moneyPage.net", { amount: net })}</span>
                      </p>
                    }
                  />
                </ul>
              </li>
            );
          })}
        </ul>
      )}
      <Pagination list={list} searchParams={raw} pathname="/transfers/country/money" />
    </>
  );
}
