import { useTranslations } from "next-intl";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import type { ContractStatus } from "@/lib/generated/prisma/enums";

const VARIANTS: Record<ContractStatus, BadgeVariant> = {
  DRAFT: "neutral",
  PENDING_MANAGER: "warning",
  PENDING_FINANCE: "warning",
  AUDITED: "success",
  IN_SERVICE: "brand",
  COMPLETED: "info",
  TERMINATED: "danger",
};

export function ContractStatusBadge({ status, className }: { status: ContractStatus; className?: string }) {
  const t = useTranslations("fields.contractStatuses");
  return (
    <Badge variant={VARIANTS[status]} className={className}>
      {t(status)}
    </Badge>
  );
}
