"use client";

import { useTranslations } from "next-intl";
import { Toaster as Sonner } from "sonner";

// Outcomes (已保存, 合同已提交 …) and the failures of button-only actions, as toasts. It sits in the root
// layout, so a toast raised just before router.push is still on screen on the next page; nothing is
// carried in the URL, so a reload never repeats it. Sonner renders one aria-live="polite" region,
// present before any toast arrives, so screen readers announce each one. Top centre, just under the
// 56 px header: the sticky save bars at the bottom of the forms (and their buttons) stay uncovered,
// and on a phone (≤ 600 px) the toast spans the width below the header.
const RICH_COLORS = {
  "--success-text": "#166534",
  "--error-text": "#b91c1c",
  "--warning-text": "#92400e",
  "--info-text": "#1d4ed8",
} as React.CSSProperties;

export function Toaster() {
  const t = useTranslations("common.toast");
  return (
    <Sonner
      position="top-center"
      offset={{ top: 64 }}
      mobileOffset={{ top: 64, left: 12, right: 12 }}
      duration={6000}
      richColors
      closeButton
      customAriaLabel={t("region")}
      // Never on paper: a toast raised just before printing (技术维护单's print view) would cover the form.
      className="print:hidden"
      // Sonner's rich colours put #008a2e on #ecfdf3 (4.25:1) and #e60000 on #fff0f0: below WCAG AA's 4.5:1
      // for 13 px text. The same hues, darker (each ≥ 6.5:1 on its background).
      style={RICH_COLORS}
      toastOptions={{ closeButtonAriaLabel: t("close"), classNames: { toast: "font-sans text-sm" } }}
    />
  );
}
