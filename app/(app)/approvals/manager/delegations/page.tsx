import { getTranslations } from "next-intl/server";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { delegationsOf, deputyCandidates, type DelegationRow } from "@/lib/approvals/delegations";
import { requirePermission } from "@/lib/auth/session";
import { shanghaiToday } from "@/lib/time";
import { DelegationForm } from "./delegation-form";
import { RevokeDelegationButton } from "./revoke-delegation-button";

type State = "active" | "upcoming" | "revoked";
const STATE_BADGE: Record<State, BadgeVariant> = { active: "success", upcoming: "info", revoked: "neutral" };

// delegationsOf lists only delegations that have not ended.
function stateOf(d: DelegationRow, today: string): State {
  if (d.revokedAt) return "revoked";
  return d.startsOn > today ? "upcoming" : "active";
}

// 代理审批 (issue 8 §1): name another manager deputy for a range of days; see the delegations given and
// held; revoke one. Who may, and what a deputy then decides, is lib/approvals/delegations.ts and deciders.ts.
export default async function DelegationsPage() {
  const user = await requirePermission("approval.manager");
  const [t, rows, candidates] = await Promise.all([getTranslations("approvals.delegations"), delegationsOf(user), deputyCandidates(user)]);
  const today = shanghaiToday();
  const given = rows.filter((d) => d.principal.id === user.id);
  const held = rows.filter((d) => d.deputy.id === user.id);
  const range = (d: DelegationRow) => t("range", { start: d.startsOn, end: d.endsOn });

  function Row({ d, mine }: { d: DelegationRow; mine: boolean }) {
    const state = stateOf(d, today);
    return (
      <li className="flex flex-wrap items-center gap-x-3 gap-y-2 py-3">
        <div className="min-w-0 flex-1">
          <p className="font-medium break-words text-gray-900">
            {mine ? t("givenItem", { name: d.deputy.name }) : t("heldItem", { name: d.principal.name })}
          </p>
          <p className="mt-0.5 flex flex-wrap items-center gap-2 text-sm text-gray-600 tabular-nums">
            {range(d)}
            <Badge variant={STATE_BADGE[state]}>{t(`state.${state}`)}</Badge>
          </p>
        </div>
        {mine && state !== "revoked" && (
          <RevokeDelegationButton id={d.id} label={t("revoke")} ariaLabel={t("revokeLabel", { name: d.deputy.name, range: range(d) })} />
        )}
      </li>
    );
  }

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <ButtonLink href="/approvals/manager" variant="secondary">
            {t("back")}
          </ButtonLink>
        }
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>{t("formTitle")}</CardTitle>
          </CardHeader>
          <CardContent>
            {candidates.length === 0 ? (
              <p className="text-sm text-gray-600">{t("noCandidates")}</p>
            ) : (
              <DelegationForm candidates={candidates} today={today} />
            )}
          </CardContent>
        </Card>
        <div className="min-w-0 space-y-6">
          <Card>
            <CardHeader>
              <CardTitle>{t("given")}</CardTitle>
            </CardHeader>
            <CardContent className="py-1">
              {given.length === 0 ? (
                <p className="py-3 text-sm text-gray-600">{t("givenEmpty")}</p>
              ) : (
                <ul aria-label={t("given")} className="divide-y divide-gray-100">
                  {given.map((d) => (
                    <Row key={d.id} d={d} mine />
                  ))}
                </ul>
              )}
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t("held")}</CardTitle>
            </CardHeader>
            <CardContent className="py-1">
              {held.length === 0 ? (
                <p className="py-3 text-sm text-gray-600">{t("heldEmpty")}</p>
              ) : (
                <ul aria-label={t("held")} className="divide-y divide-gray-100">
                  {held.map((d) => (
                    <Row key={d.id} d={d} mine={false} />
                  ))}
                </ul>
              )}
            </CardContent>
          </Card>
        </div>
      </div>
    </>
  );
}
