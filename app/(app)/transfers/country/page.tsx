import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ContractStatusBadge } from "@/components/contracts/status-badge";
import { RequestChain } from "@/components/country-change/request-chain";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requirePermission } from "@/lib/auth/session";
import { listChangeableContracts, listCountryChangeRequests } from "@/lib/country-change/queries";
import { countryChangeListSchema } from "@/lib/country-change/schema";
import { labeller } from "@/lib/dictionaries/label";
import { firstValues } from "@/lib/lists/params";
import { redirectPastEnd } from "@/lib/lists/redirect-past-end";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// 转国家 (section 14; issue 10 §3): the requests on the contracts of the user's change scope (newest
// first, each with its chain and 撤回), and the contracts that may change country — each opens its
// contract page, where the 转国家 dialog is (the new country's templates depend on the contract).
export default async function CountryChangePage({ searchParams }: Props) {
  const user = await requirePermission("transfer.country");
  const raw = await searchParams;
  const params = countryChangeListSchema.parse(firstValues(raw));
  const [t, contracts, requests] = await Promise.all([
    getTranslations("countryChange"),
    listChangeableContracts(user, { q: params.q, page: params.page }),
    listCountryChangeRequests(user, { page: 1 }),
  ]);
  redirectPastEnd(contracts, "/transfers/country", raw);
  const label = labeller(user.locale);
  const c = (key: string) => t(`page.columns.${key}`);

  return (
    <>
      <PageHeader title={t("page.title")} description={t("page.description")} />
      <div className="space-y-6">
        <Card>
          <CardHeader>
            <CardTitle>{t("page.requests")}</CardTitle>
          </CardHeader>
          <CardContent>
            {requests.rows.length === 0 ? (
              <p className="text-sm text-gray-500">{t("page.requestsEmpty")}</p>
            ) : (
              <ul aria-label={t("page.requests")} className="divide-y divide-gray-100">
                {requests.rows.map((r) => (
                  <RequestChain
                    key={r.id}
                    request={r}
                    contractId={r.contract.id}
                    locale={user.locale}
                    heading={
                      <p>
                        <Link href={`/contracts/${r.contract.id}#country-change`} className="font-medium text-brand-700 hover:underline">
                          {r.contract.customerName} · {r.contract.number}
                        </Link>
                      </p>
                    }
                  />
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("page.contracts")}</CardTitle>
          </CardHeader>
          <CardContent>
            <form method="get" role="search" className="mb-4 flex flex-wrap items-end gap-2">
              <div className="min-w-0 flex-1 sm:max-w-sm">
                <Label htmlFor="country-change-q">{t("page.searchLabel")}</Label>
                <Input id="country-change-q" name="q" defaultValue={params.q ?? ""} placeholder={t("page.search")} />
              </div>
              <Button type="submit" variant="secondary">
                {t("page.searchSubmit")}
              </Button>
            </form>
            {contracts.rows.length === 0 ? (
              <EmptyState title={t("page.contractsEmpty")} />
            ) : (
              <div className="overflow-x-auto">
                <table className="w-full text-left text-sm">
                  <thead className="text-gray-500">
                    <tr>
                      <th scope="col" className="py-2 pr-4 font-medium">{c("number")}</th>
                      <th scope="col" className="py-2 pr-4 font-medium">{c("client")}</th>
                      <th scope="col" className="py-2 pr-4 font-medium">{c("country")}</th>
                      <th scope="col" className="py-2 pr-4 font-medium">{c("status")}</th>
                      <th scope="col" className="py-2 pr-4 font-medium">{c("owner")}</th>
                      <th scope="col" className="py-2 font-medium">{c("action")}</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-gray-100">
                    {contracts.rows.map((row) => (
                      <tr key={row.id}>
                        <td className="py-2 pr-4 whitespace-nowrap">{row.number}</td>
                        <td className="py-2 pr-4">{row.customerName}</td>
                        <td className="py-2 pr-4">{label(row.country)}</td>
                        <td className="py-2 pr-4"><ContractStatusBadge status={row.status} /></td>
                        <td className="py-2 pr-4">{row.ownerName}</td>
                        <td className="py-2">
                          <Link href={`/contracts/${row.id}#country-change`} className="text-brand-700 hover:underline">
                            {t("page.open")}
                          </Link>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <Pagination list={contracts} searchParams={raw} pathname="/transfers/country" />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
