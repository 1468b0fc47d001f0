import { getTranslations } from "next-intl/server";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import type { AgeingBucket } from "@/lib/finance/ageing";
import type { ReceivableRow } from "@/lib/finance/receivables";

const VARIANT: Record<AgeingBucket, BadgeVariant> = {
  NOT_DUE: "neutral",
  D1_30: "warning",
  D31_60: "warning",
  D61_90: "danger",
  D90_PLUS: "danger",
};

// 账龄 of a row: one badge per stage that still owes something (其他: a 转国家 补费), or 已收齐.
export async function AgeingBadges({ row }: { row: ReceivableRow }) {
  const [t, ts, tb] = await Promise.all([getTranslations("finance.receivables"), getTranslations("finance.stages"), getTranslations("finance.buckets")]);
  const stages = [
    ["FIRST", row.firstBucket],
    ["SECOND", row.secondBucket],
    ["OTHER", row.otherBucket],
  ] as const;
  const open = stages.filter(([, bucket]) => bucket !== null) as [string, AgeingBucket][];
  if (open.length === 0) return <Badge variant="success">{t("settled")}</Badge>;
  return (
    <span className="inline-flex flex-wrap gap-1">
      {open.map(([stage, bucket]) => (
        <Badge key={stage} variant={VARIANT[bucket]}>
          {t("stageAge", { stage: ts(stage), bucket: tb(bucket) })}
        </Badge>
      ))}
    </span>
  );
}
