import { getTranslations } from "next-intl/server";
import { formatCny } from "@/lib/money";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { AuditTrailEntry } from "@/lib/audit/queries";
import type { ContractDetail } from "@/lib/contracts/queries";
import { CONTRACT_STATUSES } from "@/lib/contracts/lifecycle";
import type { ContractStatus } from "@/lib/generated/prisma/enums";
import { formatDateTime } from "@/lib/time";

// Audit columns as `fields.*` labels; the rest (owner ids and the like) are not shown.
const FIELD_LABELS: Record<string, string> = {
  countryId: "country",
  programId: "program",
  number: "contractNumber",
  signedOn: "signedOn",
  school: "school",
  course: "course",
  firstFee: "firstFee",
  secondFee: "secondFee",
  remark: "remark",
  status: "contractStatus",
};

const isStatus = (v: unknown): v is ContractStatus => CONTRACT_STATUSES.includes(v as ContractStatus);

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

type Labels = Map<string, string>;

// Every change to the contract, newest first, as field: before → after.
export async function ContractAuditTrail({
  entries,
  dictionaryLabels,
  locale,
}: {
  entries: AuditTrailEntry[];
  dictionaryLabels: Labels;
  locale: string;
}) {
  const t = await getTranslations("contracts");
  const tf = await getTranslations("fields");
  // Audit actions are named "contract.verb"; message keys cannot contain dots, so look up the verb.
  const actionLabel = (action: string) => {
    const key = `auditActions.${action.split(".").pop()}`;
    return t.has(key) ? t(key) : action;
  };
  const show = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === "") return "—";
    const text = String(value);
    if (field === "countryId" || field === "programId") return dictionaryLabels.get(text) ?? text;
    if (field === "signedOn") return text.slice(0, 10);
    if (field === "firstFee" || field === "secondFee") return formatCny(text, locale);
    if (field === "status" && isStatus(value)) return tf(`contractStatuses.${value}`);
    return text;
  };
  const record = (v: unknown) => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("auditTrail")}</CardTitle>
      </CardHeader>
      <CardContent>
        {entries.length === 0 ? (
          <p className="text-sm text-gray-500">{t("auditEmpty")}</p>
        ) : (
          <ol className="space-y-3 text-sm" aria-label={t("auditTrail")}>
            {entries.map((e) => {
              const before = record(e.before);
              const after = record(e.after);
              // A creation lists every field; only edits and moves read well as a diff.
              const fields = e.action.endsWith(".create") ? [] : Object.keys(after).filter((k) => k in FIELD_LABELS);
              return (
                <li key={e.id.toString()} className="border-l-2 border-gray-300 pl-3">
                  <p className="font-medium text-gray-900">{actionLabel(e.action)}</p>
                  <p className="text-gray-500">{t("by", { name: e.actor?.name ?? "—", time: formatDateTime(e.createdAt, locale) })}</p>
                  {fields.length > 0 && (
                    <ul className="mt-1 space-y-0.5 text-gray-700">
                      {fields.map((k) => (
                        <li key={k} className="break-words">
                          {t("change", { field: tf(FIELD_LABELS[k]), before: show(k, before[k]), after: show(k, after[k]) })}
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              );
            })}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}
