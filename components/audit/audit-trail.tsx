import { getTranslations } from "next-intl/server";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { describeAuditEntry, type AuditedEntity } from "@/lib/audit/labels";
import { getAuditTrailWithReferences } from "@/lib/audit/queries";
import { requireUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/time";
import { cn } from "@/lib/utils/cn";

type Props = { entity: AuditedEntity; id: string; limit?: number; className?: string };

// 修改记录 of one record, newest first: who did what when, and what changed (field: before → after),
// as lib/audit/labels.ts says the record type reads. Read in the signed-in user's scope, so it shows
// nothing of a record the user may not see, whichever page renders it.
export async function AuditTrail({ entity, id, limit = 50, className }: Props) {
  const user = await requireUser();
  const [t, { entries, dictionary, users }] = await Promise.all([
    getTranslations(),
    getAuditTrailWithReferences(user, entity, id, { limit }),
  ]);
  const context = { locale: user.locale, t, dictionary, users};

  return (
    <Card className={cn("self-start", className)}>
      <CardHeader>
        <CardTitle>{t("audit.title")}</CardTitle>
      </CardHeader>
      <CardContent>
        {entries.length === 0 ? (
          <p className="text-sm text-gray-500">{t("audit.empty")}</p>
        ) : (
          <ol className="space-y-3 text-sm" aria-label={t("audit.title")}>
            {entries.map((entry) => {
              const { action, lines } = describeAuditEntry(entity, entry, context);
              return (
                <li key={entry.id.toString()} className="border-l-2 border-gray-300 pl-3">
                  <p className="font-medium text-gray-900">{action}</p>
                  <p className="text-gray-500">
                    {t("audit.by", { name: entry.actor?.name ?? t("audit.system"), time: formatDateTime(entry.createdAt, user.locale) })}
                  </p>
                  {lines.length > 0 && (
                    <ul className="mt-1 space-y-0.5 text-gray-700">
                      {lines.map((line) => (
                        <li key={line.field} className="break-words whitespace-pre-line">
                          {"value" in line
                            ? t("audit.value", { field: line.field, value: line.value })
                            : t("audit.change", { field: line.field, before: line.before, after: line.after })}
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
