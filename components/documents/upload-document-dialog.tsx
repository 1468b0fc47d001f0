"use client";

import { useId, useMemo, useState } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { toast } from "sonner";
import { ActionForm } from "@/components/forms/action-form";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { useMessageKey } from "@/components/forms/use-message-key";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFormActions, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { FileInput } from "@/components/ui/file-input";
import { Select } from "@/components/ui/select";
import { ACCEPT_ATTRIBUTE } from "@/lib/documents/file-rules";
import { DOCUMENT_CATEGORIES, uploadDocumentSchema, type DocumentOwnerType, type UploadDocumentFormValues } from "@/lib/documents/schema";
import type { DuplicateDocument } from "@/lib/documents/upload-document";
import { formatDateTime } from "@/lib/time";
import { postDocument, type UploadedDocument } from "./post-document";

type Props = {
  ownerType: DocumentOwnerType;
  ownerId: string;
  // Where the file goes, said in the dialog (合同 BJ-2026-0001, or the client's own records).
  description: string;
  maxBytes: number;
  maxText: string;
};

/** 上传文件: a button opening the upload dialog (类别, 文件), for the 电子档案文件 card of a customer or contract. */
export function UploadDocumentDialog({ description, ...props }: Props) {
  const t = useTranslations("documents");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary">{t("upload")}</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t("uploadTitle")}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        <UploadForm
          {...props}
          onDone={(uploaded) => {
            toast.success(t("uploaded", { fileName: uploaded.fileName }));
            setOpen(false);
            router.refresh();
          }}
        />
      </DialogContent>
    </Dialog>
  );
}

function UploadForm({ ownerType, ownerId, maxBytes, maxText, onDone }: Omit<Props, "description"> & { onDone: (uploaded: UploadedDocument) => void }) {
  const t = useTranslations("documents");
  const message = useMessageKey();
  const ids = useId();
  const schema = useMemo(() => uploadDocumentSchema(maxBytes), [maxBytes]);
  const { form, submit, pending, formError, details } = useActionForm<UploadDocumentFormValues, UploadedDocument>({
    schema,
    defaultValues: { ownerType, ownerId, category: "", file: null, confirmDuplicate: false },
    mode: "onSubmit",
    action: postDocument,
    onSuccess: onDone,
  });
  const { register, formState } = form;
  const error = (key: string | undefined) => (key ? message("validation", key) : undefined);
  const duplicate = formError === "duplicateDocument" ? (details?.duplicate as DuplicateDocument | undefined) : undefined;
  // The same values again, now confirming the upload past the earlier one the notice names.
  const uploadAnyway = submit({ action: (values) => postDocument({ ...values, confirmDuplicate: true }), onSuccess: onDone });

  return (
    <ActionForm onSubmit={submit()} pending={pending} className="mt-4 flex flex-col gap-4">
      <FormError error={formError}>{duplicate && <DuplicateNotice duplicate={duplicate} onConfirm={uploadAnyway} pending={pending} />}</FormError>
      <Field label={t("category")} htmlFor={`${ids}-category`} required error={error(formState.errors.category?.message)}>
        <Select {...register("category")} required>
          <option value="">{t("chooseCategory")}</option>
          {DOCUMENT_CATEGORIES.map((category) => (
            <option key={category} value={category}>
              {t(`categories.${category}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label={t("file")}
        htmlFor={`${ids}-file`}
        required
        hint={t("fileHint", { max: maxText })}
        error={error(formState.errors.file?.message)}
      >
        <FileInput {...register("file")} accept={ACCEPT_ATTRIBUTE} required />
      </Field>
      <DialogFormActions pending={pending} submitLabel={t("submit")} pendingLabel={t("submitting")} />
    </ActionForm>
  );
}

function DuplicateNotice({ duplicate, onConfirm, pending }: { duplicate: DuplicateDocument; onConfirm: () => void; pending: boolean }) {
  const t = useTranslations("documents");
  const locale = useLocale();
  const where = duplicate.contractNumber ? t("onContract", { number: duplicate.contractNumber }) : t("customerOwn");
  return (
    <div className="space-y-2" data-testid="duplicate-document">
      <p>
        {t("duplicateNotice", {
          uploader: duplicate.uploadedBy,
          time: formatDateTime(new Date(duplicate.uploadedAt), locale),
          fileName: duplicate.fileName,
          category: t(`categories.${duplicate.category}`),
          where,
        })}
      </p>
      <p>{t("duplicateHint")}</p>
      <Button variant="secondary" size="sm" disabled={pending} onClick={onConfirm}>
        {t("uploadAnyway")}
      </Button>
    </div>
  );
}
