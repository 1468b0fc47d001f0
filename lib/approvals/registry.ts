import "server-only";
import type { ApprovalKind } from "@/lib/generated/prisma/enums";
import type { ApprovalProvider } from "./provider";
import { changeFormProvider } from "./providers/change-form";
import { claimProvider } from "./providers/claim";
import { contractProvider } from "./providers/contract";
import { countryChangeProvider } from "./providers/country-change";
import { handoverProvider } from "./providers/handover";
import { refundProvider } from "./providers/refund";

// Every kind of request the 经理审核 inbox decides, in the order the inbox shows them. A new kind is
// one provider module (./providers/<kind>.ts) added here; nothing else changes.
export const PROVIDERS: readonly ApprovalProvider[] = [
  contractProvider,
  changeFormProvider,
  refundProvider,
  claimProvider,
  countryChangeProvider,
  handoverProvider,
];

/** The provider of `kind`, or undefined for a kind no module decides (yet). */
export function providerOf(kind: ApprovalKind): ApprovalProvider | undefined {
  return PROVIDERS.find((p) => p.kind === kind);
}
