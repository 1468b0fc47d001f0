"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { ClaimDialog } from "@/components/claims/claim-dialog";
import type { DuplicateMatch } from "@/lib/customers/duplicates";
import type { DuplicateKey } from "@/lib/customers/schema";

type Props = {
  matches: DuplicateMatch[] | undefined;
  /** The duplicate-check field and the value in it the matches are for (what a claim is filed with). */
  field: DuplicateKey;
  value: string;
  fieldLabel: string;
  claimable?: boolean;
};

// Under a field: who already has this value. Of another consultant's customer only the owner's
// name is shown; the user's own record gets a link. `claimable`: a 撞单 offers 申请转入 (a claim the
// owner's manager decides), filed with the value typed here, which the server checks again
// (lib/claims/file-claim.ts), without revealing anything more.
export function DuplicateNotice({ matches, field, value, fieldLabel, claimable }: Props) {
  const t = useTranslations("prospects");
  const tc = useTranslations("claims");
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
          <div key={i} className="flex flex-wrap items-center gap-2 rounded bg-red-50 px-2 py-1">
            <p role="alert" className="min-w-0 flex-1 text-sm font-medium text-red-800">
              {t("duplicateOther", { field: fieldLabel, owner: m.ownerName })}{" "}
              {claimable && m.claimCustomerId ? tc("noticeHint", { owner: m.ownerName }) : t("askManager", { owner: m.ownerName })}
            </p>
            {claimable && m.claimCustomerId && <ClaimDialog customerId={m.claimCustomerId} field={field} value={value} ownerName={m.ownerName} />}
          </div>
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
