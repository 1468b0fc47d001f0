"use client";

import Link from "next/link";
import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils/cn";
import type { CardFact, CardView } from "./view";

type Props = {
  item: CardView;
  selected: boolean;
  /** Present when the item may be bulk-approved: the checkbox toggles it. */
  onSelect?: (selected: boolean) => void;
  onDecide: (decision: "APPROVED" | "REJECTED") => void;
};

function Facts({ facts }: { facts: CardFact[] }) {
  return (
    <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm">
      {facts.map((f, i) => (
        <div key={`${f.label}-${i}`} className={cn("min-w-0", f.wide && "col-span-2")}>
          <dt className="text-xs text-gray-500">{f.label}</dt>
          <dd className="break-words whitespace-pre-line text-gray-900">{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}

// One pending item: its key facts readable at a glance, more in place behind 详情, and 驳回 / 通过,
// which open the decision sheet. Every control is at least 44 px tall for a thumb.
export function InboxCard({ item, selected, onSelect, onDecide }: Props) {
  const t = useTranslations("approvals.manager");
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const titleId = useId();

  return (
    <article
      aria-labelledby={titleId}
      className={cn(
        "flex min-w-0 flex-col rounded-lg border bg-white shadow-sm",
        selected ? "border-brand-600 ring-2 ring-brand-200" : "border-gray-200",
      )}
    >
      <div className="flex items-start gap-1 px-2 pt-2 sm:px-3">
        {onSelect && (
          <label className="flex size-11 shrink-0 cursor-pointer items-center justify-center rounded-md hover:bg-gray-50">
            <input
              type="checkbox"
              checked={selected}
              onChange={(e) => onSelect(e.target.checked)}
              aria-label={t("select", { title: item.title })}
              className="size-5 accent-brand-700"
            />
          </label>
        )}
        <div className={cn("min-w-0 flex-1 py-2", !onSelect && "pl-2")}>
          <h3 id={titleId} className="font-semibold break-words text-gray-900">
            {item.title}
          </h3>
          <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-gray-600">
            <time dateTime={item.sinceIso} className="font-medium text-amber-800">
              {item.waiting}
            </time>
            <span>{item.submitted}</span>
          </p>
          {item.deputyFor && (
            <Badge variant="info" className="mt-2">
              {t("deputyBadge", { name: item.deputyFor })}
            </Badge>
          )}
        </div>
      </div>
      <div className="px-4 pt-2 pb-3">
        <Facts facts={item.facts} />
      </div>
      {(item.details.length > 0 || item.href) && (
        <div className="border-t border-gray-100">
          <button
            type="button"
            aria-expanded={open}
            aria-controls={detailsId}
            onClick={() => setOpen((v) => !v)}
            className="flex min-h-11 w-full items-center justify-between px-4 text-sm font-medium text-brand-800 hover:bg-gray-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-brand-600"
          >
            <span>
              {t("details")}
              <span className="sr-only">{t("detailsFor", { title: item.title })}</span>
            </span>
            <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className={cn("size-5 transition-transform", open && "rotate-180")}>
              <path
                fillRule="evenodd"
                d="M5.22 8.22a.75.75 0 0 1 1.06 0L10 11.94l3.72-3.72a.75.75 0 1 1 1.06 1.06l-4.25 4.25a.75.75 0 0 1-1.06 0L5.22 9.28a.75.75 0 0 1 0-1.06Z"
                clipRule="evenodd"
              />
            </svg>
          </button>
          <div id={detailsId} hidden={!open} className="space-y-3 px-4 pb-3">
            <Facts facts={item.details} />
            {item.href && (
              <Link href={item.href} className="inline-flex min-h-11 items-center text-sm font-medium text-brand-800 underline underline-offset-2">
                {t("open")}
              </Link>
            )}
          </div>
        </div>
      )}
      <div className="grid grid-cols-2 gap-2 border-t border-gray-100 p-3">
        <Button variant="secondary" size="lg" onClick={() => onDecide("REJECTED")} aria-label={`${t("reject")} ${item.title}`}>
          {t("reject")}
        </Button>
        <Button size="lg" onClick={() => onDecide("APPROVED")} aria-label={`${t("approve")} ${item.title}`}>
          {t("approve")}
        </Button>
      </div>
    </article>
  );
}
