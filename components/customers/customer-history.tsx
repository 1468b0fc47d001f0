import { getTranslations } from "next-intl/server";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { formatDateTime } from "@/lib/time";

// Actions whose audit row holds a whole record rather than a change: listing its fields says nothing.
const SUMMARY_ONLY = new Set(["prospect.create", "followUp.create"]);

type Entry = {
  id: bigint;
  action: string;
  createdAt: Date;
  actor: { name: string } | null;
  after: unknown;
};

// 修改记录 of a prospect or client: its audit rows, newest first, with the fields each one changed.
export async function CustomerHistory({ entries, locale }: { entries: Entry[]; locale: string }) {
  const t = await getTranslations("prospects");
  const tf = await getTranslations("fields");
  const tFollowUps = await getTranslations("followUps");
  // Audit actions are named "entity.verb"; message keys cannot contain dots, so look up the verb.
  const actionLabel = (action: string) => {
    // Its verb alone ("create") would read as the prospect's creation.
    if (action === "followUp.create") return tFollowUps("historyAction");
    const key = `actions.${action.split(".").pop()}`;
    return t.has(key) ? t(key) : action;
  };
  return (
    <Card className="self-start">
      <CardHeader>
        <CardTitle>{t("history")}</CardTitle>
      </CardHeader>
      <CardContent>
        {entries.length === 0 ? (
          <p className="text-sm text-gray-500">{t("historyEmpty")}</p>
        ) : (
          <ol className="space-y-3 text-sm">
            {entries.map((e) => {
              const changed = e.after && typeof e.after === "object" ? Object.keys(e.after) : [];
              return (
                <li key={e.id.toString()} className="border-l-2 border-brand-600/40 pl-3">
                  <p className="font-medium text-gray-900">
                    {actionLabel(e.action)}
                  </p>
                  <p className="text-gray-500">
                    {t("by", { name: e.actor?.name ?? "—", time: formatDateTime(e.createdAt, locale) })}
                  </p>
                  {!SUMMARY_ONLY.has(e.action) && changed.length > 0 && (
                    <p className="break-words text-gray-700">
                      {changed.map((k) => (tf.has(k.replace(/Id$/, "")) ? tf(k.replace(/Id$/, "")) : k)).join("、")}
                    </p>
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
