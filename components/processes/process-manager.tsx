"use client";

import { useState } from "react";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { ProcessSummary } from "@/lib/processes/queries";
import { formatDate } from "@/lib/time";
import { cn } from "@/lib/utils/cn";
import { BindProcessForm } from "./bind-process-form";
import { StopProcessDialog } from "./stop-process-dialog";
import { StartProcessDialog } from "./start-process-dialog";
import { OverdueBadge, ProcessStatusBadge } from "./status-badges";

type Props = {
  contractId: string;
  processes: ProcessSummary[];
  templates: { id: string; name: string; countryId: string }[];
  countries: { id: string; label: string }[];
  contractCountryId: string;
  canBind: boolean;
  // The 文案 to choose at 启动 (allowed.assign), else null.
  officers: { id: string; name: string }[] | null;
  askCourseStart: boolean;
};

/**
 * 流程管理's interactive part (manual section 4): the bound processes, one of which is selected
 * (选中流程) for 启动 or 停止 — the buttons the process's allowedActions give — and 绑定.
 */
export function ProcessManager({ contractId, processes, templates, countries, contractCountryId, canBind, officers, askCourseStart }: Props) {
  const t = useTranslations("processes.card");
  const locale = useLocale();
  const [selectedId, setSelectedId] = useState<string | null>(
    () => processes.find((p) => p.allowedActions.length > 0)?.id ?? processes[0]?.id ?? null,
  );
  const selected = processes.find((p) => p.id === selectedId) ?? null;
  const date = (d: Date | null) => (d ? formatDate(new Date(d), locale) : "—");

  return (
    <div className="space-y-4">
      {processes.length === 0 ? (
        <p className="text-sm text-gray-500">{t("empty")}</p>
      ) : (
        <fieldset>
          <legend className="sr-only">{t("listCaption")}</legend>
          <ul className="divide-y divide-gray-100 rounded-md border border-gray-200">
            {processes.map((p) => (
              <li key={p.id} className={cn("flex gap-3 p-3", p.id === selectedId && "bg-brand-50")}>
                <input
                  type="radio"
                  name={`process-${contractId}`}
                  id={`process-${p.id}`}
                  className="mt-1 size-4 shrink-0"
                  checked={p.id === selectedId}
                  onChange={() => setSelectedId(p.id)}
                  aria-label={t("select", { name: p.name })}
                />
                <div className="min-w-0 flex-1 space-y-1 text-sm">
                  <p className="flex flex-wrap items-center gap-2">
                    <Link href={`/contracts/${contractId}/processes/${p.id}`} className="font-medium break-words text-brand-700 hover:underline">
                      {p.name}
                    </Link>
                    <ProcessStatusBadge status={p.status} />
                    <OverdueBadge days={p.currentOverdueDays} />
                  </p>
                  <p className="text-gray-600">
                    {t("officerLine", { name: p.documentOfficer?.name ?? t("unassigned") })}
                    {p.stepCount > 0 && <> · {t("progress", { closed: p.closedStepCount, total: p.stepCount })}</>}
                  </p>
                  {p.currentStepName && (
                    <p className="text-gray-600">
                      {p.currentDueOn ? t("currentStepDue", { name: p.currentStepName, date: p.currentDueOn }) : t("currentStepLine", { name: p.currentStepName })}
                    </p>
                  )}
                  <p className="text-gray-500 tabular-nums">{t("datesLine", { bound: date(p.boundAt), started: date(p.startedAt), ended: date(p.endedAt) })}</p>
                  {p.stopReason && <p className="break-words whitespace-pre-line text-gray-600">{t("stopReason", { reason: p.stopReason })}</p>}
                </div>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      {selected && selected.allowedActions.some((a) => a === "start" || a === "stop") && (
        <div className="flex flex-wrap items-center gap-2" aria-live="polite">
          <span className="text-sm text-gray-600">{t("selected", { name: selected.name })}</span>
          {selected.allowedActions.includes("start") && <StartProcessDialog key={selected.id} process={selected} officers={officers} askCourseStart={askCourseStart} />}
          {selected.allowedActions.includes("stop") && (
            <StopProcessDialog key={`stop-${selected.id}`} process={selected} />
          )}
        </div>
      )}
      {processes.length > 1 && <p className="text-xs text-gray-500">{t("oneInProgress")}</p>}
      {canBind && (
        <BindProcessForm contractId={contractId} countries={countries} defaultCountryId={contractCountryId} templates={templates} onBound={setSelectedId} />
      )}
    </div>
  );
}
