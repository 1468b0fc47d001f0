"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";

type Props = { id: string; fileName: string; kind: "image" | "pdf" };

/**
 * 预览 of an image or a PDF inside the e-archive: a dialog showing GET /files/<id> (served inline). The
 * bytes are fetched only when the dialog opens, and that request is what the access log records
 * (PREVIEW_DOCUMENT, app/files/[id]/route.ts).
 */
export function DocumentPreview({ id, fileName, kind }: Props) {
  const t = useTranslations("eArchive.archive");
  const src = `/files/${id}`;
  return (
    <Dialog>
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm">
          {t("preview")}
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-4xl" aria-describedby={undefined}>
        <DialogHeader>
          <DialogTitle className="break-all">{t("previewTitle", { name: fileName })}</DialogTitle>
        </DialogHeader>
        {kind === "image" ? (
          // eslint-disable-next-line @next/next/no-img-element -- a private, uncached file route: next/image cannot optimise it
          <img src={src} alt={fileName} className="max-h-[70vh] w-full object-contain" />
        ) : (
          <iframe src={src} title={fileName} className="h-[70vh] w-full rounded border border-gray-200" />
        )}
      </DialogContent>
    </Dialog>
  );
}
