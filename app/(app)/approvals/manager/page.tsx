import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission, type SessionUser } from "@/lib/auth/session";
import { managerInbox } from "@/lib/approvals/inbox";
import type { InboxFact } from "@/lib/approvals/provider";
import { waitingSince } from "@/lib/approvals/waiting";
import { dictionaryLabel } from "@/lib/dictionaries/label";
import { formatCny } from "@/lib/money";
import { pageParam } from "@/lib/lists/params";
import { formatDateTime } from "@/lib/time";
import { cn } from "@/lib/utils/cn";
import { DecidedList } from "./decided-list";
import { InboxList } from "./inbox-list";
import type { CardFact, GroupView } from "./view";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const paramsSchema = z.object({ tab: z.enum(["pending", "decided"]).catch("pending"), page: pageParam });

// A text fact longer than this takes the card's full width.
const WIDE_TEXT = 14;

// 经理审核 (section 6; issue 8 §1): one inbox for everything the manager decides, made for a phone.
// 待处理 lists each kind's pending items oldest first; 已处理 the manager's own decisions. The page
// knows only the providers' generic items (lib/approvals/provider.ts).
export default async function ManagerApprovalPage({ searchParams }: Props) {
  const user = await requirePermission("approval.manager");
  const raw = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const { tab, page } = paramsSchema.parse({ tab: first(raw.tab), page: first(raw.page) });
  const [t, tf, tk] = await Promise.all([
    getTranslations("approvals.manager"),
    getTranslations("approvals.facts"),
    getTranslations("approvals.kinds"),
  ]);

  const pending = tab === "pending" ? await pendingViews(user, t, tf, tk) : [];
  const total = pending.reduce((sum, g) => sum + g.count, 0);

  const tabs = [
    { key: "pending", label: t("pendingTab"), href: "/approvals/manager" },
    { key: "decided", label: t("decidedTab"), href: "/approvals/manager?tab=decided" },
  ] as const;

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <ButtonLink href="/approvals/manager/delegations" variant="secondary">
            {t("delegationsLink")}
          </ButtonLink>
        }
      />
      <nav aria-label={t("tabsLabel")} className="mb-4 flex border-b border-gray-200">
        {tabs.map((item) => (
          <Link
            key={item.key}
            href={item.href}
            aria-current={tab === item.key ? "page" : undefined}
            className={cn(
              "-mb-px inline-flex min-h-11 flex-1 items-center justify-center border-b-2 px-4 text-sm font-medium sm:flex-none",
              "focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-brand-600",
              tab === item.key ? "border-brand-700 text-brand-800" : "border-transparent text-gray-600 hover:text-gray-900",
            )}
          >
            {item.label}
          </Link>
        ))}
      </nav>
      {tab === "decided" ? (
        <DecidedList user={user} page={page} searchParams={raw} />
      ) : total === 0 ? (
        <EmptyState title={t("empty")} description={t("emptyHint")} />
      ) : (
        <>
          <p className="mb-4 text-sm text-gray-600">{t("pendingSummary", { count: total })}</p>
          <InboxList groups={pending} viewerName={user.name} />
        </>
      )}
    </>
  );
}

type Translator = Awaited<ReturnType<typeof getTranslations>>;

// The pending groups with every fact labelled and formatted for the reader (view.ts).
async function pendingViews(user: SessionUser, t: Translator, tf: Translator, tk: Translator): Promise<GroupView[]> {
  const now = new Date();
  const groups = await managerInbox(user, now);
  const fact = (f: InboxFact): CardFact => {
    const label = tf.has(f.label) ? tf(f.label) : f.label;
    switch (f.kind) {
      case "money":
        return { label, value: formatCny(f.value, user.locale), wide: false };
      case "dictionary":
        return { label, value: dictionaryLabel(f.value, user.locale), wide: false };
      case "date":
        return { label, value: f.value, wide: false };
      default:
        return { label, value: f.value || "—", wide: f.value.length > WIDE_TEXT || f.value.includes("\n") };
    }
  };
  const views: GroupView[] = groups
    .filter((g) => g.count > 0)
    .map((g) => ({
      kind: g.kind,
      label: tk.has(g.kind) ? tk(g.kind) : g.kind,
      count: g.count,
      items: g.items.map((item) => {
        const w = waitingSince(item.since, now);
        return {
          key: `${item.kind}:${item.id}`,
          kind: item.kind,
          id: item.id,
          version: item.version,
          title: item.title,
          facts: item.facts.map(fact),
          details: item.details.map(fact),
          waiting: w.days === 0 && w.hours === 0 ? t("waitingMinutes", { minutes: w.minutes }) : t("waiting", w),
          submitted: t("submittedBy", { name: item.requester.name, time: formatDateTime(item.since, user.locale) }),
          sinceIso: item.since.toISOString(),
          deputyFor: item.onBehalfOf?.name ?? null,
          href: item.href,
          bulkApprove: g.bulkApprove,
        };
      }),
    }));
  return views;
}
