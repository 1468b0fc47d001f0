import { getTranslations } from "next-intl/server";
import { UploadDocumentDialog } from "@/components/documents/upload-document-dialog";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { allowedFileType } from "@/lib/documents/file-rules";
import { formatFileSize } from "@/lib/documents/format";
import type { StepView } from "@/lib/processes/queries";
import { formatDateTime } from "@/lib/time";
import { cn } from "@/lib/utils/cn";
import { NoteForm } from "./note-form";
import { StepActions } from "./step-actions";
import { StepChecklist } from "./step-checklist";
import { OverdueBadge, StepStatusBadge } from "./status-badges";

type Props = {
  step: StepView;
  processId: string;
  contractNumber: string;
  current: boolean;
  locale: string;
  // The upload limit, and whether the user may upload files at all (file.upload: finance, who works its
  // own steps, may not).
  upload: { maxBytes: number; maxText: string; allowed: boolean };
};

const EVENT_VARIANT: BadgeVariant = "brand";

/**
 * One step of 合同流程进度: state, owner, planned and actual dates, 逾期 N 个工作日, 材料清单 (ticked in
 * place), results, files (上传 onto the step), notes, and the buttons its allowedActions give.
 * Stacked on a phone; the dates in two columns there and four from `sm`.
 */
export async function StepCard({ step, processId, contractNumber, current, locale, upload }: Props) {
  const [t, tr, te, td, ts] = await Promise.all([
    getTranslations("processes.progress"),
    getTranslations("processes.roles"),
    getTranslations("processes.events"),
    getTranslations("documents"),
    getTranslations("processes.step"),
  ]);
  const dates: [string, string | null][] = [
    [t("plannedStartOn"), step.plannedStartOn],
    [t("plannedDueOn"), step.plannedDueOn],
    [t("startedOn"), step.startedOn],
    [t("completedOn"), step.completedOn],
  ];
  const results = step.resultFields.filter((f) => step.results[f.key]);
  const owner = step.owner ? step.owner.name : t("department", { role: tr(step.role) });
  const mayUpload = upload.allowed && step.allowedActions.includes("upload");
  const mayNote = step.allowedActions.includes("note");

  return (
    <li
      id={`step-${step.id}`}
      aria-current={current ? "step" : undefined}
      className={cn("scroll-mt-20 rounded-lg border bg-white p-4 shadow-sm", current ? "border-brand-300 ring-1 ring-brand-200" : "border-gray-200")}
      data-testid="process-step"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 className="min-w-0 font-medium break-words text-gray-900">
          <span className="mr-1 text-gray-500 tabular-nums">{step.position}.</span>
          {step.name}
        </h3>
        <div className="flex flex-wrap items-center gap-1">
          {current && <Badge variant="brand">{t("current")}</Badge>}
          <StepStatusBadge status={step.status} />
          <OverdueBadge days={step.overdueDays} />
        </div>
      </div>
      <p className="mt-1 text-sm text-gray-600">
        {t("ownerLine", { name: owner })}
        {step.event && (
          <>
            {" · "}
            <Badge variant={EVENT_VARIANT}>{t("event", { event: te(step.event) })}</Badge>
          </>
        )}
      </p>
      <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-2 text-sm sm:grid-cols-4">
        {dates.map(([name, value]) => (
          <div key={name}>
            <dt className="text-gray-500">{name}</dt>
            <dd className="text-gray-900 tabular-nums">{value ?? t("none")}</dd>
          </div>
        ))}
      </dl>
      {step.skipReason && <p className="mt-2 text-sm break-words whitespace-pre-line text-amber-800">{t("skipReason", { reason: step.skipReason })}</p>}
      {step.missingConfirmed.length > 0 && (
        <p className="mt-2 text-sm break-words text-amber-800">{t("missingConfirmed", { items: step.missingConfirmed.join("、") })}</p>
      )}
      <div className="mt-3 grid gap-4 md:grid-cols-2">
        <StepChecklist stepId={step.id} version={step.version} items={step.checklist} editable={step.allowedActions.includes("check")} />
        {results.length > 0 && (
          <div className="min-w-0">
            <p className="mb-1 text-sm font-medium text-gray-700">{t("results")}</p>
            <dl className="space-y-1 text-sm">
              {results.map((f) => (
                <div key={f.key} className="flex flex-wrap gap-x-2">
                  <dt className="text-gray-500">{f.label}</dt>
                  <dd className="break-words whitespace-pre-line text-gray-900">{step.results[f.key]}</dd>
                </div>
              ))}
            </dl>
          </div>
        )}
      </div>
      {(step.documents.length > 0 || mayUpload) && (
        <div className="mt-3">
          <div className="mb-1 flex flex-wrap items-center justify-between gap-2">
            <p className="text-sm font-medium text-gray-700">{t("documents")}</p>
            {mayUpload && (
              <UploadDocumentDialog
                ownerType="step"
                ownerId={step.id}
                description={ts("uploadTo", { number: contractNumber, name: step.name })}
                maxBytes={upload.maxBytes}
                maxText={upload.maxText}
              />
            )}
          </div>
          {step.documents.length === 0 ? (
            <p className="text-sm text-gray-500">{t("noDocuments")}</p>
          ) : (
            <ul className="divide-y divide-gray-100 text-sm">
              {step.documents.map((doc) => {
                const type = allowedFileType(doc.contentType);
                return (
                  <li key={doc.id} className="flex flex-col gap-1 py-2 sm:flex-row sm:items-center sm:justify-between">
                    <p className="min-w-0">
                      <Badge variant="brand" className="mr-2">
                        {td(`categories.${doc.category}`)}
                      </Badge>
                      <span className="break-all text-gray-900">{doc.fileName}</span>
                      <span className="block text-xs text-gray-500">
                        {formatFileSize(doc.size, locale)} · {doc.uploadedBy} · {formatDateTime(doc.createdAt, locale)}
                      </span>
                    </p>
                    <span className="flex shrink-0 gap-2">
                      {type?.inline && (
                        <a href={`/files/${doc.id}`} target="_blank" rel="noopener" className={buttonVariants({ variant: "secondary", size: "sm" })} aria-label={td("previewLabel", { fileName: doc.fileName })}>
                          {td("preview")}
                        </a>
                      )}
                      <a href={`/files/${doc.id}?download=1`} className={buttonVariants({ variant: "secondary", size: "sm" })} aria-label={td("downloadLabel", { fileName: doc.fileName })}>
                        {td("download")}
                      </a>
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      )}
      {(step.notes.length > 0 || mayNote) && (
        <div className="mt-3">
          <p className="mb-1 text-sm font-medium text-gray-700">{t("notes")}</p>
          <ul className="space-y-2 text-sm">
            {step.notes.map((n) => (
              <li key={n.id} className="rounded bg-gray-50 p-2">
                <p className="break-words whitespace-pre-line text-gray-900">{n.body}</p>
                <p className="text-xs text-gray-500">
                  {n.author} · {formatDateTime(n.createdAt, locale)}
                </p>
              </li>
            ))}
          </ul>
          {mayNote && (
            <details className="mt-2">
              <summary className="cursor-pointer text-sm text-brand-700">{ts("addNote")}</summary>
              <div className="mt-2">
                <NoteForm processId={processId} stepId={step.id} />
              </div>
            </details>
          )}
        </div>
      )}
      <div className="mt-3">
        <StepActions step={step} allowed={step.allowedActions} />
      </div>
    </li>
  );
}
