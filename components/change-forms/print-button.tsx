"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** 打印: the browser's print dialog; the page's print styles leave only the form's sheet on the paper. */
export function PrintButton() {
  const t = useTranslations("changeForms.detail");
  return (
    <Button variant="secondary" onClick={() => window.print()} className="print:hidden">
      {t("print")}
    </Button>
  );
}
