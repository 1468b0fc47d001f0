import { useTranslations } from "next-intl";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import type { ChangeFormStatus } from "@/lib/generated/prisma/enums";

const VARIANTS: Record<ChangeFormStatus, BadgeVariant> = {
  PENDING_MANAGER: "warning",
  APPROVED: "info",
  REJECTED: "danger",
  APPLIED: "success",
  DECLINED: "danger",
  WITHDRAWN: "neutral",
};

/** A 技术维护单's state as a badge. */
export function ChangeFormStatusBadge({ status, className }: { status: ChangeFormStatus; className?: string }) {
  const t = useTranslations("changeForms.statuses");
  return (
    <Badge variant={VARIANTS[status]} className={className}>
      {t(status)}
    </Badge>
  );
}
