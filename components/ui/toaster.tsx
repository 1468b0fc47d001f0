"use client";

import { useTranslations } from "next-intl";
import { Toaster as Sonner } from "sonner";

// Outcomes (已保存, 合同已提交 …) and the failures of button-only actions, as toasts. It sits in the root
// layout, so a toast raised just before router.push is still on screen on the next page; nothing is
// carried in the URL, so a reload never repeats it. Sonner renders one aria-live="polite" region,
// present before any toast arrives, so screen readers announce each one. Top centre, just under the
// 56 px header: the sticky save bars at the bottom of the forms (and their buttons) stay uncovered,
// and on a phone (≤ 600 px) the toast spans the width below the header.
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
      toastOptions={{ closeButtonAriaLabel: t("close"), classNames: { toast: "font-sans text-sm" } }}
    />
  );
}
