import type { BadgeVariant } from "@/components/ui/badge";
import type { HandoverStatus } from "@/lib/generated/prisma/enums";

/** The badge colour of each 移交工作 state. */
export const STATUS_VARIANT: Record<HandoverStatus, BadgeVariant> = {
  PENDING_MANAGER: "warning",
  APPROVED: "success",
  REJECTED: "danger",
  WITHDRAWN: "neutral",
};
