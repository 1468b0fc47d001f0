"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import type { DuplicateMatch } from "@/lib/customers/duplicates";

// Under a field: who already has this value. Of another consultant's customer only the owner's
// name is shown; the user's own record gets a link.
export function DuplicateNotice({ matches, fieldLabel }: { matches: DuplicateMatch[] | undefined; fieldLabel: string }) {
  const t = useTranslations("prospects");
  if (!matches?.length) return null;
  return (
    <div className="space-y-1" data-testid="duplicate-notice">
      {matches.map((m, i) =>
        m.mine ? (
          <p key={i} className="text-sm text-amber-800">
            {t("duplicateMine", { field: fieldLabel })}{" "}
            {m.href && (
              <Link className="font-medium underline" href={m.href}>
                {t("openExisting")}
              </Link>
            )}
          </p>
        ) : (
          <p key={i} role="alert" className="rounded bg-red-50 px-2 py-1 text-sm font-medium text-red-800">
            {t("duplicateOther", { field: fieldLabel, owner: m.ownerName })} {t("askManager", { owner: m.ownerName })}
          </p>
        ),
      )}
    </div>
  );
}

/** The 撞单 among a refused save's `details.duplicates`: matches owned by another consultant. */
export function otherOwnersDuplicates(details: Record<string, unknown> | undefined): DuplicateMatch[] {
  const matches = (details?.duplicates as DuplicateMatch[] | undefined) ?? [];
  return matches.filter((m) => !m.mine);
}

// In the form's error banner: whose customer each colliding field belongs to.
export function DuplicateOwners({ matches }: { matches: DuplicateMatch[] }) {
  const t = useTranslations("prospects");
  const tf = useTranslations("fields");
  return matches.map((m, i) => <p key={i}>{t("duplicateOther", { field: tf(m.field), owner: m.ownerName })}</p>);
}
