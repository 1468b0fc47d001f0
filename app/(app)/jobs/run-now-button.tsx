"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { runJobNowAction } from "./actions";

/** 立即运行 one job; the outcome (成功 or the error) as a toast, then the page reloads its runs. */
export function RunNowButton({ name, label }: { name: string; label: string }) {
  const t = useTranslations("jobs");
  const router = useRouter();
  const run = useAction(runJobNowAction, {
    onSuccess: (result) => {
      if (result.status === "OK") toast.success(t("ranOk", { job: label }));
      else toast.error(t("ranFailed", { job: label, error: result.error ?? "" }));
      router.refresh();
    },
  });
  return (
    <Button variant="secondary" size="sm" disabled={run.pending} aria-label={t("runNowLabel", { job: label })} onClick={() => run.run({ name })}>
      {run.pending ? t("running") : t("runNow")}
    </Button>
  );
}
